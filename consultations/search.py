"""Keyword search over comments by their jieba tokens (stored by the segmentation job).

PostgreSQL matches with `simple` text search on the tokens (a GIN index serves it); SQLite matches each
query token as a whole token of the space-separated list.
"""

from sqlalchemy import and_, func, literal, literal_column
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.elements import ColumnClause

from api.errors import InvalidInput
from consultations import segmentation
from consultations.models import Comment

MAX_QUERY_CHARS = 100


def query_tokens(text: str) -> list[str]:
    text = text.strip()
    if not text or len(text) > MAX_QUERY_CHARS:
        raise InvalidInput(f"搜索词须为1到{MAX_QUERY_CHARS}个字", code="SEARCH_INVALID")
    tokens = list(dict.fromkeys(segmentation.tokens(text).split()))
    if not tokens:
        raise InvalidInput("搜索词中没有可检索的字词", code="SEARCH_INVALID")
    return tokens


def comment_matches(text: str, dialect: str) -> ColumnElement[bool]:
    """A condition on Comment: its tokens contain every token of the search text."""
    tokens = query_tokens(text)
    if dialect == "postgresql":
        # Written exactly as the GIN index's expression (migration 0002), so the index serves it.
        simple: ColumnClause[str] = literal_column("'simple'")
        document = func.to_tsvector(simple, func.coalesce(Comment.tokens, literal_column("''")))
        return document.op("@@")(func.plainto_tsquery(simple, " ".join(tokens)))
    padded = literal(" ") + func.coalesce(Comment.tokens, "") + literal(" ")
    return and_(*(padded.contains(f" {token} ", autoescape=True) for token in tokens))
