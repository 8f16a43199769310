"""Every table of every package, for migrations and schema checks (the edge may import the domains)."""

from api import audit, jobs, outbox
from api.accounts import models as account_models
from api.db import Base
from consultations import models as consultation_models
from hearings import models as hearing_models

# Importing a module registers its tables on Base.metadata.
MODEL_MODULES = (account_models, audit, jobs, outbox, consultation_models, hearing_models)
metadata = Base.metadata

# Made by the migrations alone, for comment search (consultations/search.py): PostgreSQL's text-search
# index on an expression, and SQLite's FTS5 table with its shadow tables. Autogenerate and the
# models/migrations check leave them out.
MIGRATION_ONLY_INDEXES = {"ix_comments_tokens_search"}


def compared_by_autogenerate(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    if type_ == "index" and name in MIGRATION_ONLY_INDEXES:
        return False
    return not (type_ == "table" and (name or "").startswith("comments_fts"))
