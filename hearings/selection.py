"""The draw: a deterministic, publicly verifiable selection of hearing participants (rules C3). Pure.

The organizer commits to a secret seed by publishing its SHA-256 before registration closes, and reveals
the seed at the draw. Each interest-group category is drawn on its own:

1. For every applicant code C of the category, its draw key is the SHA-256 of the UTF-8 bytes of the
   string ``seed + ":" + C`` (the seed exactly as revealed, a colon U+003A, the code exactly as
   published), written as 64 lowercase hexadecimal digits.
2. Applicants are ordered by draw key ascending (comparing the hex strings, which is the same as
   comparing the 32 digest bytes as big-endian numbers); two equal keys (never seen in practice) are
   ordered by the code's UTF-8 bytes.
3. The first ``seats`` applicants in that order are selected; the rest form the waitlist in that order
   (rank 1, 2, …). ``seats`` is the category's quota less the seats the organizer filled by manual
   selection before the draw; a category with no more applicants than seats selects everyone.

Nobody can steer the result: applicant codes are random and assigned by the platform, and the seed is
fixed (by its hash) before the list is final. `docs/hearings-draw.md` describes the published document
and how to recompute it in another language; `verify_document` is what `canyu verify-draw` runs.
"""

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DOCUMENT_FORMAT = "canyu-hearing-draw/1"
ALGORITHM = "sha256-rank/1"
SEED_MAX_CHARS = 200
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class DrawDocumentError(ValueError):
    """The draw document is not something that can be verified (malformed, or not drawn yet)."""


@dataclass(frozen=True)
class CategoryInput:
    """One category's input to the draw: applicant codes in registration order and the seats to fill."""

    category: str
    seats: int
    applicants: tuple[str, ...]


@dataclass(frozen=True)
class CategoryResult:
    category: str
    selected: tuple[str, ...]  # in draw order; they take the category's free seats in this order
    waitlist: tuple[str, ...]  # rank 1 first


def seed_commitment(seed: str) -> str:
    """The SHA-256 (lowercase hex) of the seed's UTF-8 bytes: what the organizer publishes beforehand."""
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()


def is_commitment(value: str) -> bool:
    """Is this 64 lowercase hex digits (a SHA-256 as published)?"""
    return bool(_HEX64.match(value))


def draw_key(seed: str, applicant_code: str) -> str:
    """SHA-256 of UTF-8(seed + ":" + applicant_code), lowercase hex: the applicant's place in the draw."""
    return hashlib.sha256(f"{seed}:{applicant_code}".encode()).hexdigest()


def draw_order(seed: str, applicants: Sequence[str]) -> list[str]:
    """All applicants in draw order (ascending draw key; the code's bytes break a tie)."""
    if len(set(applicants)) != len(applicants):
        raise ValueError("applicant codes must be distinct")
    return sorted(applicants, key=lambda code: (draw_key(seed, code), code.encode("utf-8")))


def draw_category(seed: str, category: CategoryInput) -> CategoryResult:
    """Draw one category: the first `seats` in draw order are selected, the rest waitlisted in order."""
    if category.seats < 0:
        raise ValueError("seats must not be negative")
    ordered = draw_order(seed, category.applicants)
    return CategoryResult(
        category=category.category,
        selected=tuple(ordered[: category.seats]),
        waitlist=tuple(ordered[category.seats :]),
    )


def draw(seed: str, categories: Sequence[CategoryInput]) -> dict[str, CategoryResult]:
    """Draw every category independently; the result by category code."""
    return {category.category: draw_category(seed, category) for category in categories}


# ---- the published document ----------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    """The outcome of recomputing a published draw."""

    problems: tuple[str, ...]
    results: dict[str, CategoryResult]

    @property
    def matches(self) -> bool:
        return not self.problems


