"""CPU of one small PostgreSQL statement through each layer canyu could use, in one process.

    .venv/bin/python bench/driver_layers.py [--statements 3000]

Eight concurrent tasks each run `SELECT $1::int + 1` until N statements are done, through:
- an AsyncSession on an autocommit engine (how submitComment's statements run today),
- an AsyncConnection of that engine (no session),
- the asyncpg connection underneath a pooled AsyncConnection (SQLAlchemy's pool, asyncpg's execution),
- asyncpg's own pool, one and two statements per checkout.
The difference between the lines is what each layer costs per request on this machine. It needs the
`test` database of the local PostgreSQL (trust authentication).
"""

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable

import asyncpg

from api.db import create_engine, create_sessionmaker

DSN = "postgresql://postgres@127.0.0.1:5432/test"
SQL = "SELECT $1::int + 1"


async def cpu_us_per_call(call: Callable[[int], Awaitable[object]], count: int) -> float:
    for n in range(200):  # warm: pool connections, prepared statements
        await call(n)
    started = time.process_time()

    async def stream(first: int) -> None:
        for n in range(first, count, 8):
            await call(n)

    await asyncio.gather(*(stream(k) for k in range(8)))
    return (time.process_time() - started) / count * 1e6


async def main_async(count: int) -> None:
    engine = create_engine(DSN.replace("postgresql://", "postgresql+asyncpg://"), pool_size=20)
    autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
    sessions = create_sessionmaker(autocommit)
    pool = await asyncpg.create_pool(DSN, min_size=20, max_size=20)

    async def session(n: int) -> object:
        async with sessions() as s:
            return (await (await s.connection()).exec_driver_sql(SQL, (n,))).scalar()

    async def connection(n: int) -> object:
        async with autocommit.connect() as c:
            return (await c.exec_driver_sql(SQL, (n,))).scalar()

    async def driver_under_pool(n: int) -> object:
        async with autocommit.connect() as c:
            raw = await c.get_raw_connection()
            return await raw.driver_connection.fetchval(SQL, n)  # type: ignore[union-attr]

    async def asyncpg_pool(n: int) -> object:
        async with pool.acquire() as c:
            return await c.fetchval(SQL, n)

    async def asyncpg_pool_two(n: int) -> object:
        async with pool.acquire() as c:
            await c.fetchval(SQL, n)
            return await c.fetchval(SQL, n)

    layers = {
        "SQLAlchemy AsyncSession, autocommit": session,
        "SQLAlchemy AsyncConnection": connection,
        "asyncpg under SQLAlchemy's pool": driver_under_pool,
        "asyncpg pool, 1 statement": asyncpg_pool,
        "asyncpg pool, 2 statements": asyncpg_pool_two,
    }
    print(f"| layer | CPU µs per checkout ({count} calls, 8 concurrent), two passes |")
    print("|---|---:|")
    for name, call in layers.items():
        passes = [await cpu_us_per_call(call, count) for _ in range(2)]
        print(f"| {name} | {' / '.join(f'{p:.0f}' for p in passes)} |")
    await pool.close()
    await engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=3000)
    asyncio.run(main_async(parser.parse_args().statements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
