"""Check-in codes are given when a seat is (first come, promotion, draw), so `myCheckIn`, a query, only
reads: it writes nothing and shows the code stored with the seat."""

from typing import Any

from sqlalchemy import event, select

from api.context import AppState
from hearings.models import Registration
from tests.conftest import GraphQL, People
from tests.hearings.conftest import Organizers, ok
from tests.hearings.test_registration_graphql import (
    CANCEL,
    DRAW,
    SEED,
    citizens,
    close_registration,
    draw_hearing,
    first_come_hearing,
    registered,
    registration_rows,
)

MY_CHECK_IN = "query($id: ID!) { myCheckIn(hearingId: $id) { code name } }"


class Writes:
    """The INSERT, UPDATE and DELETE statements an engine sends while the block runs (but those of
    notification delivery, which in-process jobs may be doing meanwhile)."""

    def __init__(self, state: AppState):
        self.engine = state.engine.sync_engine
        self.statements: list[str] = []

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        text = statement.lstrip().upper()
        if text.startswith(("INSERT", "UPDATE", "DELETE")) and "NOTIFICATIONS" not in text.split("SET")[0]:
            self.statements.append(statement[:80])

    def __enter__(self) -> "Writes":
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


async def codes(state: AppState) -> dict[int, str | None]:
    async with state.sessionmaker() as session:
        return dict((await session.execute(select(Registration.user_id, Registration.check_in_code))).all())


async def test_first_come_seats_and_promotions_get_their_code_and_my_check_in_only_reads(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    tokens = await citizens(people, 3)
    answers = [await registered(gql, token, hearing_id) for token in tokens]
    rows = await registration_rows(state)
    assert [r.status for r in rows] == ["selected", "selected", "waitlisted"]
    assert rows[0].check_in_code and rows[1].check_in_code and rows[2].check_in_code is None

    with Writes(state) as writes:
        passes = [ok(await gql(MY_CHECK_IN, {"id": hearing_id}, token=t))["myCheckIn"] for t in tokens]
    assert writes.statements == []
    assert [p and p["code"] for p in passes] == [rows[0].check_in_code, rows[1].check_in_code, None]

    ok(await gql(CANCEL, {"id": answers[0]["id"]}, token=tokens[0]))  # the waitlisted one is promoted
    promoted = (await registration_rows(state))[2]
    assert promoted.status == "selected" and promoted.check_in_code
    again = ok(await gql(MY_CHECK_IN, {"id": hearing_id}, token=tokens[2]))["myCheckIn"]
    assert again["code"] == promoted.check_in_code


async def test_a_draw_gives_the_selected_their_codes(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await draw_hearing(gql, organizers, state)
    for token in await citizens(people, 5):
        await registered(gql, token, hearing_id)
    await close_registration(state, hearing_id)
    ok(await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=organizers.organizer))
    rows = await registration_rows(state)
    assert {r.status for r in rows if r.check_in_code} == {"selected"}
    assert {r.status for r in rows if not r.check_in_code} == {"waitlisted"}
    assert len({r.check_in_code for r in rows if r.check_in_code}) == 2
