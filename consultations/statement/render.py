"""All renderings of a statement, and the SHA-256 that identifies a published version's content."""

import hashlib
from collections.abc import Callable, Mapping

from consultations.statement.document import StatementDocument
from consultations.statement.render_docx import render_docx
from consultations.statement.render_html import render_html
from consultations.statement.render_opendata import render_csv, render_json
from consultations.statement.render_pdf import render_pdf

RENDERERS: dict[str, Callable[[StatementDocument], bytes]] = {
    "html": render_html,
    "pdf": render_pdf,
    "docx": render_docx,
    "json": render_json,
    "csv": render_csv,
}
FORMATS = tuple(RENDERERS)


def render_all(document: StatementDocument) -> dict[str, bytes]:
    """Render the statement in every format: html, pdf, docx, json, csv."""
    return {fmt: render(document) for fmt, render in RENDERERS.items()}


def content_sha256(renderings: Mapping[str, bytes]) -> str:
    """The SHA-256 of a statement version's content, covering every rendering byte for byte.

    Computed over a manifest, one line per format in sorted order: "<format> <sha256 of its bytes>\\n".
    Anyone holding the published files can recompute it:
        for f in csv docx html json pdf; do
          echo "$f $(sha256sum < statement.$f | cut -d' ' -f1)"; done | sha256sum
    Every renderer is deterministic for the same facts (no clock, no random ids), so regenerating the same
    facts with the same library versions yields the same hash.
    """
    manifest = "".join(f"{fmt} {hashlib.sha256(renderings[fmt]).hexdigest()}\n" for fmt in sorted(renderings))
    return hashlib.sha256(manifest.encode("ascii")).hexdigest()
