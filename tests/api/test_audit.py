"""The hash-chained audit log: recording, verification, tamper detection, concurrency, and the CLI."""

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import JSON, bindparam, select, text

from api import audit
from api.audit import GENESIS_HASH, Actor, AuditChainHead, AuditEvent, verify_chain
from api.db import transaction

CANYU = str(Path(sys.executable).with_name("canyu"))


async def record_events(state, count: int) -> None:
    for n in range(1, count + 1):
        async with transaction(state.sessionmaker) as session:
            await audit.record(
                session,
                actor=Actor(id=None, label="test"),
                action=f"test.step{n}",
                subject_type="thing",
                subject_id=n,
                before={"n": n - 1},
                after={"n": n, "名称": "事项"},
            )


async def verify(state) -> audit.VerifyReport:
    async with state.sessionmaker() as session:
        return await verify_chain(session)


async def execute(state, statement, **params) -> None:
    async with transaction(state.sessionmaker) as session:
        await session.execute(statement, params)


async def test_recorded_events_form_a_chain_that_verifies(state):
    await record_events(state, 3)

    async with state.sessionmaker() as session:
        events = (await session.scalars(select(AuditEvent).order_by(AuditEvent.seq))).all()
        head = await session.get_one(AuditChainHead, 1)
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert (head.seq, head.hash) == (3, events[-1].hash)
    assert events[1].after == {"n": 2, "名称": "事项"}
    report = await verify(state)
    assert (report.ok, report.checked, report.problems) == (True, 3, [])


async def test_empty_log_verifies(state):
    report = await verify(state)
    assert (report.ok, report.checked) == (True, 0)


async def test_an_event_rolled_back_with_its_change_leaves_no_trace(state):
    await record_events(state, 1)
    async with state.sessionmaker() as session:
        await audit.record(session, actor=audit.SYSTEM, action="test.undone", subject_type="t", subject_id=1)
        await session.rollback()
    await record_events(state, 1)

    async with state.sessionmaker() as session:
        assert list(await session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq))) == [1, 2]
    assert (await verify(state)).ok


async def test_changing_an_events_after_is_reported_for_that_event(state):
    await record_events(state, 3)
    tamper = text("UPDATE audit_events SET after = :after WHERE seq = 2").bindparams(
        bindparam("after", type_=JSON)
    )
    await execute(state, tamper, after={"n": 200, "名称": "事项"})

    report = await verify(state)
    assert report.problems == ["event 2 (test.step2): content does not match its hash"]
    assert report.checked == 3


async def test_changing_an_events_actor_is_reported(state):
    await record_events(state, 3)
    await execute(state, text("UPDATE audit_events SET actor_label = 'someone else' WHERE seq = 1"))
    assert (await verify(state)).problems == ["event 1 (test.step1): content does not match its hash"]


async def test_rehashing_a_changed_event_still_breaks_the_next_link(state):
    await record_events(state, 3)
    async with transaction(state.sessionmaker) as session:
        event = await session.get_one(AuditEvent, 2)
        event.after = {"n": 200}
        event.hash = audit.event_hash(event.prev_hash, audit._content(event))

    assert (await verify(state)).problems == ["event 3: does not follow the previous event's hash"]


async def test_deleting_a_middle_event_is_reported_as_missing(state):
    await record_events(state, 3)
    await execute(state, text("DELETE FROM audit_events WHERE seq = 2"))

    report = await verify(state)
    assert report.problems == [
        "events 2..2 are missing",
        "event 3: does not follow the previous event's hash",
    ]
    assert report.checked == 2


async def test_deleting_the_last_event_is_reported_as_a_head_mismatch(state):
    await record_events(state, 3)
    await execute(state, text("DELETE FROM audit_events WHERE seq = 3"))

    assert (await verify(state)).problems == ["chain head says event 3 is last, the log ends at event 2"]


async def test_concurrent_audited_writes_still_form_one_chain(state):
    async def write(n: int) -> None:
        async with transaction(state.sessionmaker) as session:
            await asyncio.sleep(0)  # let the other writers start their transactions too
            await audit.record(
                session, actor=audit.SYSTEM, action="test.concurrent", subject_type="thing", subject_id=n
            )
            await asyncio.sleep(0)  # and try to interleave before this one commits

    await asyncio.gather(*(write(n) for n in range(20)))

    async with state.sessionmaker() as session:
        events = (await session.scalars(select(AuditEvent).order_by(AuditEvent.seq))).all()
    assert [e.seq for e in events] == list(range(1, 21))
    assert sorted(int(e.subject_id) for e in events) == list(range(20))
    report = await verify(state)
    assert (report.problems, report.checked) == ([], 20)


# --- `canyu audit verify` end to end --------------------------------------------------------------


def canyu(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANYU_")}
    env["CANYU_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [CANYU, *args], env=env, cwd=data_dir, capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_audit_verify_passes_then_detects_tampering(tmp_path):
    steps = [
        ("db", "upgrade"),
        ("unit", "create", "--name", "某省人民政府", "--code", "prov", "--region", "330000"),
        (
            "user",
            "create",
            "--username",
            "admin",
            "--password",
            "admin-pass-1",
            "--unit",
            "prov",
            "--role",
            "admin",
        ),
    ]
    for step in steps:
        done = canyu(tmp_path, *step)
        assert done.returncode == 0, (step, done.stdout, done.stderr)

    intact = canyu(tmp_path, "audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert "audit log OK: 3 events" in intact.stdout
    assert "PROBLEM" not in intact.stdout

    connection = sqlite3.connect(tmp_path / "canyu.sqlite3")
    try:
        with connection:  # commits
            connection.execute("UPDATE audit_events SET actor_label = 'intruder' WHERE seq = 2")
    finally:
        connection.close()
    tampered = canyu(tmp_path, "audit", "verify")
    assert tampered.returncode == 1
    assert "PROBLEM: event 2 (user.staff_created): content does not match its hash" in tampered.stdout
    assert "audit log verification FAILED: 1 problem(s) in 3 events" in tampered.stdout
