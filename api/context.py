"""Application state and the per-request GraphQL context (caller, sessions, loaders)."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from api.accounts import service as accounts
from api.accounts.permissions import Principal
from api.accounts.service import Authenticated
from api.db import create_sessionmaker
from api.errors import DomainError, InvalidInput, PermissionDenied, ServiceUnavailable
from api.jobs import JobQueue
from api.ratelimit import RateLimiter
from api.security import constant_time_equals
from api.settings import Settings

T = TypeVar("T")

SESSION_COOKIE = "canyu_session"
CSRF_COOKIE = "canyu_csrf"
CSRF_HEADER = "x-csrf-token"


@dataclass
class AppState:
    """What every request and job shares: built once per process by the app factory."""

    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    queue: JobQueue
    limiter: RateLimiter
    _statement_sessionmaker: async_sessionmaker[AsyncSession] | None = field(
        default=None, init=False, repr=False
    )

    def statement_sessionmaker(self) -> async_sessionmaker[AsyncSession]:
        """Sessions for mutations whose every write is one statement, atomic by itself: on PostgreSQL
        they run in autocommit (no BEGIN and COMMIT round trips); SQLite keeps its transactions."""
        if self.engine.dialect.name != "postgresql":
            return self.sessionmaker
        if self._statement_sessionmaker is None:
            autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
            self._statement_sessionmaker = create_sessionmaker(autocommit)
        return self._statement_sessionmaker


def _database_unreachable(error: BaseException) -> bool:
    """Did the database (or the way to it) fail, rather than the statement? Then a retry may succeed."""
    if isinstance(error, (OperationalError, InterfaceError, OSError, PoolTimeout)):
        return True
    if isinstance(error, DBAPIError):
        # SQLSTATE 08xxx: connection exceptions; 57P0x: the server is shutting down or starting up.
        sqlstate = getattr(error.orig, "sqlstate", None) or ""
        return (
            error.connection_invalidated
            or sqlstate.startswith(("08", "57P"))
            # asyncpg, when the server went away in the middle of an operation on the connection
            or type(error.orig).__name__ == "InternalClientError"
        )
    return False


def database_unavailable(error: BaseException) -> ServiceUnavailable | None:
    """The retryable error to answer with when the database is unreachable or busy, else None."""
    if isinstance(error, PoolTimeout):  # every pooled connection stayed busy: a burst, not an outage
        return ServiceUnavailable("服务繁忙，请稍后重试", code="SERVER_BUSY")
    if _database_unreachable(error):
        return ServiceUnavailable(
            "数据库暂时不可用，请稍后重试", code="DATABASE_UNAVAILABLE", cause=str(error)[:200]
        )
    return None


class Context(BaseContext):
    def __init__(self, state: AppState):
        super().__init__()
        self.state = state
        self._principal: asyncio.Future[tuple[Authenticated, bool] | None] | None = None
        # A mutation looks its caller up in the session it then writes with: one connection, one transaction.
        self._mutation_session: AsyncSession | None = None
        self._loaders: dict[str, DataLoader[Any, Any]] = {}

    @property
    def settings(self) -> Settings:
        return self.state.settings

    @property
    def client_ip(self) -> str:
        request = self.request
        return request.client.host if request is not None and request.client else "unknown"

    def _token(self) -> tuple[str | None, bool]:
        """The session token and whether it came from the cookie (which needs CSRF protection)."""
        if self.request is None:
            return None, False
        header = self.request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            return header[7:].strip(), False
        cookie = self.request.cookies.get(SESSION_COOKIE)
        return (cookie, True) if cookie else (None, False)

    async def _resolve(self, session: AsyncSession | None) -> tuple[Authenticated, bool] | None:
        token, from_cookie = self._token()
        if not token:
            return None
        try:
            if session is not None:
                found = await accounts.authenticate(session, token=token)
            else:
                async with self.session() as own_session:
                    found = await accounts.authenticate(own_session, token=token)
        except (DBAPIError, OSError, PoolTimeout) as error:
            if (unavailable := database_unavailable(error)) is None:
                raise
            raise unavailable from error
        return None if found is None else (found, from_cookie)

    async def _authenticated(
        self, *, for_mutation: bool = False, single_statements: bool = False
    ) -> tuple[Authenticated, bool] | None:
        # Sibling resolvers run concurrently: resolve the caller once and share the answer.
        if self._principal is None:
            if for_mutation:
                maker = self.state.statement_sessionmaker() if single_statements else self.state.sessionmaker
                self._mutation_session = maker()
            self._principal = asyncio.ensure_future(self._resolve(self._mutation_session))
        return await self._principal

    async def principal(self) -> Principal | None:
        found = await self._authenticated()
        return found[0].principal if found else None

    async def acting_principal(self, *, single_statements: bool = False) -> Principal | None:
        """The caller of a mutation; cookie sessions must echo their CSRF token in a header.

        single_statements: the mutation's writes are each one statement that is atomic by itself, so
        its session may run without a transaction (AppState.statement_sessionmaker).
        """
        found = await self._authenticated(for_mutation=True, single_statements=single_statements)
        if found is None:
            return None
        authenticated, from_cookie = found
        if from_cookie:
            sent = self.request.headers.get(CSRF_HEADER, "") if self.request else ""
            if not constant_time_equals(sent, authenticated.csrf_token):
                raise PermissionDenied("请求校验失败（CSRF），请刷新页面后重试", code="CSRF_FAILED")
        return authenticated.principal

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A read session of its own (resolvers run concurrently and must not share one)."""
        try:
            async with self.state.sessionmaker() as session:
                yield session
        except (DBAPIError, OSError, PoolTimeout) as error:
            if (unavailable := database_unavailable(error)) is None:
                raise
            raise unavailable from error

    async def mutate(self, operation: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Run one mutation in one transaction: commit on success, roll back on any error."""
        session, self._mutation_session = self._mutation_session or self.state.sessionmaker(), None
        try:
            async with session:
                try:
                    result = await operation(session)
                    await session.commit()
                except DomainError as error:
                    if error.keep_changes:
                        await session.commit()
                    else:
                        await session.rollback()
                    raise
                return result
        except (DBAPIError, OSError, PoolTimeout) as error:
            if (unavailable := database_unavailable(error)) is None:
                raise
            raise unavailable from error

    async def close(self) -> None:
        """End of request: release a session a mutation opened but did not use (it failed earlier)."""
        if self._mutation_session is not None:
            await self._mutation_session.close()
            self._mutation_session = None

    def loader(self, name: str, load: Callable[[list[Any]], Awaitable[list[Any]]]) -> DataLoader[Any, Any]:
        """A request-scoped DataLoader; each batch opens its own session."""
        if name not in self._loaders:
            self._loaders[name] = DataLoader(load_fn=load)
        return self._loaders[name]


def parse_id(value: str | int, what: str = "编号") -> int:
    """Turn a GraphQL ID into a row id, or raise a clear error."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number <= 0 or number > 2**62:
        raise InvalidInput(f"{what}无效：须为正整数", code="ID_INVALID")
    return number
