"""Plain HTTP routes of the hearing domain (files and bulk data, not GraphQL):

- /hearings/{hearing}/draw.json: the public, verifiable draw data (docs/hearings-draw.md), for anyone who
  may see the hearing; recompute it with `canyu verify-draw`;
- /exports/hearings/{hearing}/registrations.csv: the registrations with contacts, for the hearing's
  organizer only, streamed row by row.
"""

import csv
import hashlib
import io
import json
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import StreamingResponse

from api.accounts.permissions import Principal
from api.context import AppState, Context
from api.errors import DomainError
from hearings import registration, service
from hearings.models import PARTICIPANT_CATEGORY_LABELS, ParticipantCategory

EXPORT_BATCH = 1000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
REGISTRATION_COLUMNS = [
    "id",
    "applicant_code",
    "category",
    "category_label",
    "name",
    "organization",
    "contact",
    "wishes_to_speak",
    "position_summary",
    "consent_to_be_named",
    "status",
    "seat_number",
    "selected_by",
    "manual_reason",
    "waitlist_rank",
    "registered_at",
    "selected_at",
    "cancelled_at",
    "checked_in_at",
]


async def _principal(state: AppState, request: Request) -> Principal | None:
    context = Context(state)
    context.request = request
    return await context.principal()


def _cell(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    # Text typed by applicants must not run as a spreadsheet formula when the export is opened.
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_line(values: list[Any]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue().encode()


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    @routes.get("/hearings/{hearing_id}/draw.json")
    async def draw_json(hearing_id: int, request: Request) -> Response:
        principal = await _principal(state, request)
        async with state.sessionmaker() as session:
            hearing = await service.get_visible(session, principal=principal, hearing_id=hearing_id)
            document = await registration.draw_document(session, hearing) if hearing else None
        if hearing is None:
            raise HTTPException(404, "会议不存在或尚未公布")
        if document is None:
            raise HTTPException(404, "本次会议按报名先后确定参加人，没有抽签")
        content = json.dumps(document, ensure_ascii=False, indent=2).encode()
        return Response(
            content,
            media_type="application/json",
            headers={
                "Content-Disposition": f'inline; filename="hearing-{hearing_id}-draw.json"',
                "X-Content-SHA256": hashlib.sha256(content).hexdigest(),
                # Before the draw the applicant list still grows; after it the document never changes.
                "Cache-Control": "public, max-age=300" if hearing.drawn_at else "no-store",
            },
        )

    @routes.get("/exports/hearings/{hearing_id}/registrations.csv")
    async def registrations_csv(hearing_id: int, request: Request) -> StreamingResponse:
        principal = await _principal(state, request)
        if principal is None:  # before any lookup, so nobody learns which hearings exist
            raise HTTPException(401, "请先登录")
        async with state.sessionmaker() as session:
            try:
                await registration.organized_hearing(session, principal=principal, hearing_id=hearing_id)
            except DomainError as error:
                raise HTTPException(
                    404 if error.code == "HEARING_NOT_FOUND" else 403, error.message
                ) from error
        return StreamingResponse(
            _registration_rows(state, hearing_id),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="hearing-{hearing_id}-registrations.csv"',
                "Cache-Control": "no-store",
            },
        )

    return routes


async def _registration_rows(state: AppState, hearing_id: int) -> AsyncIterator[bytes]:
    yield "\ufeff".encode()  # so spreadsheet programs read UTF-8
    yield _csv_line(REGISTRATION_COLUMNS)
    query = registration.registrations_query(hearing_id).execution_options(yield_per=EXPORT_BATCH)
    async with state.sessionmaker() as session:
        result = await session.stream(query)
        async for partition in result.partitions():
            yield b"".join(
                _csv_line(
                    [
                        _cell(value)
                        for value in (
                            r.id,
                            r.applicant_code,
                            code,
                            PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(code)],
                            r.name,
                            r.organization,
                            r.contact,
                            r.wishes_to_speak,
                            r.position_summary,
                            r.consent_to_be_named,
                            r.status,
                            r.seat_number,
                            r.selected_by,
                            r.manual_reason,
                            r.waitlist_rank,
                            r.registered_at,
                            r.selected_at,
                            r.cancelled_at,
                            r.checked_in_at,
                        )
                    ]
                )
                for r, code in partition
            )
