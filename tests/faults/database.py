"""Statements on the private PostgreSQL cluster, outside canyu (seeding, copies, checks)."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.faults.servers import PrivatePostgres

TEMPLATE = "canyu_faults_template"


async def admin(postgres: PrivatePostgres, *statements: str) -> None:
    connection = await asyncpg.connect(postgres.dsn())
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


async def copy_database(postgres: PrivatePostgres, name: str, template: str = TEMPLATE) -> str:
    await admin(
        postgres,
        f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
        f"CREATE DATABASE {name} TEMPLATE {template}",
    )
    return name


async def query(postgres: PrivatePostgres, database: str, sql: str, *args: Any) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(postgres.dsn(database))
    try:
        return list(await connection.fetch(sql, *args))
    finally:
        await connection.close()
