"""The five renderings: content, escaping, parse-back, personal-data scan and reproducibility."""

import csv
import hashlib
import io
import json
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from consultations.statement import document as document_module
from consultations.statement import render_pdf
from consultations.statement.document import build_statement
from consultations.statement.render import FORMATS, content_sha256, render_all
from consultations.statement.scan import extract_text, scan_renderings

from .sample_facts import PLANTED, STATEMENT_TITLE, sample_facts


@pytest.fixture(scope="module")
def renderings() -> dict[str, bytes]:
    return render_all(build_statement(sample_facts()))


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_all_formats_are_rendered(renderings: dict[str, bytes]) -> None:
    assert set(renderings) == {"html", "pdf", "docx", "json", "csv"} == set(FORMATS)
    assert all(renderings.values())


def test_pdf_embeds_the_chinese_title(renderings: dict[str, bytes]) -> None:
    reader = PdfReader(io.BytesIO(renderings["pdf"]))
    assert STATEMENT_TITLE in squeeze(reader.pages[0].extract_text())
    fonts = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]
    descriptor = next(iter(fonts.values())).get_object()["/DescendantFonts"][0].get_object()
    assert "/FontFile2" in descriptor["/FontDescriptor"] or "/FontFile3" in descriptor["/FontDescriptor"]
    assert reader.metadata is not None and reader.metadata.title == STATEMENT_TITLE


def test_docx_contains_the_title_with_an_east_asian_font(renderings: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(renderings["docx"]))
    assert document.paragraphs[0].text == STATEMENT_TITLE
    assert "五、听证会、座谈会及列席会议意见处理情况" in [p.text for p in document.paragraphs]
    normal_fonts = document.styles["Normal"].element.rPr.rFonts
    assert normal_fonts.get(qn("w:eastAsia")) == "宋体"
    assert len(document.tables[-1].rows) == 1 + 4  # the annex: header + one row per group


def test_html_is_a_standalone_escaped_page(renderings: dict[str, bytes]) -> None:
    html = renderings["html"].decode("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert f"<h1>{STATEMENT_TITLE}</h1>" in html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<style>" in html and "http" not in html.split("<style>")[1].split("</style>")[0]


def test_csv_parses_back_to_the_annex(renderings: dict[str, bytes]) -> None:
    assert renderings["csv"].startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(renderings["csv"].decode("utf-8-sig"))))
    annex = build_statement(sample_facts()).annex
    assert tuple(rows[0]) == annex.columns
    assert [tuple(row) for row in rows[1:]] == list(annex.rows)


def test_json_parses_back_and_its_comment_table_recounts_the_figures(renderings: dict[str, bytes]) -> None:
    data = json.loads(renderings["json"])
    figures = data["figures"]
    assert (data["title"], data["version"], figures["comments"], figures["participants"]) == (
        STATEMENT_TITLE,
        1,
        11,
        9,
    )
    columns = data["comments"]["columns"]
    rows = [dict(zip(columns, row, strict=True)) for row in data["comments"]["rows"]]
    assert "author" not in " ".join(columns)
    assert len(rows) == figures["comments"]
    by_disposition = Counter(row["disposition"] for row in rows)
    assert {c["key"]: c["comments"] for c in figures["by_outcome"]} == dict(by_disposition)
    by_channel = Counter(row["channel"] for row in rows)
    assert {c["key"]: c["comments"] for c in figures["by_channel"] if c["comments"]} == dict(by_channel)
    assert sum(row["is_late"] for row in rows) == figures["late_comments"]
    assert data["sections"][0]["title"] == "一、基本情况"


def test_planted_personal_data_never_reaches_a_rendering(renderings: dict[str, bytes]) -> None:
    assert scan_renderings(renderings) == []
    for fmt in FORMATS:
        text = extract_text(fmt, renderings[fmt])
        squeezed = squeeze(text)
        for kind, value in PLANTED.items():
            assert value not in text and value not in squeezed, f"{kind} leaked into {fmt}"


def test_the_scan_finds_what_masking_would_have_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_module, "mask_personal_data", lambda text, **_: text)
    unmasked = render_all(build_statement(sample_facts()))
    findings = scan_renderings(unmasked)
    for fmt in FORMATS:
        kinds = {finding.kind for finding in findings if finding.source == fmt}
        # the CSV annex carries summaries and reasons, not the quoted comments
        expected = {"mobile", "id_card", "email", "name"} if fmt != "csv" else {"name"}
        assert expected <= kinds, fmt
    for finding in findings:  # findings never repeat the raw value
        assert PLANTED["mobile"] not in finding.excerpt and PLANTED["id_card"] not in finding.excerpt


def test_same_facts_give_the_same_bytes_and_hash(renderings: dict[str, bytes]) -> None:
    again = render_all(build_statement(sample_facts()))
    assert {fmt: again[fmt] == renderings[fmt] for fmt in FORMATS} == dict.fromkeys(FORMATS, True)
    assert content_sha256(again) == content_sha256(renderings)
    changed = render_all(build_statement(sample_facts(version=2, corrects_version=1)))
    assert content_sha256(changed) != content_sha256(renderings)


def test_content_hash_is_the_documented_manifest(renderings: dict[str, bytes]) -> None:
    manifest = "".join(f"{fmt} {hashlib.sha256(renderings[fmt]).hexdigest()}\n" for fmt in sorted(FORMATS))
    assert content_sha256(renderings) == hashlib.sha256(manifest.encode()).hexdigest()


def test_a_missing_font_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(render_pdf.StatementFontMissing, match="CANYU_STATEMENT_FONT_PATH"):
        render_pdf.resolve_font(tmp_path / "missing.ttc")
    monkeypatch.setattr(render_pdf, "FALLBACK_FONTS", ((tmp_path / "none.ttc", 0),))
    monkeypatch.delenv("CANYU_STATEMENT_FONT_PATH", raising=False)
    render_pdf.get_settings.cache_clear()
    try:
        with pytest.raises(render_pdf.StatementFontMissing, match="fonts-wqy-microhei"):
            render_pdf.resolve_font()
    finally:
        render_pdf.get_settings.cache_clear()


def test_a_configured_font_with_cff_outlines_is_refused(tmp_path: Path) -> None:
    """Noto Sans CJK (CFF outlines): pypdf extracts wrong characters from its PDFs, so the scan could not
    be trusted. A minimal font with CFF outlines is built here with fontTools."""
    from fontTools.fontBuilder import FontBuilder

    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef"])
    builder.setupCharacterMap({})
    builder.setupCFF("TestCFF", {}, {".notdef": _empty_charstring()}, {})
    builder.setupHorizontalMetrics({".notdef": (500, 0)})
    builder.setupHorizontalHeader()
    builder.setupNameTable({"familyName": "TestCFF", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    font_file = tmp_path / "cff.otf"
    builder.save(str(font_file))
    with pytest.raises(render_pdf.StatementFontMissing, match="CFF"):
        render_pdf.resolve_font(font_file)


def _empty_charstring() -> object:
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    pen = T2CharStringPen(500, None)
    return pen.getCharString()
