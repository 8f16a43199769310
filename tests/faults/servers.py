"""Private PostgreSQL and Redis servers and canyu's production processes, started and stopped by the
fault tests.

The machine's own PostgreSQL (5432) and Redis (6379) are shared with other engineers and CI, so these
tests never touch them: they start a throw-away PostgreSQL cluster (initdb as the `postgres` OS user, trust
auth, its own port and socket directory) and throw-away Redis servers, break those, and remove them at
the end. Every process started here gets its own session (process group), so it can be stopped as a whole
without reaching any process this module did not start.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CANYU = VENV_BIN / "canyu"
PG_BIN = Path(os.environ.get("CANYU_FAULTS_PG_BIN", "/usr/lib/postgresql/15/bin"))
HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port nobody listens on right now (the kernel's choice)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def wait_until(
    condition: Callable[[], Any], *, timeout: float, interval: float = 0.1, what: str = "condition"
) -> Any:
    """Poll until condition() is truthy and return its value; fail with `what` after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex((HOST, port)) == 0


def _stop_group(process: subprocess.Popen[bytes], *, timeout: float = 10) -> None:
    """SIGTERM the process group this module started, then SIGKILL whatever is left of it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    # Children (uvicorn workers, the aggregation pool) may outlive their parent: kill the whole group.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


class PrivatePostgres:
    """A PostgreSQL cluster of our own in a temporary directory owned by the `postgres` OS user."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="canyu-faults-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.port = free_port()
        shutil.chown(self.root, user="postgres", group="postgres")
        os.chmod(self.root, 0o700)

    def _as_postgres(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            capture_output=True,
            text=True,
            check=check,
            cwd=self.root,
        )

    def init(self) -> None:
        self._as_postgres(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )

    def start(self) -> None:
        # Commits behave as in production (synchronous_commit stays on: a commit returns once its WAL is
        # written, so a fast shutdown keeps every acknowledged row). No fsync to disk, for speed: that only
        # matters if the machine itself crashes. Enough connections for two uvicorn workers' pools
        # (2 × 40), the job workers and the tests.
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses={HOST} -c max_connections=300 "
            "-c fsync=off -c full_page_writes=off -c shared_buffers=256MB"
        )
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def is_running(self) -> bool:
        result = self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "status", check=False)
        return result.returncode == 0

    def destroy(self, keep_log_in: Path | None = None) -> None:
        with contextlib.suppress(Exception):
            if self.data.exists() and self.is_running():
                self.stop("immediate")
        if keep_log_in is not None and self.log.exists():
            with contextlib.suppress(OSError):
                shutil.copy(self.log, keep_log_in / "postgres.log")
        shutil.rmtree(self.root, ignore_errors=True)

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@{HOST}:{self.port}/{database}"

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@{HOST}:{self.port}/{database}"


class PrivateRedis:
    """A Redis server of our own: no persistence, so a restart starts empty (a failover's worst case)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        self.starts += 1
        log = open(self.directory / f"redis-{self.port}-{self.starts}.log", "wb")
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", HOST, "--save", "", "--appendonly", "no"],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.directory,
            start_new_session=True,
        )
        log.close()
        wait_until(lambda: _port_open(self.port), timeout=10, what=f"redis on port {self.port}")

    def stop(self) -> None:
        """Stop the server (its data is gone: it keeps none on disk)."""
        if self.process is not None:
            _stop_group(self.process)
            self.process = None
        wait_until(lambda: not _port_open(self.port), timeout=10, what="redis to stop")


class CanyuProcess:
    """One of canyu's production commands (`canyu serve`, `canyu worker`) as a subprocess."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], directory: Path) -> None:
        self.name = name
        self.args = args
        self.env = env
        self.directory = directory
        self.process: subprocess.Popen[bytes] | None = None
        self.logs: list[Path] = []

    def start(self) -> None:
        log_path = self.directory / f"{self.name}-{len(self.logs) + 1}.log"
        self.logs.append(log_path)
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                [str(CANYU), *self.args],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=self.directory,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} is not started"
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the process and everything in its group (a container killed, a node lost)."""
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None:
            _stop_group(self.process)

    def log_text(self) -> str:
        return "".join(path.read_text(errors="replace") for path in self.logs if path.exists())

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


def children(pid: int) -> list[int]:
    """Direct children of a process, from /proc."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.extend(int(child) for child in task.read_text().split())
    return sorted(found)


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def uvicorn_workers(serve_pid: int) -> list[int]:
    """The uvicorn worker processes of `canyu serve --workers N` (multiprocessing spawn children; the
    resource tracker is not one)."""
    return [
        pid
        for pid in children(serve_pid)
        if "multiprocessing.spawn" in cmdline(pid) and "resource_tracker" not in cmdline(pid)
    ]


