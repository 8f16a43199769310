"""The draw algorithm (hearings/selection.py), against a vector computed outside Python with coreutils:

printf '%s' "canyu-test-seed-2026:A1B2-C3D4-E5F6" | sha256sum
"""

import copy
import random
from typing import Any

import pytest

from hearings import selection
from hearings.selection import CategoryInput, DrawDocumentError

SEED = "canyu-test-seed-2026"
CODES = ("0000-0000-0000", "A1B2-C3D4-E5F6", "ZZZZ-ZZZZ-ZZZZ", "7K3M-9QXD-2HFA", "K8P1-4R6T-9VWX")
# sha256sum of "<seed>:<code>", sorted: the draw order.
KEYS = {
    "A1B2-C3D4-E5F6": "1389326d2a9f79616a2902e64c72aeee86c2ea555700b0a9b9c5eb79c5ccbfa1",
    "7K3M-9QXD-2HFA": "1e914930ce7a698719ea07e033bf5a5838d255c04297acf2012dc81443e98edf",
    "ZZZZ-ZZZZ-ZZZZ": "2167801cbbcd9687a43217d8c9b39c3684b2cb62fe5197a6356cf078ba682ea6",
    "0000-0000-0000": "43d1fb5bec65f629ea8419983c08aa91392315a57f1c6cc3718de8fca63b8ae4",
    "K8P1-4R6T-9VWX": "e07f5bbd344630af245cf09228af59b3e91c4fb95a93cf159a9293750e75c31d",
}
SEED_SHA256 = "233210789580a14574f1f0bb0eec8fe51b4764eaf8a29bfc7f39e683b14c958d"


def test_draw_keys_and_commitment_match_the_external_vector() -> None:
    for code, key in KEYS.items():
        assert selection.draw_key(SEED, code) == key
    assert selection.seed_commitment(SEED) == SEED_SHA256
    # UTF-8, not any other encoding: printf '%s' "种子:甲" | sha256sum
    assert (
        selection.draw_key("种子", "甲") == "4bd2dd86a0fabad2c6bfc101bd9c347a92d7858d7dd8e466615ec87955271872"
    )


def test_a_category_selects_the_lowest_keys_and_waitlists_the_rest_in_order() -> None:
    result = selection.draw_category(SEED, CategoryInput("public", seats=2, applicants=CODES))
    assert result.selected == ("A1B2-C3D4-E5F6", "7K3M-9QXD-2HFA")
    assert result.waitlist == ("ZZZZ-ZZZZ-ZZZZ", "0000-0000-0000", "K8P1-4R6T-9VWX")


def test_the_result_does_not_depend_on_registration_order() -> None:
    shuffled = list(CODES)
    random.Random(7).shuffle(shuffled)
    first = selection.draw_category(SEED, CategoryInput("public", seats=3, applicants=CODES))
    second = selection.draw_category(SEED, CategoryInput("public", seats=3, applicants=tuple(shuffled)))
    assert first == second


def test_another_seed_gives_another_order() -> None:
    one = selection.draw_order(SEED, CODES)
    other = selection.draw_order(SEED + "x", CODES)
    assert sorted(one) == sorted(other) and one != other


def test_no_more_applicants_than_seats_selects_everyone_and_zero_seats_selects_nobody() -> None:
    everyone = selection.draw_category(SEED, CategoryInput("expert", seats=9, applicants=CODES[:3]))
    assert sorted(everyone.selected) == sorted(CODES[:3]) and everyone.waitlist == ()
    nobody = selection.draw_category(SEED, CategoryInput("expert", seats=0, applicants=CODES[:3]))
    assert nobody.selected == () and len(nobody.waitlist) == 3
    empty = selection.draw_category(SEED, CategoryInput("expert", seats=2, applicants=()))
    assert empty.selected == () and empty.waitlist == ()


def test_categories_are_drawn_independently() -> None:
    results = selection.draw(
        SEED,
        [CategoryInput("public", 1, CODES[:3]), CategoryInput("enterprise", 1, CODES[3:])],
    )
    assert results["public"].selected == ("A1B2-C3D4-E5F6",)
    assert results["enterprise"].selected == ("7K3M-9QXD-2HFA",)


def test_duplicate_codes_are_refused() -> None:
    with pytest.raises(ValueError):
        selection.draw_order(SEED, ["A", "A"])


def document() -> dict[str, Any]:
    return {
        "format": selection.DOCUMENT_FORMAT,
        "algorithm": selection.ALGORITHM,
        "seed_sha256": SEED_SHA256,
        "seed": SEED,
        "categories": [
            {
                "category": "public",
                "quota": 3,
                "manually_selected": [{"applicant_code": "MANU-ALLY-CHSN", "reason": "残疾人代表"}],
                "seats_drawn": 2,
                "applicants": list(CODES),
                "selected": ["A1B2-C3D4-E5F6", "7K3M-9QXD-2HFA"],
                "waitlist": ["ZZZZ-ZZZZ-ZZZZ", "0000-0000-0000", "K8P1-4R6T-9VWX"],
            }
        ],
    }


def test_a_correct_document_verifies() -> None:
    verification = selection.verify_document(document())
    assert verification.matches, verification.problems


def test_every_kind_of_tampering_is_reported() -> None:
    swapped = document()
    swapped["categories"][0]["selected"] = ["A1B2-C3D4-E5F6", "ZZZZ-ZZZZ-ZZZZ"]
    swapped["categories"][0]["waitlist"] = ["7K3M-9QXD-2HFA", "0000-0000-0000", "K8P1-4R6T-9VWX"]
    problems = selection.verify_document(swapped).problems
    assert len(problems) == 2 and all(p.startswith("public:") for p in problems)

    other_seed = document()
    other_seed["seed"] = "another-seed"
    assert any("commitment" in p for p in selection.verify_document(other_seed).problems)

    more_seats = document()
    more_seats["categories"][0]["seats_drawn"] = 3
    assert any("seats_drawn" in p for p in selection.verify_document(more_seats).problems)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(seed=None),
        lambda d: d.update(format="other/1"),
        lambda d: d.update(algorithm="md5"),
        lambda d: d.pop("categories"),
        lambda d: d["categories"][0].update(applicants=["A", "A"]),
        lambda d: d["categories"][0].update(seats_drawn="2"),
        lambda d: d["categories"][0].update(selected=[1, 2]),
        lambda d: d["categories"].append(copy.deepcopy(d["categories"][0])),
    ],
)
def test_documents_that_cannot_be_verified_are_refused(change: Any) -> None:
    broken = document()
    change(broken)
    with pytest.raises(DrawDocumentError):
        selection.verify_document(broken)
    with pytest.raises(DrawDocumentError):
        selection.verify_document(["not", "an", "object"])
