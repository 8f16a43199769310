"""Cursor connections (keyset pagination on row ids, newest first) shared by every list in the API."""

import base64
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry

from api.errors import InvalidInput

T = TypeVar("T")
MAX_PAGE = 100
MAX_ROW_ID = 2**62  # as parse_id


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int | None = strawberry.field(default=None, description="All matching items, where counted.")


def encode_cursor(value: int) -> str:
    return base64.urlsafe_b64encode(f"c:{value}".encode()).decode()


def decode_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    try:
        prefix, value = base64.urlsafe_b64decode(cursor.encode()).decode().split(":", 1)
        # Only what encode_cursor makes: a row id, in ASCII digits and in the range the databases compare
        # (a forged "c:10**30" would otherwise overflow the driver and surface as an internal error).
        if prefix != "c" or not (value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_ROW_ID:
            raise ValueError(value)
        return int(value)
    except ValueError as error:  # also binascii.Error and Unicode errors
        raise InvalidInput("分页游标无效", code="CURSOR_INVALID") from error


def page_size(first: int) -> int:
    if not 1 <= first <= MAX_PAGE:
        raise InvalidInput(f"每页数量须在 1 到 {MAX_PAGE} 之间", code="PAGE_SIZE_INVALID")
    return first


def connection(
    rows: Sequence[Any],
    first: int,
    *,
    row_id: Callable[[Any], int],
    node: Callable[[Any], T],
    total_count: int | None = None,
) -> Connection[T]:
    """Shape `first + 1` fetched rows into a page: the extra row only says there is a next page."""
    edges = [Edge(cursor=encode_cursor(row_id(row)), node=node(row)) for row in rows[:first]]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=len(rows) > first, end_cursor=edges[-1].cursor if edges else None),
        total_count=total_count,
    )
