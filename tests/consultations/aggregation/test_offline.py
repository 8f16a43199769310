"""`canyu aggregate`: JSON Lines in, groups JSON out, clear errors on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from api.cli import main
from consultations.aggregation.types import AggregationResult, Campaign, TextItem, Topic

from .checks import COMPENSATION_1, COMPENSATION_2, DEADLINE, FORM_LETTER, NAME_INSERTED, assert_invariants

ROOT = Path(__file__).resolve().parents[3]


def _write_lines(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


RECORDS = [
    {"id": "1", "body": FORM_LETTER, "article": "第三条", "author": "a"},
    {"id": "2", "body": NAME_INSERTED, "article": "第三条"},
    {"id": "3", "body": COMPENSATION_1, "article": "第三条", "author": None},
    {"id": "4", "body": COMPENSATION_2, "article": "第三条"},
    {"id": "5", "body": DEADLINE},
]


def test_groups_file_has_the_documented_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_lines(tmp_path / "comments.jsonl", RECORDS)
    target = tmp_path / "groups.json"
    assert main(["aggregate", "--input", str(source), "--output", str(target)]) == 0
    groups = json.loads(target.read_text(encoding="utf-8"))
    assert set(groups) == {"campaigns", "topics"}
    assert groups["campaigns"] == [{"representative": "1", "members": ["1", "2"]}]
    assert all(
        set(topic) == {"representative", "members", "keywords", "article"} for topic in groups["topics"]
    )
    assert [(t["members"], t["article"]) for t in groups["topics"]] == [
        (["3", "4"], "第三条"),
        (["1"], "第三条"),
        (["5"], None),
    ]
    items = [TextItem(r["id"], r["body"], r.get("article")) for r in RECORDS]  # type: ignore[arg-type]
    result = AggregationResult(
        [Campaign(**c) for c in groups["campaigns"]], [Topic(**t) for t in groups["topics"]]
    )
    assert_invariants(items, result)
    assert "5 comments: 1 campaigns" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('{"id": "1", "body": "甲"}\nnot json\n', "line 2: not valid JSON"),
        ('{"id": "1", "body": "甲"}\n\n[1, 2]\n', "line 3: expected a JSON object, got list"),
        ('{"body": "甲"}\n', 'line 1: missing "id"'),
        ('{"id": 7, "body": "甲"}\n', 'line 1: "id" must be a string, not int'),
        ('{"id": "1"}\n', 'line 1: missing "body"'),
        ('{"id": "1", "body": null}\n', 'line 1: "body" must be a string, not NoneType'),
        ('{"id": "1", "body": "甲", "article": 3}\n', 'line 1: "article" must be a string or null, not int'),
        (
            '{"id": "1", "body": "甲"}\n{"id": "1", "body": "乙"}\n',
            "line 2: duplicate id '1' (first on line 1)",
        ),
    ],
)
def test_bad_input_names_the_line_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: str, message: str
) -> None:
    source = tmp_path / "comments.jsonl"
    source.write_text(lines, encoding="utf-8")
    target = tmp_path / "groups.json"
    assert main(["aggregate", "--input", str(source), "--output", str(target)]) == 2
    assert message in capsys.readouterr().err
    assert not target.exists() and list(tmp_path.iterdir()) == [source]


def test_undecodable_bytes_and_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "comments.jsonl"
    source.write_bytes('{"id": "1", "body": "甲"}\n'.encode() + '{"id": "2", "body": "乙"}\n'.encode("gbk"))
    assert main(["aggregate", "--input", str(source), "--output", str(tmp_path / "out.json")]) == 2
    assert "line 2: not UTF-8 text" in capsys.readouterr().err
    assert (
        main(["aggregate", "--input", str(tmp_path / "missing.jsonl"), "--output", str(tmp_path / "o.json")])
        == 2
    )
    assert "cannot read" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "o.json").exists()


def test_the_command_line_program_with_workers(tmp_path: Path) -> None:
    source = _write_lines(tmp_path / "comments.jsonl", RECORDS)
    target = tmp_path / "groups.json"
    command = [sys.executable, "-m", "api.cli", "aggregate", "--input", str(source), "--output", str(target)]
    finished = subprocess.run(
        [*command, "--workers", "2"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["campaigns"][0]["members"] == ["1", "2"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "api.cli",
            "aggregate",
            "--input",
            str(bad),
            "--output",
            str(tmp_path / "x.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 2 and "line 1: not valid JSON" in finished.stderr
    assert not (tmp_path / "x.json").exists()
