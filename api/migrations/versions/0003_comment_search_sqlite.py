"""comment keyword search on SQLite: an FTS5 index over comments.tokens

PostgreSQL searches with a GIN text-search index (0002). On SQLite an external-content FTS5 table mirrors
`comments.tokens`, kept current by triggers. A later batch migration that recreates `comments` on SQLite
drops these triggers: it must create them again (see `create_triggers`).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = (
    """CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
         INSERT INTO comments_fts(rowid, tokens) VALUES (new.id, coalesce(new.tokens, ''));
       END""",
    """CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
         INSERT INTO comments_fts(comments_fts, rowid, tokens) VALUES ('delete', old.id, coalesce(old.tokens, ''));
       END""",
    """CREATE TRIGGER comments_fts_update AFTER UPDATE OF tokens ON comments BEGIN
         INSERT INTO comments_fts(comments_fts, rowid, tokens) VALUES ('delete', old.id, coalesce(old.tokens, ''));
         INSERT INTO comments_fts(rowid, tokens) VALUES (new.id, coalesce(new.tokens, ''));
       END""",
)


def create_triggers() -> None:
    for trigger in TRIGGERS:
        op.execute(trigger)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE comments_fts USING fts5(tokens, content='comments', content_rowid='id', "
        "tokenize='unicode61')"
    )
    create_triggers()
    op.execute("INSERT INTO comments_fts(comments_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("comments_fts_insert", "comments_fts_delete", "comments_fts_update"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE comments_fts")
