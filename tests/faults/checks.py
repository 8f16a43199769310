"""Assertions shared by the fault tests: what the clients were told against what the database holds."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tests.faults.load import Load


def stored_by_key(rows: list[Any]) -> dict[str, list[str]]:
    """client idempotency key → receipt codes stored under it (canyu stores `<user id>:<client key>`)."""
    stored: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        assert row["idempotency_key"], f"a comment without an idempotency key: {dict(row)}"
        stored[row["idempotency_key"].split(":", 1)[1]].append(row["receipt_code"])
    return dict(stored)


def assert_returned_receipts_stored_once(load: Load, rows: list[Any]) -> None:
    """The receipt each client was given is the one comment stored under its key; no key has two
    comments; nothing was stored but what the clients submitted. (A submission whose client gave up
    without a receipt may or may not be stored: it was never acknowledged.)"""
    keys = [s.key for s in load.submissions]
    assert len(keys) == len(set(keys))
    stored = stored_by_key(rows)
    twice = {key: codes for key, codes in stored.items() if len(codes) > 1}
    assert twice == {}, f"stored more than once: {list(twice.items())[:5]}"
    assert {key: stored.get(key, [None])[0] for key in load.receipts} == load.receipts
    assert set(stored) <= set(keys)
    assert len(set(load.receipts.values())) == len(load.receipts)


def assert_every_receipt_stored_once(load: Load, rows: list[Any]) -> None:
    """Every submission got a receipt, and each receipt is stored exactly once (see above)."""
    assert not load.failed, (
        f"{len(load.failed)} submissions got no receipt, e.g. "
        f"{[(s.key, s.gave_up, s.attempts) for s in load.failed[:5]]}"
    )
    assert_returned_receipts_stored_once(load, rows)
    assert len(rows) == len(load.submissions)
