"""The personal-data scan run on a statement's renderings before it may be published (rules H).

Text is extracted from each rendering the way a reader (or a crawler) would get it: the HTML's text, the
PDF's extracted text (pypdf), the DOCX's paragraphs and table cells, every string in the JSON, every CSV
cell. Findings list the format and a masked excerpt, never the raw value.

The unit's own contact details and publication URLs are published on purpose: phone numbers, emails and
addresses that appear verbatim in the JSON rendering's "trusted_texts" (or the `trusted` argument) are not
findings. Names are always findings. The single-comment guess "a bare name on a letter's last line" is
left out here, since a rendered document is many texts joined together.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser
from typing import Any

import docx
from pypdf import PdfReader

from consultations.statement.masking import Finding, find_personal_data

_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 td th tr li dt dd caption title div section article table br".split()
)


def scan_renderings(
    renderings: Mapping[str, bytes], *, trusted: Iterable[str] | None = None
) -> list[Finding]:
    """Scan every rendering for personal data; publishing needs an empty list.

    Nothing is skipped: every string of every rendering is scanned. The open-data tables (the JSON's
    annex rows, per-comment rows and figures, and the CSV's cells) are scanned cell by cell, each
    distinct cell once however often it recurs (a million comment rows hold a few dozen distinct
    strings: article labels and enum values; the CSV repeats the JSON annex cell for cell). That is as
    strict as scanning them joined: a cell is one value, and no pattern can span two cells (the joined
    text separates them with " | " or a line break, which every number, email and name pattern stops
    at; only the signature-line rule reads neighbouring lines, and a neighbouring table cell is not a
    letter's salutation or date line). Numbers that are JSON numbers (ids, counts) were never text.
    The narrative (sections, preamble, metadata) and the HTML, PDF and DOCX are scanned as whole texts.
    """
    trusted_texts = tuple(trusted) if trusted is not None else _trusted_from_json(renderings.get("json"))
    by_format: dict[str, list[Finding]] = {fmt: [] for fmt in renderings}
    cells: dict[str, set[str]] = {}  # distinct table cell → the formats it appears in
    for fmt in sorted(renderings):
        data = renderings[fmt]
        if fmt == "json":
            text, json_cells = _json_parts(data)
            for cell in json_cells:
                cells.setdefault(cell, set()).add(fmt)
        elif fmt == "csv":
            text = ""
            for cell in _csv_cells(data):
                cells.setdefault(cell, set()).add(fmt)
        elif fmt in _EXTRACTORS:
            text = _EXTRACTORS[fmt](data)
        else:
            continue
        for finding in find_personal_data(text, trusted=trusted_texts, heuristics=False):
            by_format[fmt].append(Finding(finding.kind, finding.excerpt, finding.start, source=fmt))
    for cell, formats in cells.items():
        for finding in find_personal_data(cell, trusted=trusted_texts, heuristics=False):
            for fmt in formats:  # start: the offset inside the cell
                by_format[fmt].append(Finding(finding.kind, finding.excerpt, finding.start, source=fmt))
    return [finding for fmt in sorted(by_format) for finding in by_format[fmt]]


def extract_text(fmt: str, data: bytes) -> str:
    """The plain text of one rendering, as the scan sees it."""
    return _EXTRACTORS[fmt](data)


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.parts.append(data)


def _html_text(data: bytes) -> str:
    parser = _HTMLText()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return "".join(parser.parts)


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _json_text(data: bytes) -> str:
    return "\n".join(_strings(json.loads(data)))


def _json_parts(data: bytes) -> tuple[str, set[str]]:
    """The JSON rendering as (its narrative joined as text, the distinct strings of its tables)."""
    value = json.loads(data)
    cells: set[str] = set()
    if isinstance(value, dict):
        value = dict(value)
        comments = value.pop("comments", None)
        if isinstance(comments, dict) and isinstance(comments.get("rows"), list):
            comments = dict(comments)
            for row in comments.pop("rows"):
                if isinstance(row, list):
                    cells.update(item for item in row if isinstance(item, str))
                    cells.update(_strings([item for item in row if isinstance(item, (list, dict))]))
                else:
                    cells.update(_strings(row))
        cells.update(_strings(comments))
        cells.update(_strings(value.pop("figures", None)))
        annex = value.get("annex")
        if isinstance(annex, dict) and "rows" in annex:
            annex = dict(annex)
            cells.update(_strings(annex.pop("rows")))
            value["annex"] = annex
    return "\n".join(_strings(value)), cells


def _csv_cells(data: bytes) -> Iterator[str]:
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
        yield from row


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _csv_text(data: bytes) -> str:
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    return "\n".join(" | ".join(row) for row in rows)


def _trusted_from_json(data: bytes | None) -> tuple[str, ...]:
    if not data:
        return ()
    texts = json.loads(data).get("trusted_texts", [])
    return tuple(text for text in texts if isinstance(text, str))


_EXTRACTORS = {
    "html": _html_text,
    "pdf": _pdf_text,
    "docx": _docx_text,
    "json": _json_text,
    "csv": _csv_text,
}
