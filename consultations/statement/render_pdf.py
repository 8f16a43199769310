"""The statement as a PDF (A4) with a CJK font embedded (subset), via fpdf2.

Font: CANYU_STATEMENT_FONT_PATH, else the first of FALLBACK_FONTS that exists. Only fonts with TrueType
outlines are used: fpdf2 embeds them with a clean ToUnicode map, so the text can be extracted exactly (the
personal-data scan and search engines read it). Fonts with CFF outlines (Noto Sans CJK) are refused: in
their PDFs pypdf extracts wrong characters (seen: 关 inserted and substituted throughout long
statements), so the scan could neither trust its findings nor its silence.

The output is reproducible: creation date from document.generated_at, fixed producer, fpdf2's file id
derived from the content.
"""

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from api.settings import get_settings
from consultations.statement.document import Block, Heading, Paragraph, StatementDocument, Table


class StatementFontMissing(RuntimeError):
    """No CJK font to embed in the statement PDF."""


# (path, face index inside a .ttc): Debian/Ubuntu paths first, then Fedora/Arch layouts.
FALLBACK_FONTS: tuple[tuple[Path, int], ...] = (
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"), 0),
)
FONT = "cjk"
BODY_SIZE = 11
LINE_HEIGHT = 6.5
INDENT = "\u3000\u3000"  # two full-width spaces: the first-line indent of Chinese official documents
PAGE_MARGIN = 20


def resolve_font(configured: Path | None = None) -> tuple[Path, int]:
    """Find the CJK font to embed: the configured file, else the first well-known system font."""
    if configured is None:
        configured = get_settings().statement_font_path
    if configured is not None:
        if not configured.is_file():
            raise StatementFontMissing(f"CANYU_STATEMENT_FONT_PATH points to a missing file: {configured}")
        face = _simplified_chinese_face(configured)
        if not _has_truetype_outlines(configured, face):
            raise StatementFontMissing(
                f"CANYU_STATEMENT_FONT_PATH {configured} has CFF (PostScript) outlines; text extracted from "
                "such PDFs is unreliable, so the personal-data scan could not check them. Use a TrueType "
                "CJK font such as WenQuanYi Micro Hei (fonts-wqy-microhei)"
            )
        return configured, face
    for path, face in FALLBACK_FONTS:
        if path.is_file():
            return path, face
    raise StatementFontMissing(
        "no TrueType CJK font found for the statement PDF: install fonts-wqy-microhei, "
        "or set CANYU_STATEMENT_FONT_PATH to a TrueType .ttf/.ttc file"
    )


@lru_cache(maxsize=8)
def _simplified_chinese_face(path: Path) -> int:
    """The face of a font collection meant for Simplified Chinese (Noto's 'SC'), else the first one."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    from fontTools.ttLib import TTCollection  # fpdf2 depends on fontTools

    collection = TTCollection(str(path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            family = font["name"].getDebugName(1) or ""
            if family.endswith(" SC") or "Micro Hei" in family:
                return index
        return 0
    finally:
        collection.close()


@lru_cache(maxsize=8)
def _has_truetype_outlines(path: Path, face: int) -> bool:
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), fontNumber=face, lazy=True)
    try:
        return "glyf" in font
    finally:
        font.close()


class _StatementPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FONT, size=9)
        self.cell(0, 8, f"第 {self.page_no()} 页 共 {{nb}} 页", align=Align.C)


def render_pdf(document: StatementDocument, *, font_path: Path | None = None) -> bytes:
    """Render the statement as a PDF with the CJK font embedded."""
    path, face = resolve_font(font_path)
    pdf = _StatementPDF(format="A4")
    pdf.set_margins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    pdf.set_auto_page_break(True, margin=PAGE_MARGIN)
    pdf.add_font(FONT, "", str(path), collection_font_number=face)
    pdf.set_creation_date(_aware(document.generated_at))
    pdf.set_title(document.title)
    pdf.set_author(document.issuing_body)
    pdf.set_creator("canyu")
    pdf.set_lang("zh-CN")
    pdf.alias_nb_pages()
    pdf.add_page()

    pdf.set_font(FONT, size=16)
    _text(pdf, document.title, LINE_HEIGHT * 1.5, align=Align.C)
    pdf.ln(4)
    for paragraph in document.preamble:
        _paragraph(pdf, paragraph)
    for section in document.sections:
        pdf.ln(2)
        pdf.set_font(FONT, size=13)
        _text(pdf, section.title, LINE_HEIGHT * 1.3)
        for block in section.blocks:
            _block(pdf, block)
    pdf.add_page()
    _table(pdf, document.annex, col_widths=(8, 22, 50, 22, 18, 50))
    pdf.ln(4)
    pdf.set_font(FONT, size=BODY_SIZE - 1)
    for label, value in document.metadata:
        _text(pdf, f"{label}：{value}", LINE_HEIGHT)
    return bytes(pdf.output())


def _block(pdf: FPDF, block: Block) -> None:
    if isinstance(block, Heading):
        pdf.set_font(FONT, size=12 if block.level <= 2 else BODY_SIZE)
        _text(pdf, block.text, LINE_HEIGHT * 1.2)
    elif isinstance(block, Paragraph):
        _paragraph(pdf, block)
    else:
        _table(pdf, block)


def _paragraph(pdf: FPDF, paragraph: Paragraph) -> None:
    pdf.set_font(FONT, size=BODY_SIZE if paragraph.style != "quote" else BODY_SIZE - 0.5)
    if paragraph.style == "quote":
        pdf.set_fill_color(242, 242, 242)
        _text(pdf, paragraph.text, LINE_HEIGHT, fill=True)
    elif paragraph.style == "note":
        _text(pdf, paragraph.text, LINE_HEIGHT, border=1)
    else:
        _text(pdf, INDENT + paragraph.text, LINE_HEIGHT)


def _table(pdf: FPDF, table: Table, col_widths: tuple[float, ...] | None = None) -> None:
    if table.caption:
        pdf.set_font(FONT, size=BODY_SIZE)
        _text(pdf, table.caption, LINE_HEIGHT)
    pdf.set_font(FONT, size=BODY_SIZE - 1.5)
    headings = FontFace(emphasis=None, fill_color=(230, 230, 230))  # no bold face for the CJK font
    with pdf.table(
        col_widths=col_widths,
        text_align=Align.L,
        line_height=LINE_HEIGHT - 1,
        headings_style=headings,
        wrapmode=WrapMode.CHAR,
        padding=1,
    ) as rendered:
        for row in (table.columns, *table.rows):
            cells = rendered.row()
            for value in row:
                cells.cell(value)
    pdf.ln(2)


def _text(pdf: FPDF, text: str, height: float, *, align: Align = Align.L, **options: object) -> None:
    # Chinese has no spaces between words: wrap anywhere between characters.
    pdf.multi_cell(
        0,
        height,
        text,
        align=align,
        wrapmode=WrapMode.CHAR,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
        **options,  # type: ignore[arg-type]
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
