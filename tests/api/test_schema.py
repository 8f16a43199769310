"""The committed SDL matches the code, and the migrations create exactly what the models describe."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from api.model_registry import metadata
from api.schema import schema

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_graphql_matches_the_code():
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed.strip() == schema.as_str().strip(), "schema.graphql is stale: run `make schema`"


# Made by the migrations alone, for comment search (consultations/search.py): PostgreSQL's text-search
# index on an expression, and SQLite's FTS5 table with its shadow tables.
MIGRATION_ONLY_INDEXES = {"ix_comments_tokens_search"}


def _compared(obj, name, type_, reflected, compare_to):
    if type_ == "index" and name in MIGRATION_ONLY_INDEXES:
        return False
    return not (type_ == "table" and name.startswith("comments_fts"))


async def test_migrations_and_models_agree(state):
    def diff(connection):
        options = {"compare_type": True, "include_object": _compared}
        context = MigrationContext.configure(connection, opts=options)
        return compare_metadata(context, metadata)

    async with state.engine.connect() as connection:
        differences = await connection.run_sync(diff)
    assert differences == []
