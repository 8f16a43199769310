"""The statement as open data: JSON (the whole document, its figures and an anonymised per-comment table)
and CSV (the annex table with every topic group, UTF-8 with a byte-order mark so Excel opens it as UTF-8).

The per-comment table has no author, no text and no receipt code: comment id, article, topic group,
campaign, channel, submitter type, disposition and lateness, enough for anyone to recount every figure.
"""

import csv
import io
import json
from typing import Any

from consultations.statement.document import (
    COMMENT_TABLE_COLUMNS,
    Block,
    Heading,
    Paragraph,
    StatementDocument,
    Table,
)
from consultations.statement.labels import CHANNEL_LABELS, SUBMITTER_TYPE_LABELS

JSON_FORMAT = "canyu.statement/1"
UTF8_BOM = "\ufeff"


def statement_json_data(document: StatementDocument) -> dict[str, Any]:
    """The JSON rendering as Python data."""
    return {
        "format": JSON_FORMAT,
        "consultation_id": document.consultation_id,
        "version": document.version,
        "corrects_version": document.corrects_version,
        "title": document.title,
        "issuing_body": document.issuing_body,
        "issued_on": document.issued_on.isoformat(),
        "generated_at": document.generated_at.isoformat(),
        "preamble": [_block(paragraph) for paragraph in document.preamble],
        "sections": [
            {"title": section.title, "blocks": [_block(block) for block in section.blocks]}
            for section in document.sections
        ],
        # Every group, also when the human-readable annex lists only the most shared (document.py).
        "annex": _block(document.data_annex),
        "metadata": [{"label": label, "value": value} for label, value in document.metadata],
        "figures": document.figures_json(),
        "labels": {
            "channel": {str(key): label for key, label in CHANNEL_LABELS.items()},
            "submitter_type": {str(key): label for key, label in SUBMITTER_TYPE_LABELS.items()},
            "disposition": {count.key: count.label for count in document.figures.by_outcome},
        },
        "comments": {
            "columns": list(COMMENT_TABLE_COLUMNS),
            "rows": [list(row.values()) for row in document.comment_rows],
        },
        # The unit's own contact details and URLs, which the personal-data scan accepts (scan.py).
        "trusted_texts": list(document.trusted_texts),
    }


def render_json(document: StatementDocument) -> bytes:
    """Render the statement as compact UTF-8 JSON (stable key order, so equal input gives equal bytes)."""
    text = json.dumps(statement_json_data(document), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def render_csv(document: StatementDocument) -> bytes:
    """Render the annex table (one row per opinion group) as CSV for spreadsheets."""
    buffer = io.StringIO()
    buffer.write(UTF8_BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(document.data_annex.columns)
    writer.writerows(document.data_annex.rows)
    return buffer.getvalue().encode("utf-8")


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"type": "heading", "level": block.level, "text": block.text}
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "style": block.style, "text": block.text}
    assert isinstance(block, Table)
    return {
        "type": "table",
        "caption": block.caption,
        "columns": list(block.columns),
        "rows": [list(row) for row in block.rows],
    }
