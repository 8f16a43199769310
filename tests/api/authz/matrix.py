"""One matrix entry per operation (and per HTTP download), and the check that runs it for every role."""

import hashlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import text

from api.model_registry import metadata
from tests.api.authz.world import ROLES, World

Variables = Callable[[World], Awaitable[dict[str, Any]]]
PERMISSION_CODES = frozenset({"FORBIDDEN", "UNAUTHENTICATED", "CSRF_FAILED", "SAME_PERSON"})


@dataclass(frozen=True)
class Operation:
    """Who may call one root field of the schema (in one situation: `case`).

    `variables(world)` builds what the call needs and returns its variables; keys starting with "_" are
    not sent, they are there for `visible` and `check`. Roles not in `allowed` are denied:
    - by an error (the default): the guarded value (`guarded`, a path in `data`; default: the root field)
      is null and an error on it has the code `denied_codes[role]` (default UNAUTHENTICATED for the
      anonymous caller, FORBIDDEN for the rest; the key "signed_in" sets it for every signed-in role);
    - by hiding (when `visible` is given): no error, and `visible(value, variables)` is false;
    and change nothing in the database, queue no job. The first allowed role must succeed without any
    error (and see what `visible` looks for); the later ones must not be refused for permission (the first
    call may have changed the state), or must succeed too when the operation is a query or `repeatable`.
    """

    name: str
    document: str
    variables: Variables
    allowed: tuple[str, ...]
    case: str = ""
    guarded: tuple[str, ...] = ()
    visible: Callable[[Any, dict[str, Any]], bool] | None = None
    check: Callable[[Any, dict[str, Any], str], None] | None = None
    denied_codes: Mapping[str, str] = field(default_factory=dict)
    repeatable: bool = False

    @property
    def id(self) -> str:
        return f"{self.name}[{self.case}]" if self.case else self.name

    @property
    def is_query(self) -> bool:
        """Reads answer every allowed caller alike."""
        return self.document.lstrip().startswith(("query", "{"))

    @property
    def path(self) -> tuple[str, ...]:
        return self.guarded or (self.name,)

    def denied_code(self, role: str) -> str:
        if role in self.denied_codes:
            return self.denied_codes[role]
        if role == "anonymous":
            return "UNAUTHENTICATED"
        return self.denied_codes.get("signed_in", "FORBIDDEN")


@dataclass(frozen=True)
class Download:
    """Who may GET one plain HTTP route (files and bulk data)."""

    route: str  # the route's path as the app declares it
    case: str
    url: Callable[[World], Awaitable[str]]
    allowed: tuple[str, ...]
    denied_status: Mapping[str, int]  # by role; "signed_in" for every signed-in role
    check: Callable[[bytes, str], None] | None = None

    @property
    def id(self) -> str:
        return f"{self.route}[{self.case}]"

    def denied(self, role: str) -> int:
        return self.denied_status.get(role) or self.denied_status["signed_in"]


def no_vars() -> Variables:
    async def build(world: World) -> dict[str, Any]:
        await world.as_is()
        return {}

    return build


def value_at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def error_codes_on(result: dict[str, Any], path: tuple[str, ...]) -> list[str]:
    """Codes of the errors raised on the path or on a field within it (the root field for root errors)."""
    codes = []
    for error in result.get("errors") or []:
        where = tuple(str(p) for p in error.get("path") or ())
        if where[: len(path)] == path or path[: len(where)] == where:
            codes.append(error.get("extensions", {}).get("code"))
    return codes


def _rows_as_text(dialect: str) -> str:
    """One query for every row of every table, each as (table, text): one round trip, not one a table."""
    selects = []
    for table in metadata.sorted_tables:
        if dialect == "postgresql":
            row = "r::text"
        else:
            row = " || ',' || ".join(f'quote(r."{column.name}")' for column in table.columns)
        selects.append(f"SELECT '{table.name}', {row} FROM {table.name} AS r")
    return " UNION ALL ".join(selects)


async def database_digest(world: World) -> dict[str, str]:
    """A digest of every table's rows: equal digests, nothing changed."""
    rows: dict[str, list[str]] = {table.name: [] for table in metadata.sorted_tables}
    async with world.state.engine.connect() as connection:
        for table, row in await connection.execute(text(_rows_as_text(connection.dialect.name))):
            rows[table].append(row)
    return {
        table: hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest() for table, found in rows.items()
    }


class JobRecorder:
    """Stands in for the queue while the matrix calls: jobs are recorded, not run."""

    def __init__(self) -> None:
        self.jobs: list[str] = []

    async def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        self.jobs.append(name)


def sendable(variables: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in variables.items() if not k.startswith("_")}


async def check_operation(world: World, op: Operation, monkeypatch: pytest.MonkeyPatch) -> None:
    """Call the operation as every role: the denied ones first, then the allowed ones."""
    unknown = set(op.allowed) - set(ROLES)
    assert not unknown, f"{op.id}: unknown roles {unknown}"
    variables = await op.variables(world)
    if world.changed:
        await world.run_jobs()  # what building the world queued is done before the first digest
    recorder = JobRecorder()
    monkeypatch.setattr(world.state.queue, "enqueue", recorder.enqueue)
    before = await database_digest(world)
    for role in (r for r in ROLES if r not in op.allowed):
        result = await world.gql(op.document, sendable(variables), token=world.token(role))
        where = f"{op.id} as {role} (denied)"
        value = value_at(result.get("data"), op.path)
        if op.visible is not None:
            assert not result.get("errors"), f"{where}: {result}"
            assert not op.visible(value, variables), f"{where}: sees what it must not: {result}"
        else:
            assert value is None, f"{where}: got {result}"
            codes = error_codes_on(result, op.path)
            assert op.denied_code(role) in codes, f"{where}: expected {op.denied_code(role)}, got {result}"
    after = await database_digest(world)
    changed = [table for table in before if before[table] != after[table]]
    assert not changed, f"{op.id}: denied calls changed {changed}"
    assert not recorder.jobs, f"{op.id}: denied calls queued {recorder.jobs}"
    for position, role in enumerate(op.allowed):
        result = await world.gql(op.document, sendable(variables), token=world.token(role))
        where = f"{op.id} as {role} (allowed)"
        if position == 0 or op.repeatable or op.is_query:
            assert not result.get("errors"), f"{where}: {result}"
            value = value_at(result["data"], op.path)
            if op.visible is not None:
                assert op.visible(value, variables), f"{where}: does not see it: {result}"
            if op.check is not None:
                op.check(value, variables, role)
        else:
            refused = PERMISSION_CODES & set(error_codes_on(result, op.path))
            assert not refused, f"{where}: refused {refused}: {result}"
            if op.check is not None and not result.get("errors"):
                op.check(value_at(result["data"], op.path), variables, role)


async def check_download(world: World, download: Download, client: Any) -> None:
    url = await download.url(world)
    if world.changed:
        await world.run_jobs()
    before = await database_digest(world)
    for role in (r for r in ROLES if r not in download.allowed):
        token = world.token(role)
        response = await client.get(url, headers={"Authorization": f"Bearer {token}"} if token else {})
        expected = download.denied(role)
        assert response.status_code == expected, (
            f"{download.id} as {role}: {response.status_code} {response.text}"
        )
    assert await database_digest(world) == before, f"{download.id}: denied downloads changed the database"
    for role in download.allowed:
        token = world.token(role)
        response = await client.get(url, headers={"Authorization": f"Bearer {token}"} if token else {})
        assert response.status_code == 200, f"{download.id} as {role}: {response.status_code} {response.text}"
        if download.check is not None:
            download.check(response.content, role)
