"""Alembic environment: migrations run on SQLite and PostgreSQL from the same scripts."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from api.db import create_engine
from api.model_registry import compared_by_autogenerate, metadata

config = context.config


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=compared_by_autogenerate,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async() -> None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    async with engine.connect() as connection:
        await connection.run_sync(run_migrations)
    await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `canyu db upgrade`")
asyncio.run(run_async())
