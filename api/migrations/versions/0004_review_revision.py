"""review revision: a statement records the revision of the facts it was generated from

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("consultations", "statements"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("review_revision", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    for table in ("statements", "consultations"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("review_revision")
