"""CPU per submitComment request of two or more checkouts, measured side by side in short interleaved turns.

    .venv/bin/python bench/request_cpu.py --checkout /tmp/before --checkout . [--rounds 8 --seconds 6]

On a shared virtual machine the CPU a request costs drifts by ±30 % between minutes (other tenants,
steal time), so two full `bench/ingest.py` runs minutes apart cannot show a 10 % change. This script
starts one `canyu serve --workers 1` per checkout (production settings, PostgreSQL, Redis db 9, no arq
worker: the nudged jobs wait in Redis) on one seeded database, then loads them in turns of a few seconds
each, in alternating order, with the same wrk script as bench/ingest.py. Each turn's CPU seconds of that
server process (user + system, from /proc) divided by its answered requests gives one sample; the table
shows the median and the spread over the turns. Only the web process is measured: PostgreSQL, Redis
and the load generator are the same for every checkout.

Each server imports its checkout's code (PYTHONPATH) with this venv's packages. The database, Redis db 9,
ports 18010+ and the lock are bench/ingest.py's.
"""

import argparse
import asyncio
import secrets
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import ingest


def server_env(checkout: Path) -> dict[str, str]:
    env = ingest.canyu_env(
        CANYU_SECRET_KEY=secrets.token_urlsafe(32),
        CANYU_DATABASE_URL=ingest.PG_URL,
        CANYU_REDIS_URL=ingest.REDIS_URL,
        # Many more turns than bench/ingest.py's one run: the per-citizen limit is raised too (still counted).
        CANYU_COMMENT_RATE_LIMIT="1000000000",
    )
    env["PYTHONPATH"] = str(checkout)
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--checkout", action="append", type=Path, required=True, help="repeat for each")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--citizens", type=int, default=2000)
    args = parser.parse_args()
    checkouts = [c.resolve() for c in args.checkout]
    lock = ingest.exclusive_run_lock()
    work = Path(tempfile.mkdtemp(prefix="canyu-bench-cpu-"))
    processes = ingest.Processes(work)
    try:
        asyncio.run(ingest.recreate_postgres_database())
        from api.migrate import upgrade

        upgrade(ingest.PG_URL)
        seeded = asyncio.run(
            ingest.seed(ingest.PG_URL, citizens=args.citizens, tokens_file=work / "tokens.txt")
        )
        ingest.flush_redis()
        servers: list[tuple[Path, int, str]] = []
        for n, checkout in enumerate(checkouts):
            port, name = 18010 + n, f"serve-{n}"
            argv = [str(ingest.CANYU), "serve", "--workers", "1", "--host", ingest.HOST, "--port", str(port)]
            process = processes.start(name, argv, server_env(checkout), work, port)
            ingest.wait_ready(f"http://{ingest.HOST}:{port}/readyz", process, processes, name)
            servers.append((checkout, process.pid, f"http://{ingest.HOST}:{port}/graphql"))
        common: dict[str, Any] = {
            "mode": "graphql",
            "connections": args.connections,
            "threads": 1,
            "tokens_file": seeded.tokens_file,
            "consultation_id": seeded.consultation_id,
            "article_ids": seeded.article_ids,
            "receipts_prefix": None,
        }
        for _checkout, _pid, url in servers:  # warm caches, prepared statements, the draft version
            ingest.run_wrk(url, duration=3, nonce=f"warm{secrets.token_hex(3)}", **common)
        samples: dict[Path, list[tuple[float, float]]] = {c: [] for c in checkouts}
        for round_number in range(args.rounds):
            order = servers if round_number % 2 == 0 else servers[::-1]
            for checkout, pid, url in order:
                before = ingest.cpu_seconds(pid)
                run = ingest.run_wrk(url, duration=args.seconds, nonce=f"cpu{secrets.token_hex(3)}", **common)
                used = ingest.cpu_seconds(pid) - before
                if run.errors or not run.result["ok"]:
                    raise RuntimeError(f"{checkout}: {run.errors} errors ({run.result['first_error'][:300]})")
                samples[checkout].append((used / run.result["ok"] * 1000, run.ok_per_s))
                ingest.log(
                    f"round {round_number + 1} {checkout}: {samples[checkout][-1][0]:.2f} ms CPU/request"
                )
        turns = f"{args.rounds} turns of {args.seconds} s each"
        print(f"\n{turns}, {args.connections} connections, one worker per checkout\n")
        print("| checkout | commit | CPU ms per request, median | min – max | requests/s, median |")
        print("|---|---|---:|---:|---:|")
        for checkout in checkouts:
            cpu = [s[0] for s in samples[checkout]]
            rate = [s[1] for s in samples[checkout]]
            commit = subprocess.run(
                ["git", "-C", str(checkout), "describe", "--always", "--dirty"],
                capture_output=True,
                text=True,
            ).stdout.strip()
            print(
                f"| {checkout} | {commit} | {statistics.median(cpu):.2f} | {min(cpu):.2f} – {max(cpu):.2f} | "
                f"{statistics.median(rate):.0f} |"
            )
    finally:
        processes.stop_all()
        lock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
