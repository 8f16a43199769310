"""Plain HTTP routes for files and bulk data (GraphQL is not for large lists):

- /statements/{consultation}/v{version}.{format}: a statement rendering; published versions are public
  (a stable URL per version), drafts only for staff of the unit;
- /exports/consultations/{consultation}/comments.{csv,ndjson} and …/dispositions.{csv,ndjson}: staff
  exports, streamed row by row.
"""

import csv
import hashlib
import io
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import Select, select

from api.accounts.permissions import Principal
from api.context import AppState, Context
from api.errors import DomainError
from consultations import permissions, service
from consultations.models import Article, Comment, Consultation, Disposition
from consultations.statement import publishing

EXPORT_BATCH = 1000
Rows = Select[*tuple[Any, ...]]


async def _principal(state: AppState, request: Request) -> Principal | None:
    context = Context(state)
    context.request = request
    return await context.principal()


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    @routes.get("/statements/{consultation_id}/v{version}.{fmt}")
    async def statement_file(consultation_id: int, version: int, fmt: str, request: Request) -> Response:
        if fmt not in publishing.FORMATS:
            raise HTTPException(404, "没有这种格式")
        principal = await _principal(state, request)
        async with state.sessionmaker() as session:
            statement = await publishing.get_statement(
                session, principal=principal, consultation_id=consultation_id, version=version
            )
            content = await publishing.rendering(session, statement.id, fmt) if statement else None
        if statement is None or content is None:
            raise HTTPException(404, "该版本的采纳情况说明不存在或尚未公布")
        filename = f"statement-{consultation_id}-v{version}.{fmt}"
        return Response(
            content,
            media_type=publishing.MEDIA_TYPES[fmt],
            headers={
                "Content-Disposition": f'inline; filename="{filename}"',
                "X-Content-SHA256": hashlib.sha256(content).hexdigest(),  # this file
                "X-Statement-SHA256": statement.content_sha256,  # the version: all five files
                "Cache-Control": "public, max-age=86400, immutable"
                if statement.status == "published"
                else "no-store",
            },
        )

    @routes.get("/exports/consultations/{consultation_id}/{dataset}.{fmt}")
    async def export(consultation_id: int, dataset: str, fmt: str, request: Request) -> StreamingResponse:
        if dataset not in EXPORTS or fmt not in ("csv", "ndjson"):
            raise HTTPException(404, "没有这种导出")
        principal = await _principal(state, request)
        if principal is None:  # before any lookup, so nobody learns which consultations exist
            raise HTTPException(401, "请先登录")
        async with state.sessionmaker() as session:
            consultation = await session.get(Consultation, consultation_id)
            if consultation is None:
                raise HTTPException(404, "征求意见项目不存在")
            path = await service.unit_path(session, consultation.unit_id)
        try:
            permissions.ensure(principal, "read_internal", path)
        except DomainError as error:
            raise HTTPException(403, error.message) from error
        columns, query = EXPORTS[dataset]
        rows = _stream(state, query(consultation_id), columns, fmt)
        media_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
        filename = f"consultation-{consultation_id}-{dataset}.{fmt}"
        return StreamingResponse(
            rows, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
        )

    return routes


async def _stream(state: AppState, query: Rows, columns: list[str], fmt: str) -> AsyncIterator[bytes]:
    if fmt == "csv":
        yield "\ufeff".encode()  # so spreadsheet programs read UTF-8
        yield _csv_line(columns)
    async with state.sessionmaker() as session:
        result = await session.stream(query.execution_options(yield_per=EXPORT_BATCH))
        async for partition in result.partitions():
            lines = [
                _csv_line([_cell(v) for v in row]) if fmt == "csv" else _json_line(columns, row)
                for row in partition
            ]
            yield b"".join(lines)


def _cell(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _csv_line(values: list[Any]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue().encode()


def _json_line(columns: list[str], row: Any) -> bytes:
    return (json.dumps(dict(zip(columns, map(_cell, row), strict=True)), ensure_ascii=False) + "\n").encode()


def _comments(consultation_id: int) -> Rows:
    return (
        select(
            Comment.id,
            Comment.receipt_code,
            Comment.submitted_at,
            Comment.channel,
            Article.label,
            Comment.submitter_type,
            Comment.submitter_name,
            Comment.is_late,
            Comment.moderation,
            Comment.campaign_id,
            Comment.topic_id,
            Comment.body,
        )
        .outerjoin(Article, Article.id == Comment.article_id)
        .where(Comment.consultation_id == consultation_id)
        .order_by(Comment.id)
    )


def _dispositions(consultation_id: int) -> Rows:
    return (
        select(
            Disposition.id,
            Disposition.group_id,
            Disposition.comment_id,
            Disposition.outcome,
            Disposition.standard_reason,
            Disposition.reason,
            Disposition.status,
            Disposition.proposed_by,
            Disposition.proposed_at,
            Disposition.approved_by,
            Disposition.approved_at,
            Disposition.revised_article_id,
            Disposition.revised_after,
        )
        .where(Disposition.consultation_id == consultation_id)
        .order_by(Disposition.id)
    )


EXPORTS: dict[str, tuple[list[str], Callable[[int], Rows]]] = {
    "comments": (
        [
            "id",
            "receipt_code",
            "submitted_at",
            "channel",
            "article",
            "submitter_type",
            "submitter_name",
            "is_late",
            "moderation",
            "campaign_id",
            "topic_id",
            "body",
        ],
        _comments,
    ),
    "dispositions": (
        [
            "id",
            "group_id",
            "comment_id",
            "outcome",
            "standard_reason",
            "reason",
            "status",
            "proposed_by",
            "proposed_at",
            "approved_by",
            "approved_at",
            "revised_article_id",
            "revised_after",
        ],
        _dispositions,
    ),
}
