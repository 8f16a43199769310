"""Citizens submitting comments through `submitComment`, the way a well-behaved client does: each comment
has its own idempotency key, and a connection error, a 5xx or a retryable GraphQL error is retried with
the same key until a receipt comes back. Every attempt is recorded, so a test can say exactly what the
clients saw while something was broken.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

SUBMIT = """
mutation Submit($consultationId: ID!, $body: String!, $key: String) {
  submitComment(consultationId: $consultationId, body: $body, idempotencyKey: $key) {
    receiptCode
    duplicate
  }
}
"""


@dataclass
class Attempt:
    key: str
    started: float  # seconds since the load began
    seconds: float  # how long the answer took
    outcome: str  # "receipt", or what went wrong: "transport:<Error>", "http:<status>", "graphql:<code>"
    retryable: bool | None = None
    message: str = ""


@dataclass
class Submission:
    key: str
    token: str
    body: str
    receipt: str | None = None
    duplicate: bool | None = None  # the answer that carried the receipt was a replay
    attempts: int = 0
    gave_up: str = ""  # a non-retryable error, or the deadline


@dataclass
class Load:
    """The record of one load run."""

    started_at: float = 0.0  # time.monotonic() when it began
    submissions: list[Submission] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)

    def now(self) -> float:
        return time.monotonic() - self.started_at

    @property
    def receipts(self) -> dict[str, str]:
        """client idempotency key → the receipt code the client was given."""
        return {s.key: s.receipt for s in self.submissions if s.receipt is not None}

    @property
    def failed(self) -> list[Submission]:
        return [s for s in self.submissions if s.receipt is None]

    def outcomes(self, start: float = 0.0, end: float = float("inf")) -> Counter[str]:
        return Counter(a.outcome for a in self.attempts if start <= a.started < end)

    def errors(self) -> list[Attempt]:
        return [a for a in self.attempts if a.outcome != "receipt"]

    def summary(self) -> str:
        retried = sum(1 for s in self.submissions if s.attempts > 1)
        replays = sum(1 for s in self.submissions if s.duplicate)
        seconds = sorted(a.seconds for a in self.attempts) or [0.0]
        return (
            f"{len(self.submissions)} submissions, {len(self.receipts)} receipts, {retried} needed retries "
            f"({replays} answered as replays of a stored comment), {len(self.failed)} without receipt; "
            f"attempts by outcome: {dict(self.outcomes())}; answer time median "
            f"{seconds[len(seconds) // 2]:.2f} s, p99 {seconds[int(len(seconds) * 0.99)]:.2f} s, "
            f"max {seconds[-1]:.2f} s"
        )


async def _attempt(http: httpx.AsyncClient, load: Load, submission: Submission, consultation_id: int) -> bool:
    """One POST; True when the submission is settled (a receipt, or an error not worth retrying)."""
    started = load.now()
    submission.attempts += 1
    try:
        response = await http.post(
            "/graphql",
            json={
                "query": SUBMIT,
                "variables": {
                    "consultationId": str(consultation_id),
                    "body": submission.body,
                    "key": submission.key,
                },
            },
            headers={"Authorization": f"Bearer {submission.token}"},
        )
    except httpx.TransportError as error:  # refused, reset, server gone mid-answer, timeout
        load.attempts.append(
            Attempt(submission.key, started, load.now() - started, f"transport:{type(error).__name__}", True)
        )
        return False
    seconds = load.now() - started
    if response.status_code >= 500:
        load.attempts.append(
            Attempt(
                submission.key, started, seconds, f"http:{response.status_code}", True, response.text[:300]
            )
        )
        return False
    if response.status_code != 200:
        load.attempts.append(
            Attempt(
                submission.key, started, seconds, f"http:{response.status_code}", False, response.text[:300]
            )
        )
        submission.gave_up = f"HTTP {response.status_code}"
        return True
    payload: dict[str, Any] = response.json()
    if payload.get("errors"):
        error = payload["errors"][0]
        extensions = error.get("extensions") or {}
        code, retryable = extensions.get("code", "?"), bool(extensions.get("retryable"))
        load.attempts.append(
            Attempt(submission.key, started, seconds, f"graphql:{code}", retryable, error.get("message", ""))
        )
        if not retryable:
            submission.gave_up = f"{code}: {error.get('message')}"
            return True
        return False
    answer = payload["data"]["submitComment"]
    submission.receipt, submission.duplicate = answer["receiptCode"], answer["duplicate"]
    load.attempts.append(Attempt(submission.key, started, seconds, "receipt"))
    return True


async def _client(
    base_url: str,
    load: Load,
    *,
    number: int,
    clients: int,
    tokens: list[str],
    token_offset: int,
    consultation_id: int,
    key_prefix: str,
    stop: asyncio.Event,
    retry_deadline: float,
) -> None:
    # One connection per client (limits), as 40 phones would have; a request may take a while when
    # something is broken, but never forever.
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base_url, timeout=15, limits=limits) as http:
        sequence = 0
        while not stop.is_set():
            # Rotate over all citizens so nobody reaches the per-citizen rate limit.
            token = tokens[(token_offset + number + clients * sequence) % len(tokens)]
            key = f"{key_prefix}-c{number}-{sequence}"
            submission = Submission(
                key=key, token=token, body=f"建议明确农村宅基地审批的办理时限和公示方式。（{key}）"
            )
            load.submissions.append(submission)
            sequence += 1
            pause = 0.05
            while not await _attempt(http, load, submission, consultation_id):
                if load.now() > retry_deadline:
                    submission.gave_up = "retry deadline passed"
                    break
                await asyncio.sleep(pause)
                pause = min(pause * 2, 0.5)


async def run_load(
    base_url: str,
    *,
    tokens: list[str],
    consultation_id: int,
    key_prefix: str,
    clients: int,
    stop: asyncio.Event,
    token_offset: int = 0,
    retry_deadline: float = 120.0,
    load: Load | None = None,
) -> Load:
    """Run `clients` clients until `stop` is set; each finishes (receipt or give-up) the submission it
    is on. Returns the record."""
    load = load or Load()
    load.started_at = time.monotonic()
    await asyncio.gather(
        *(
            _client(
                base_url,
                load,
                number=n,
                clients=clients,
                tokens=tokens,
                token_offset=token_offset,
                consultation_id=consultation_id,
                key_prefix=key_prefix,
                stop=stop,
                retry_deadline=retry_deadline,
            )
            for n in range(clients)
        )
    )
    return load
