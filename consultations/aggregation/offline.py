"""`canyu aggregate`: the aggregation engine on exported comments, for analysts, with no database.

Input: JSON Lines, one object per line with "id" (string), "body" (string) and optional "article"
(string or null) and "author" (string or null); blank lines are skipped.
Output: {"campaigns": [{"representative", "members"}], "topics": [{"representative", "members",
"keywords", "article"}]}, written to a temporary file and renamed, so a failed run leaves no output.
"""

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from consultations.aggregation.engine import AggregationOptions, aggregate
from consultations.aggregation.types import AggregationResult, TextItem


class InputError(ValueError):
    """A bad input line: its number and what is wrong with it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def _optional_string(record: dict[str, Any], field: str, line: int) -> str | None:
    value = record.get(field)
    if value is not None and not isinstance(value, str):
        raise InputError(line, f'"{field}" must be a string or null, not {type(value).__name__}')
    return value


def read_comments(path: Path) -> list[TextItem]:
    """Parse and check the input file; raise InputError naming the first bad line."""
    items: list[TextItem] = []
    line_of_id: dict[str, int] = {}
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(number, "not UTF-8 text") from None
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                raise InputError(number, f"not valid JSON ({error.msg} at column {error.colno})") from None
            if not isinstance(record, dict):
                raise InputError(number, f"expected a JSON object, got {type(record).__name__}")
            for field in ("id", "body"):
                if field not in record:
                    raise InputError(number, f'missing "{field}"')
                if not isinstance(record[field], str):
                    raise InputError(
                        number, f'"{field}" must be a string, not {type(record[field]).__name__}'
                    )
            comment_id = record["id"]
            if comment_id in line_of_id:
                raise InputError(
                    number, f"duplicate id {comment_id!r} (first on line {line_of_id[comment_id]})"
                )
            line_of_id[comment_id] = number
            article = _optional_string(record, "article", number)
            author = _optional_string(record, "author", number)
            items.append(TextItem(id=comment_id, body=record["body"], article=article, author=author))
    return items


def result_as_json(result: AggregationResult) -> dict[str, Any]:
    return {
        "campaigns": [
            {"representative": campaign.representative, "members": campaign.members}
            for campaign in result.campaigns
        ],
        "topics": [
            {
                "representative": topic.representative,
                "members": topic.members,
                "keywords": topic.keywords,
                "article": topic.article,
            }
            for topic in result.topics
        ],
    }


def _write_atomically(path: Path, document: dict[str, Any]) -> None:
    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as output:
            json.dump(document, output, ensure_ascii=False, indent=2)
            output.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(input_path: Path, output_path: Path, *, workers: int, options: AggregationOptions) -> int:
    """Aggregate a JSON Lines export into a groups file; 2 on bad input (nothing written)."""
    try:
        items = read_comments(input_path)
    except OSError as error:
        print(f"error: cannot read {input_path}: {error.strerror}", file=sys.stderr)
        return 2
    except InputError as error:
        print(f"error: {input_path}: {error}", file=sys.stderr)
        return 2
    result = aggregate(items, workers=workers, options=options)
    try:
        _write_atomically(output_path, result_as_json(result))
    except OSError as error:
        print(f"error: cannot write {output_path}: {error.strerror}", file=sys.stderr)
        return 2
    copies = sum(len(campaign.members) for campaign in result.campaigns)
    print(
        f"{len(items)} comments: {len(result.campaigns)} campaigns ({copies} comments), "
        f"{len(result.topics)} topics -> {output_path}",
        file=sys.stderr,
    )
    return 0