def established_connections(pid: int, port: int) -> int:
    """How many established TCP connections to local `port` the process holds (its clients)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").glob("*"):
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                local_port = int(fields[1].rsplit(":", 1)[1], 16)
                if local_port == port and fields[3] == "01" and fields[9] in inodes:  # 01: ESTABLISHED
                    count += 1
    return count


def canyu_env(*, database_url: str, redis_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """The production environment of a canyu process pointed at the private servers."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CANYU_", "PROMETHEUS_")) and key not in ("PYTEST_CURRENT_TEST",)
    }
    env.update(
        CANYU_ENV="production",
        CANYU_DATABASE_URL=database_url,
        CANYU_REDIS_URL=redis_url,
        CANYU_SECRET_KEY=secrets.token_urlsafe(48),
        CANYU_DATA_DIR=str(data_dir),
        CANYU_LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
        # The load comes from one address standing for many citizens: lift the per-address comment limit
        # and the burst flag (the per-citizen limit stays).
        CANYU_COMMENT_IP_RATE_LIMIT="1000000000",
        CANYU_COMMENT_BURST_THRESHOLD="1000000000",
    )
    env.update(extra)
    return env


def http_get(url: str, timeout: float = 5) -> tuple[int, bytes]:
    """GET a URL; (status, body), with (0, b"") when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (OSError, urllib.error.URLError):
        return 0, b""


class Stack:
    """canyu's production setup on the private servers: `canyu serve --workers 2` and `canyu worker`
    (CANYU_ENV=production) on one database of the private PostgreSQL cluster and a private Redis."""

    def __init__(
        self, postgres: PrivatePostgres, database: str, directory: Path, *, serve: bool = True, **env: str
    ) -> None:
        self.postgres = postgres
        self.database = database
        self.directory = directory
        self.redis = PrivateRedis(directory)
        self.port = free_port()
        self.with_serve = serve
        self.extra_env = env
        self.serve: CanyuProcess | None = None
        self.worker: CanyuProcess | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def env(self, **extra: str) -> dict[str, str]:
        return canyu_env(
            database_url=self.postgres.url(self.database),
            redis_url=self.redis.url,
            data_dir=self.directory / "data",
            **{**self.extra_env, **extra},
        )

    def start(self) -> None:
        self.redis.start()
        if self.with_serve:
            self.serve = CanyuProcess(
                "serve",
                ["serve", "--workers", "2", "--host", HOST, "--port", str(self.port)],
                self.env(),
                self.directory,
            )
            self.serve.start()
        self.start_worker()
        if self.with_serve:
            self.wait_ready()

    def start_worker(self, **extra: str) -> CanyuProcess:
        """Start `canyu worker` (again, after a kill: a new process, its log kept beside the old ones)."""
        if self.worker is None:
            self.worker = CanyuProcess("worker", ["worker"], self.env(**extra), self.directory)
        else:
            self.worker.env = self.env(**extra)
        self.worker.start()
        return self.worker

    def readyz(self) -> tuple[int, dict[str, Any]]:
        import json

        status, body = http_get(f"{self.base_url}/readyz", timeout=5)
        try:
            return status, json.loads(body) if body else {}
        except ValueError:
            return status, {"raw": body[:200].decode(errors="replace")}

    def wait_ready(self, timeout: float = 90) -> None:
        assert self.serve is not None

        def ready() -> bool:
            if not self.serve or not self.serve.alive():
                raise RuntimeError(f"canyu serve exited:\n{self.serve.log_tail() if self.serve else ''}")
            return self.readyz()[0] == 200 and len(uvicorn_workers(self.serve.pid)) == 2

        wait_until(ready, timeout=timeout, interval=0.25, what="canyu serve to answer /readyz 200")

    def stop(self) -> None:
        for process in (self.serve, self.worker):
            if process is not None:
                process.stop()
        if self.redis.process is not None:
            self.redis.stop()
