"""The `canyu` command line."""

import argparse
import asyncio
import getpass
import logging
import os
import shutil
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from api.settings import Settings, get_settings


def _prepare_embedded(settings: Settings) -> None:
    if settings.is_embedded_database:
        settings.data_dir.mkdir(parents=True, exist_ok=True)


def cmd_db_upgrade(settings: Settings, _args: argparse.Namespace) -> int:
    from api.migrate import upgrade

    _prepare_embedded(settings)
    upgrade(settings.resolved_database_url)
    print("database is at the latest schema")
    return 0


def _share_metrics_between_workers(settings: Settings, workers: int) -> None:
    """Several uvicorn workers write their metrics to one folder, so /metrics sums them all."""
    if workers <= 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    folder = settings.data_dir / "metrics"
    shutil.rmtree(folder, ignore_errors=True)  # samples of processes that are gone
    folder.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder.resolve())


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from api.observability import log_config

    if settings.is_embedded_database or args.migrate:
        cmd_db_upgrade(settings, args)
    workers = args.workers or settings.workers
    _share_metrics_between_workers(settings, workers)
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        log_config=log_config(settings),
        access_log=False,  # canyu.access logs each request with its request id
    )
    return 0


def cmd_worker(settings: Settings, _args: argparse.Namespace) -> int:
    import time

    from arq.worker import run_worker
    from redis.exceptions import RedisError

    from api.worker import WorkerSettings

    if not settings.redis_url:
        print("canyu worker needs CANYU_REDIS_URL; without it jobs run inside `canyu serve`", file=sys.stderr)
        return 2
    os.nice(settings.worker_nice)
    # arq's worker ends when it loses Redis; start it again until Redis is back. Every piece of work is
    # described by rows, so the cron sweeps of the new worker find what was asked for meanwhile.
    while True:
        try:
            run_worker(WorkerSettings)  # type: ignore[arg-type]
            return 0  # stopped by a signal
        except (RedisError, OSError) as error:
            logging.getLogger("canyu.worker").warning("lost Redis (%s); restarting the worker in 2 s", error)
            time.sleep(2)


async def _with_session(settings: Settings, work: Callable[[Any], Awaitable[int]]) -> int:
    from api.db import create_engine, create_sessionmaker
    from api.security import configure_password_hashing

    configure_password_hashing(
        time_cost=settings.password_hash_time_cost, memory_kib=settings.password_hash_memory_kib
    )
    engine = create_engine(settings.resolved_database_url, pool_size=2)
    try:
        async with create_sessionmaker(engine)() as session:
            result = await work(session)
            await session.commit()
            return result
    finally:
        await engine.dispose()


def _run_domain(settings: Settings, work: Callable[[Any], Awaitable[int]]) -> int:
    from api.errors import DomainError

    try:
        return asyncio.run(_with_session(settings, work))
    except DomainError as error:
        print(f"error [{error.code}]: {error.message}", file=sys.stderr)
        return 1


def cmd_unit_create(settings: Settings, args: argparse.Namespace) -> int:
    from api.accounts import service

    async def work(session: Any) -> int:
        unit = await service.create_unit(
            session, name=args.name, code=args.code, region_code=args.region, parent_code=args.parent
        )
        print(f"created unit {unit.code} (id {unit.id})")
        return 0

    return _run_domain(settings, work)


def cmd_user_create(settings: Settings, args: argparse.Namespace) -> int:
    from api.accounts import service

    password = args.password or os.environ.get("CANYU_NEW_USER_PASSWORD") or getpass.getpass("password: ")

    async def work(session: Any) -> int:
        user = await service.create_staff_user(
            session,
            username=args.username,
            password=password,
            display_name=args.display_name or args.username,
            email=args.email,
        )
        for role in args.role:
            await service.grant_role(session, user_id=user.id, unit_code=args.unit, role=role)
        print(f"created staff user {user.username} (id {user.id}) with {', '.join(args.role)} on {args.unit}")
        return 0

    return _run_domain(settings, work)


async def _with_sessionmaker(settings: Settings, work: Callable[..., Awaitable[int]]) -> int:
    from api.db import create_engine, create_sessionmaker

    engine = create_engine(settings.resolved_database_url, pool_size=2)
    try:
        return await work(create_sessionmaker(engine), settings)
    finally:
        await engine.dispose()


def cmd_demo(settings: Settings, _args: argparse.Namespace) -> int:
    from api import demo, demo_hearings, demo_review

    cmd_db_upgrade(settings, _args)
    loaded = _run_domain(settings, demo.load)
    if loaded != 0:
        return loaded
    for later_stage in (demo_review.load, demo_hearings.load):
        loaded = asyncio.run(_with_sessionmaker(settings, later_stage))
        if loaded != 0:
            return loaded
    return 0


def cmd_audit_verify(settings: Settings, _args: argparse.Namespace) -> int:
    from api.audit import verify_chain
    from consultations.sealing import verify_sealed_comments

    async def work(session: Any) -> int:
        report = await verify_chain(session)
        problems = report.problems + await verify_sealed_comments(session)
        for problem in problems:
            print(f"PROBLEM: {problem}")
        if problems:
            print(f"audit log verification FAILED: {len(problems)} problem(s) in {report.checked} events")
            return 1
        print(f"audit log OK: {report.checked} events, chain intact, sealed comments unchanged")
        return 0

    return _run_domain(settings, work)


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    from pathlib import Path

    from api.backup import BackupError, backup

    try:
        backup(settings.resolved_database_url, Path(args.output))
    except BackupError as error:
        print(f"backup failed: {error}", file=sys.stderr)
        return 1
    print(f"backup written to {args.output}")
    return 0


def cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    from pathlib import Path

    from api.backup import BackupError, restore

    if not args.yes:
        print("restore replaces the whole database; stop canyu first and pass --yes", file=sys.stderr)
        return 2
    try:
        restore(settings.resolved_database_url, Path(args.input))
    except BackupError as error:
        print(f"restore failed: {error}", file=sys.stderr)
        return 1
    print(f"database restored from {args.input}; run `canyu audit verify` to check it")
    return 0


def cmd_aggregate(settings: Settings, args: argparse.Namespace) -> int:
    from pathlib import Path

    from consultations.aggregation.engine import AggregationOptions
    from consultations.aggregation.offline import run

    options = AggregationOptions(lexicon_dir=settings.aggregation_lexicon_dir)
    return run(Path(args.input), Path(args.output), workers=args.workers, options=options)


def cmd_verify_draw(_settings: Settings, args: argparse.Namespace) -> int:
    """Recompute a hearing's published draw from its JSON (docs/hearings-draw.md); no database needed."""
    import json

    from hearings.selection import DrawDocumentError, verify_document

    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
        verification = verify_document(json.loads(text))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, DrawDocumentError) as error:
        print(f"cannot verify: {error}", file=sys.stderr)
        return 2
    for category, result in verification.results.items():
        print(f"{category}: {len(result.selected)} selected, {len(result.waitlist)} waitlisted")
    for problem in verification.problems:
        print(f"MISMATCH: {problem}")
    if verification.problems:
        print("draw verification FAILED: the published result is not what the seed and the list give")
        return 1
    print("draw verified: the seed matches its commitment and every category's result recomputes exactly")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="canyu", description="canyu (参与) public consultation platform")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the web server (migrates the embedded database first)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.add_argument("--migrate", action="store_true", help="also migrate a PostgreSQL database first")
    serve.set_defaults(handler=cmd_serve)

    commands.add_parser("worker", help="run an arq worker (needs CANYU_REDIS_URL)").set_defaults(
        handler=cmd_worker
    )

    db = commands.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True
    )
    db.add_parser("upgrade", help="migrate to the latest schema").set_defaults(handler=cmd_db_upgrade)

    unit = commands.add_parser("unit", help="government units").add_subparsers(
        dest="unit_command", required=True
    )
    unit_create = unit.add_parser("create", help="create a unit")
    unit_create.add_argument("--name", required=True)
    unit_create.add_argument("--code", required=True)
    unit_create.add_argument("--region", default="", help="行政区划代码, e.g. 330100")
    unit_create.add_argument("--parent", help="parent unit code")
    unit_create.set_defaults(handler=cmd_unit_create)

    user = commands.add_parser("user", help="staff accounts").add_subparsers(
        dest="user_command", required=True
    )
    user_create = user.add_parser("create", help="create a staff account with roles on a unit")
    user_create.add_argument("--username", required=True)
    user_create.add_argument("--password", help="or CANYU_NEW_USER_PASSWORD, or asked for")
    user_create.add_argument("--display-name")
    user_create.add_argument("--email")
    user_create.add_argument("--unit", required=True, help="unit code the roles are granted on")
    user_create.add_argument(
        "--role",
        action="append",
        required=True,
        choices=["admin", "drafter", "reviewer", "approver", "organizer"],
    )
    user_create.set_defaults(handler=cmd_user_create)

    commands.add_parser(
        "demo", help="load the demo units, staff, consultations, comments, statement and hearing"
    ).set_defaults(handler=cmd_demo)

    backup = commands.add_parser("backup", help="write a consistent backup of the database (while running)")
    backup.add_argument("--output", required=True, help="file to write (PostgreSQL: pg_dump custom format)")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="replace the database with a backup (canyu stopped)")
    restore.add_argument("--input", required=True, help="a file written by `canyu backup`")
    restore.add_argument("--yes", action="store_true", help="confirm replacing the database")
    restore.set_defaults(handler=cmd_restore)

    aggregate = commands.add_parser(
        "aggregate", help="group exported comments (JSON Lines) into campaigns and topics, no database"
    )
    aggregate.add_argument("--input", required=True, help='JSON Lines: {"id", "body", "article"?, "author"?}')
    aggregate.add_argument("--output", required=True, help="groups JSON file to write")
    aggregate.add_argument("--workers", type=int, default=1, help="processes for word segmentation")
    aggregate.set_defaults(handler=cmd_aggregate)

    verify_draw = commands.add_parser(
        "verify-draw", help="recompute a hearing's published draw (its draw.json) independently"
    )
    verify_draw.add_argument("file", help="the draw JSON (/hearings/{id}/draw.json), or - for stdin")
    verify_draw.set_defaults(handler=cmd_verify_draw)

    audit = commands.add_parser("audit", help="audit log").add_subparsers(dest="audit_command", required=True)
    audit.add_parser("verify", help="verify the hash chain and the sealed comments").set_defaults(
        handler=cmd_audit_verify
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    handler: Callable[[Settings, argparse.Namespace], int] = args.handler
    return handler(get_settings(), args)


if __name__ == "__main__":
    sys.exit(main())
