"""`canyu backup` and `canyu restore` on the database this run tests (docs/operations.md, "Backups").

The demo data (consultations, comments, a published statement with its binary renderings, the audit
chain) is backed up while it sits in the database, restored into a different, non-empty database, and
the copy must hold every row and pass `canyu audit verify`.
"""

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.conftest import MODE, POSTGRES_URL

CANYU = str(Path(sys.executable).with_name("canyu"))
TABLES = (
    "units",
    "users",
    "consultations",
    "articles",
    "comments",
    "dispositions",
    "statements",
    "statement_renderings",
    "audit_events",
    "notifications",
)


def canyu(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CANYU, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def base_env(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANYU_")}
    env["CANYU_DATA_DIR"] = str(data_dir)
    if database_url:
        env["CANYU_DATABASE_URL"] = database_url
    return env


async def _recreate_postgres_database(name: str) -> str:
    admin = create_async_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await admin.dispose()
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"


async def _counts(database_url: str) -> dict[str, int]:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            return {
                t: (await connection.execute(text(f"SELECT count(*) FROM {t}"))).scalar_one() for t in TABLES
            }
    finally:
        await engine.dispose()


async def _renderings_checksum(database_url: str) -> list[tuple[int, str, int]]:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text("SELECT statement_id, format, length(content) FROM statement_renderings ORDER BY 1, 2")
            )
            return [tuple(row) for row in rows]  # type: ignore[misc]
    finally:
        await engine.dispose()


@pytest.fixture
async def databases(tmp_path: Path) -> tuple[str, str]:
    """Source and target database URLs for this run's mode."""
    if MODE == "postgresql":
        return (
            await _recreate_postgres_database("canyu_backup_source"),
            await _recreate_postgres_database("canyu_backup_target"),
        )
    return (
        f"sqlite+aiosqlite:///{tmp_path / 'source' / 'canyu.sqlite3'}",
        f"sqlite+aiosqlite:///{tmp_path / 'target' / 'canyu.sqlite3'}",
    )


async def test_backup_then_restore_into_another_database_keeps_everything(
    tmp_path: Path, databases: tuple[str, str]
) -> None:
    source_url, target_url = databases
    source_env = base_env(tmp_path / "source", source_url)
    target_env = base_env(tmp_path / "target", target_url)
    (tmp_path / "source").mkdir(exist_ok=True)
    (tmp_path / "target").mkdir(exist_ok=True)
    for step, env in ((("demo",), source_env), (("db", "upgrade"), target_env)):
        done = await asyncio.to_thread(canyu, env, tmp_path, *step)
        assert done.returncode == 0, (step, done.stdout, done.stderr)
    # The target is not empty: restore must replace what is there, not merge into it.
    done = await asyncio.to_thread(
        canyu, target_env, tmp_path, "unit", "create", "--name", "旧单位", "--code", "old"
    )
    assert done.returncode == 0, done.stderr

    backup_file = tmp_path / "backups" / "canyu.backup"
    done = await asyncio.to_thread(canyu, source_env, tmp_path, "backup", "--output", str(backup_file))
    assert done.returncode == 0, done.stderr
    assert backup_file.stat().st_size > 10_000

    refused = await asyncio.to_thread(canyu, target_env, tmp_path, "restore", "--input", str(backup_file))
    assert refused.returncode == 2  # without --yes nothing is replaced
    restored = await asyncio.to_thread(
        canyu, target_env, tmp_path, "restore", "--input", str(backup_file), "--yes"
    )
    assert restored.returncode == 0, restored.stderr

    source_counts = await _counts(source_url)
    assert source_counts["comments"] > 50 and source_counts["statement_renderings"] >= 5
    assert await _counts(target_url) == source_counts
    assert await _renderings_checksum(target_url) == await _renderings_checksum(source_url)
    verified = await asyncio.to_thread(canyu, target_env, tmp_path, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "audit log OK" in verified.stdout


def test_restore_of_a_missing_file_fails_clearly(tmp_path: Path) -> None:
    env = base_env(tmp_path, None)
    done = canyu(env, tmp_path, "restore", "--input", str(tmp_path / "nope.backup"), "--yes")
    assert done.returncode == 1
    assert "no backup at" in done.stderr


def test_sqlite_backup_is_a_consistent_database_file(tmp_path: Path) -> None:
    env = base_env(tmp_path, None)
    assert canyu(env, tmp_path, "db", "upgrade").returncode == 0
    done = canyu(env, tmp_path, "backup", "--output", str(tmp_path / "copy.sqlite3"))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
