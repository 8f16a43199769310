"""`canyu verify-draw`: recompute a published hearing draw; exit 0 on match, 1 on mismatch, 2 on bad input."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from api.cli import main
from hearings import selection

SEED = "canyu-test-seed-2026"
CODES = ["0000-0000-0000", "A1B2-C3D4-E5F6", "ZZZZ-ZZZZ-ZZZZ", "7K3M-9QXD-2HFA", "K8P1-4R6T-9VWX"]


def document() -> dict[str, Any]:
    """A published draw, as /hearings/{id}/draw.json gives it (the vector of docs/hearings-draw.md)."""
    return {
        "format": "canyu-hearing-draw/1",
        "algorithm": "sha256-rank/1",
        "hearing": {"id": 12, "title": "某市农村宅基地管理办法立法听证会"},
        "seed_sha256": "233210789580a14574f1f0bb0eec8fe51b4764eaf8a29bfc7f39e683b14c958d",
        "seed_committed_at": "2026-12-01T02:00:00+00:00",
        "seed": SEED,
        "drawn_at": "2026-12-20T02:00:00+00:00",
        "categories": [
            {
                "category": "public",
                "label": "普通公众",
                "quota": 2,
                "manually_selected": [],
                "seats_drawn": 2,
                "applicants": CODES,
                "selected": ["A1B2-C3D4-E5F6", "7K3M-9QXD-2HFA"],
                "waitlist": ["ZZZZ-ZZZZ-ZZZZ", "0000-0000-0000", "K8P1-4R6T-9VWX"],
            },
            {
                "category": "expert",
                "label": "专家",
                "quota": 3,
                "manually_selected": [{"applicant_code": "MANU-ALLY-CHSN", "reason": "法学专家"}],
                "seats_drawn": 2,
                "applicants": [],
                "selected": [],
                "waitlist": [],
            },
        ],
    }


def write(tmp_path: Path, content: Any) -> str:
    path = tmp_path / "draw.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return str(path)


def test_a_correct_draw_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify-draw", write(tmp_path, document())]) == 0
    out = capsys.readouterr().out
    assert "public: 2 selected, 3 waitlisted" in out
    assert "expert: 0 selected, 0 waitlisted" in out
    assert "draw verified" in out


def test_a_changed_result_is_a_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changed = document()
    public = changed["categories"][0]
    public["selected"], public["waitlist"][0] = ["A1B2-C3D4-E5F6", "ZZZZ-ZZZZ-ZZZZ"], "7K3M-9QXD-2HFA"
    assert main(["verify-draw", write(tmp_path, changed)]) == 1
    out = capsys.readouterr().out
    assert "MISMATCH: public: published selected" in out and "FAILED" in out


def test_a_seed_that_is_not_the_committed_one_is_a_mismatch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = document()
    other["seed"] = "another seed"
    # Results recomputed with the other seed, so only the commitment is wrong.
    for category in other["categories"]:
        result = selection.draw_category(
            other["seed"],
            selection.CategoryInput(
                category["category"], category["seats_drawn"], tuple(category["applicants"])
            ),
        )
        category["selected"], category["waitlist"] = list(result.selected), list(result.waitlist)
    assert main(["verify-draw", write(tmp_path, other)]) == 1
    assert "does not match the commitment" in capsys.readouterr().out


def test_more_seats_drawn_than_the_quota_leaves_is_a_mismatch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inflated = document()
    inflated["categories"][1]["seats_drawn"] = 3  # the quota is 3, but one seat went to a manual selection
    assert main(["verify-draw", write(tmp_path, inflated)]) == 1
    assert "seats_drawn is 3" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        "[1, 2, 3]",
        json.dumps({**document(), "seed": None}),  # not drawn yet
        json.dumps({**document(), "format": "something-else/9"}),
        json.dumps({k: v for k, v in document().items() if k != "categories"}),
    ],
)
def test_input_that_cannot_be_verified_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    assert main(["verify-draw", write(tmp_path, content)]) == 2
    assert "cannot verify" in capsys.readouterr().err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify-draw", str(tmp_path / "missing.json")]) == 2
    assert "cannot verify" in capsys.readouterr().err


def test_the_installed_command_reads_stdin() -> None:
    canyu = Path(sys.executable).parent / "canyu"
    command = [str(canyu)] if canyu.exists() else [sys.executable, "-m", "api.cli"]
    good = subprocess.run(
        [*command, "verify-draw", "-"],
        input=json.dumps(document()),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert good.returncode == 0, good.stderr
    assert "draw verified" in good.stdout
    bad = subprocess.run(
        [*command, "verify-draw", "-"], input="{", capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2
