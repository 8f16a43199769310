"""Statements compiled once and run without SQLAlchemy's per-execution work.

`connection.execute(statement, parameters)` generates the statement's cache key and builds its
parameters on every call. For a statement that runs on every request of a hot path and has many
parameters (the comment insert with its receipt notification has forty) that costs about as much as
the database round trip: measured on the comment insert, ≈ 0.2 ms of CPU per call less this way. A
Precompiled statement keeps the SQL text, the parameter order and the type processors per dialect.

It runs with `exec_driver_sql`, so SQLAlchemy's connection, transaction, events and error translation
stay as they are; except on an asyncpg connection in autocommit (the hot path's sessions on PostgreSQL,
`AppState.statement_sessionmaker`), where it goes to asyncpg itself: SQLAlchemy's execution context,
cursor adapter and greenlet hops cost another ≈ 1 ms of CPU per submitted comment (bench/request_cpu.py,
docs/benchmarks.md). That path still fires the connection's before/after_cursor_execute events (statement
logs see it) and turns a failure into the DBAPIError SQLAlchemy would raise, invalidating the connection
when it was lost, so callers and the pool cannot tell the two paths apart. Inside a transaction the
statement always goes through SQLAlchemy, which begins the transaction on the driver.

Only for statements that give every column with a Python-side default themselves (checked). Rows come
back as tuples with each column processed by its SQLAlchemy type (a UTCDateTime is aware, for example).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

Processor = Callable[[Any], Any]


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # parameter names in the driver's positional order
    fixed: dict[str, Any]  # values of the statement's literal parameters
    processors: dict[str, Processor]
    result_processors: tuple[tuple[int, Processor], ...]  # (column index, processor) where one is needed


class Precompiled:
    def __init__(self, statement: ClauseElement):
        self.statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            compiled = cast(SQLCompiler, self.statement.compile(dialect=dialect))
            if compiled.positiontup is None:
                raise ValueError(f"{dialect.name}: Precompiled needs a positional paramstyle")
            if compiled.insert_prefetch or compiled.update_prefetch:
                # Python-side column defaults are computed by SQLAlchemy's execution context, which
                # exec_driver_sql skips: the statement must give those columns itself.
                missing = ", ".join(c.key for c in [*compiled.insert_prefetch, *compiled.update_prefetch])
                raise ValueError(f"Precompiled statement leaves columns with Python defaults out: {missing}")
            processors: dict[str, Processor] = {}
            for name, bind in compiled.binds.items():
                processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
                if processor is not None:
                    processors[name] = processor
            columns = getattr(self.statement, "exported_columns", ())  # a SELECT's, or DML's RETURNING
            typed = (column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns)
            result_processors = tuple((i, p) for i, p in enumerate(typed) if p is not None)
            found = _Compiled(
                sql=str(compiled),
                names=tuple(compiled.positiontup),
                fixed={name: bind.value for name, bind in compiled.binds.items() if not bind.required},
                processors=processors,
                result_processors=result_processors,
            )
            self._by_dialect[dialect.name] = found
        return found

    def parameters(self, dialect: Dialect, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """The positional parameters for these values (a missing one is a KeyError)."""
        compiled = self.compiled(dialect)
        merged = {**compiled.fixed, **values}
        processors = compiled.processors
        return tuple(
            processors[name](merged[name]) if name in processors else merged[name] for name in compiled.names
        )

    async def rows(self, connection: AsyncConnection, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Run the statement; its rows (none for a statement that returns none)."""
        compiled = self.compiled(connection.dialect)
        fetched = await _fetch(connection, compiled.sql, self.parameters(connection.dialect, values))
        if not compiled.result_processors:
            return [tuple(row) for row in fetched]
        rows = []
        for row in fetched:
            typed = list(row)
            for index, processor in compiled.result_processors:
                typed[index] = processor(typed[index])
            rows.append(tuple(typed))
        return rows

    async def scalar(self, connection: AsyncConnection, values: Mapping[str, Any]) -> Any:
        """The first column of the first row, or None when there is no row."""
        rows = await self.rows(connection, values)
        return rows[0][0] if rows else None


async def _fetch(connection: AsyncConnection, sql: str, parameters: tuple[Any, ...]) -> Sequence[Any]:
    if connection.dialect.driver == "asyncpg":
        pooled = await connection.get_raw_connection()
        if pooled.dbapi_connection is not None and pooled.dbapi_connection.autocommit:
            return await _fetch_on_asyncpg(connection, pooled.dbapi_connection, sql, parameters)
    result = await connection.exec_driver_sql(sql, parameters)
    return result.all() if result.returns_rows else []


async def _fetch_on_asyncpg(
    connection: AsyncConnection, adapted: Any, sql: str, parameters: tuple[Any, ...]
) -> Sequence[Any]:
    """asyncpg's fetch on an autocommit connection, observed and failing as SQLAlchemy's execute would."""
    events = connection.sync_connection.dispatch  # type: ignore[union-attr]
    events.before_cursor_execute(connection.sync_connection, None, sql, parameters, None, False)
    driver = adapted.driver_connection
    try:
        records = await driver.fetch(sql, *parameters)
    except Exception as error:
        lost = driver.is_closed()  # the dialect's own test for a disconnect
        try:
            adapted._handle_exception(error)  # always raises: the DBAPI-style error the dialect maps
        except Exception as translated:
            if lost:
                await connection.invalidate(error)
            raise DBAPIError.instance(
                sql,
                parameters,
                translated,
                connection.dialect.loaded_dbapi.Error,
                connection_invalidated=lost,
                dialect=connection.dialect,
            ) from error
    events.after_cursor_execute(connection.sync_connection, None, sql, parameters, None, False)
    return cast(Sequence[Any], records)
