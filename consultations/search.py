"""Keyword search over comments by their jieba tokens (stored by the segmentation job).

PostgreSQL matches with `simple` text search on the tokens (a GIN index serves it, migration 0002);
SQLite with the FTS5 table `comments_fts` that mirrors the tokens (migration 0003).
"""

from sqlalchemy import func, literal_column, select, text
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.elements import ColumnClause

from api.errors import InvalidInput
from consultations import segmentation
from consultations.models import Comment

MAX_QUERY_CHARS = 100


def query_tokens(query: str) -> list[str]:
    query = query.strip()
    if not query or len(query) > MAX_QUERY_CHARS:
        raise InvalidInput(f"搜索词须为1到{MAX_QUERY_CHARS}个字", code="SEARCH_INVALID")
    tokens = list(dict.fromkeys(segmentation.tokens(query).split()))
    if not tokens:
        raise InvalidInput("搜索词中没有可检索的字词", code="SEARCH_INVALID")
    return tokens


def comment_matches(query: str, dialect: str) -> ColumnElement[bool]:
    """A condition on Comment: its tokens contain every token of the search text."""
    tokens = query_tokens(query)
    if dialect == "postgresql":
        # Written exactly as the GIN index's expression (migration 0002), so the index serves it.
        simple: ColumnClause[str] = literal_column("'simple'")
        document = func.to_tsvector(simple, func.coalesce(Comment.tokens, literal_column("''")))
        return document.op("@@")(func.plainto_tsquery(simple, " ".join(tokens)))
    # FTS5 query syntax: each token a quoted phrase (quotes doubled), all of them required.
    match = " ".join('"' + token.replace('"', '""') + '"' for token in tokens)
    rowid: ColumnClause[int] = literal_column("rowid")
    matching = (
        select(rowid)
        .select_from(text("comments_fts"))
        .where(text("comments_fts MATCH :search_tokens").bindparams(search_tokens=match))
    )
    return Comment.id.in_(matching)
