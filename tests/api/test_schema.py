"""The committed SDL matches the code, and the migrations create exactly what the models describe."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from api.model_registry import compared_by_autogenerate, metadata
from api.schema import schema

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_graphql_matches_the_code():
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed.strip() == schema.as_str().strip(), "schema.graphql is stale: run `make schema`"


async def test_migrations_and_models_agree(state):
    def diff(connection):
        options = {"compare_type": True, "include_object": compared_by_autogenerate}
        context = MigrationContext.configure(connection, opts=options)
        return compare_metadata(context, metadata)

    async with state.engine.connect() as connection:
        differences = await connection.run_sync(diff)
    assert differences == []
