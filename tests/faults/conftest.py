"""Fault-injection tests (issue 6, "Faults"): they kill and stop real processes, so they run only when
asked for (`make faults`, or CANYU_FAULT_TESTS=1 pytest tests/faults).

Everything they break is private to the run: a PostgreSQL cluster made with initdb in a temporary
directory (run as the `postgres` OS user), Redis servers on free ports, and canyu's production processes
pointed at them. The machine's shared PostgreSQL (5432) and Redis (6379) are never touched. All of it is
stopped and removed at the end, also when a test fails; when one did, the canyu logs are kept (the path
is printed at the end) for reading. CANYU_FAULTS_KEEP_LOGS=1 keeps them always.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.faults import seeding
from tests.faults.database import TEMPLATE, admin, copy_database
from tests.faults.servers import PG_BIN, PrivatePostgres

ENABLED = os.environ.get("CANYU_FAULT_TESTS") == "1"
HERE = Path(__file__).parent
CITIZENS = 2000
CONSULTATIONS = 3  # one per API fault test


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if ENABLED:
        return
    skip = pytest.mark.skip(
        reason="fault-injection tests kill and restart servers; run them with `make faults` "
        "(or CANYU_FAULT_TESTS=1 pytest tests/faults)"
    )
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(skip)


def _missing_tools() -> list[str]:
    missing = [str(PG_BIN / tool) for tool in ("initdb", "pg_ctl") if not (PG_BIN / tool).exists()]
    missing += [tool for tool in ("runuser", "redis-server") if shutil.which(tool) is None]
    if os.geteuid() != 0:
        missing.append("root (initdb runs as the postgres OS user via runuser)")
    return missing


@pytest.fixture(scope="session")
def faults_dir(request: pytest.FixtureRequest) -> Iterator[Path]:
    """Logs and data of the canyu processes and Redis servers; kept when a test failed (not in pytest's
    own temporary directories, which other runs on this shared machine prune)."""
    directory = Path(tempfile.mkdtemp(prefix="canyu-faults-logs-"))
    yield directory
    if request.session.testsfailed or os.environ.get("CANYU_FAULTS_KEEP_LOGS") == "1":
        print(f"\nfault-test logs (canyu serve/worker, redis) kept in {directory}")
    else:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres(faults_dir: Path) -> Iterator[PrivatePostgres]:
    """The private PostgreSQL cluster (never the shared one on 5432)."""
    missing = _missing_tools()
    if missing:
        pytest.fail(f"the fault tests need {', '.join(missing)}", pytrace=False)
    cluster = PrivatePostgres()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.destroy(keep_log_in=faults_dir)


@pytest.fixture(scope="session")
async def template(postgres: PrivatePostgres) -> seeding.Seeded:
    """A migrated, seeded database that each test copies (CREATE DATABASE … TEMPLATE): a unit, staff,
    open consultations and 2 000 verified citizens with session tokens."""
    from api.migrate import upgrade

    await admin(postgres, f"CREATE DATABASE {TEMPLATE}")
    url = postgres.url(TEMPLATE)
    await asyncio.to_thread(upgrade, url)  # Alembic's env runs its own event loop
    return await seeding.seed(url, citizens=CITIZENS, consultations=CONSULTATIONS)


@pytest.fixture(scope="session")
async def database_factory(postgres: PrivatePostgres, template: seeding.Seeded) -> AsyncIterator[Any]:
    async def make(name: str) -> str:
        return await copy_database(postgres, name)

    yield make
