"""Backup and restore of the database: `pg_dump -Fc` / `pg_restore` on PostgreSQL, SQLite's online
backup API on the embedded database. docs/operations.md tells an operator when and how to use them."""

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(Exception):
    """The backup or restore could not be made; the message says why."""


def libpq_url(database_url: str) -> str:
    """The SQLAlchemy URL as libpq understands it (no driver suffix), for pg_dump and pg_restore."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def sqlite_path(database_url: str) -> Path:
    database = make_url(database_url).database
    if not database:
        raise BackupError("SQLite database URL has no file path")
    return Path(database)


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client)")
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise BackupError(f"{command[0]} failed: {finished.stderr.strip()[-2000:]}")


def backup(database_url: str, output: Path) -> None:
    """Write a consistent copy of the database to `output` while canyu keeps running."""
    output.parent.mkdir(parents=True, exist_ok=True)
    if database_url.startswith("sqlite"):
        source = sqlite_path(database_url)
        if not source.exists():
            raise BackupError(f"no database at {source}")
        with sqlite3.connect(source) as live, sqlite3.connect(output) as copy:
            live.backup(copy)  # a consistent snapshot, even with writers active (WAL)
        return
    # Custom format: compressed, and pg_restore can restore it selectively and in parallel.
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(output), libpq_url(database_url)])


def restore(database_url: str, source: Path) -> None:
    """Replace the database's contents with the backup. Stop canyu (API and workers) first."""
    if not source.exists():
        raise BackupError(f"no backup at {source}")
    if database_url.startswith("sqlite"):
        target = sqlite_path(database_url)
        target.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(source) as backup_copy, sqlite3.connect(target) as live:
            backup_copy.backup(live)
        return
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            libpq_url(database_url),
            str(source),
        ]
    )