def _field(mapping: Mapping[str, Any], name: str, kind: type | tuple[type, ...], where: str) -> Any:
    if name not in mapping:
        raise DrawDocumentError(f"{where}: missing field {name!r}")
    value = mapping[name]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise DrawDocumentError(f"{where}: field {name!r} has the wrong type")
    return value


def _codes(mapping: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    values = _field(mapping, name, list, where)
    if not all(isinstance(v, str) for v in values):
        raise DrawDocumentError(f"{where}: {name!r} must be a list of applicant codes (strings)")
    return tuple(values)


def parse_document(document: Any) -> tuple[str, str, list[tuple[CategoryInput, dict[str, Any]]]]:
    """Check a draw document's shape; return (seed, committed hash, [(input, published category)])."""
    if not isinstance(document, dict):
        raise DrawDocumentError("the draw document must be a JSON object")
    if document.get("format") != DOCUMENT_FORMAT:
        raise DrawDocumentError(f"unknown format {document.get('format')!r} (expected {DOCUMENT_FORMAT!r})")
    if document.get("algorithm") != ALGORITHM:
        raise DrawDocumentError(f"unknown algorithm {document.get('algorithm')!r} (expected {ALGORITHM!r})")
    commitment = _field(document, "seed_sha256", str, "document")
    seed = document.get("seed")
    if seed is None:
        raise DrawDocumentError("the draw has not taken place yet: the seed is not revealed")
    if not isinstance(seed, str):
        raise DrawDocumentError("document: field 'seed' must be a string")
    categories = _field(document, "categories", list, "document")
    parsed: list[tuple[CategoryInput, dict[str, Any]]] = []
    seen: set[str] = set()
    for index, published in enumerate(categories):
        where = f"categories[{index}]"
        if not isinstance(published, dict):
            raise DrawDocumentError(f"{where} must be an object")
        code = _field(published, "category", str, where)
        if code in seen:
            raise DrawDocumentError(f"{where}: category {code!r} appears twice")
        seen.add(code)
        seats = _field(published, "seats_drawn", int, where)
        if seats < 0:
            raise DrawDocumentError(f"{where}: 'seats_drawn' must not be negative")
        applicants = _codes(published, "applicants", where)
        if len(set(applicants)) != len(applicants):
            raise DrawDocumentError(f"{where}: an applicant code appears twice")
        _codes(published, "selected", where)
        _codes(published, "waitlist", where)
        parsed.append((CategoryInput(category=code, seats=seats, applicants=applicants), published))
    return seed, commitment, parsed


def verify_document(document: Any) -> Verification:
    """Recompute a published draw from its seed and applicant lists; list every disagreement.

    Raises DrawDocumentError when the document cannot be verified at all (malformed, not drawn yet).
    """
    seed, commitment, categories = parse_document(document)
    problems: list[str] = []
    if seed_commitment(seed) != commitment.lower():
        problems.append(
            f"the revealed seed does not match the commitment: SHA-256(seed) = {seed_commitment(seed)}, "
            f"committed {commitment}"
        )
    results: dict[str, CategoryResult] = {}
    for category, published in categories:
        result = draw_category(seed, category)
        results[category.category] = result
        quota = published.get("quota")
        manual = published.get("manually_selected", [])
        if isinstance(quota, int) and isinstance(manual, list):
            expected_seats = max(quota - len(manual), 0)
            if category.seats != expected_seats:
                problems.append(
                    f"{category.category}: seats_drawn is {category.seats}, but the quota {quota} less "
                    f"{len(manual)} manual selection(s) leaves {expected_seats}"
                )
        if list(result.selected) != list(published["selected"]):
            problems.append(
                f"{category.category}: published selected {published['selected']}, "
                f"recomputed {list(result.selected)}"
            )
        if list(result.waitlist) != list(published["waitlist"]):
            problems.append(
                f"{category.category}: published waitlist {published['waitlist']}, "
                f"recomputed {list(result.waitlist)}"
            )
    return Verification(problems=tuple(problems), results=results)
