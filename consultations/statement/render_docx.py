"""The statement as a Word document (python-docx), editable by the unit before it is archived.

Chinese text needs the East-Asian font slot (w:rFonts/@w:eastAsia) set: Word ignores the Latin font name
for CJK characters. The file is reproducible: core properties and zip entry times come from
document.generated_at (python-docx itself stamps "now" on both).
"""

import io
import zipfile
from datetime import UTC, datetime

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle

from consultations.statement.document import Block, Heading, Paragraph, StatementDocument, Table

BODY_FONT = "宋体"  # present on every Windows/WPS install; falls back gracefully elsewhere
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"


def render_docx(document: StatementDocument) -> bytes:
    """Render the statement as a .docx file."""
    docx = new_docx()
    _set_styles(docx)
    properties = docx.core_properties
    moment = _naive_utc(document.generated_at)
    properties.title = document.title
    properties.author = document.issuing_body
    properties.last_modified_by = document.issuing_body
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = document.version
    properties.language = "zh-CN"

    title = docx.add_paragraph(document.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in document.preamble:
        _paragraph(docx, paragraph)
    for section in document.sections:
        docx.add_heading(section.title, level=1)
        for block in section.blocks:
            _block(docx, block)
    docx.add_page_break()
    _table(docx, document.annex)
    docx.add_paragraph()
    for label, value in document.metadata:
        docx.add_paragraph(f"{label}：{value}")

    buffer = io.BytesIO()
    docx.save(buffer)
    return _with_fixed_zip_times(buffer.getvalue(), moment)


def _set_styles(docx: DocxDocument) -> None:
    normal = docx.styles["Normal"]
    _set_font(normal, BODY_FONT, size=12)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        _set_font(docx.styles[name], HEADING_FONT, color=RGBColor(0, 0, 0))
    _set_font(docx.styles["Title"], HEADING_FONT, size=18)
    _set_font(docx.styles["Heading 1"], HEADING_FONT, size=15)
    _set_font(docx.styles["Heading 2"], HEADING_FONT, size=13)
    _set_font(docx.styles["Heading 3"], HEADING_FONT, size=12)


def _set_font(
    style: BaseStyle, east_asian: str, *, size: float | None = None, color: RGBColor | None = None
) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if color is not None:
        font.color.rgb = color
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    # Theme fonts would override the explicit East-Asian name in some Word versions.
    for theme_attribute in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme"):
        fonts.attrib.pop(qn(theme_attribute), None)


def _block(docx: DocxDocument, block: Block) -> None:
    if isinstance(block, Heading):
        docx.add_heading(block.text, level=block.level)
    elif isinstance(block, Paragraph):
        _paragraph(docx, block)
    else:
        _table(docx, block)


def _paragraph(docx: DocxDocument, paragraph: Paragraph) -> None:
    added = docx.add_paragraph(paragraph.text)
    if paragraph.style == "quote":
        added.paragraph_format.left_indent = Pt(24)
        for run in added.runs:
            run.font.size = Pt(11)
            run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    elif paragraph.style == "note":
        for run in added.runs:
            run.font.bold = True
    else:
        added.paragraph_format.first_line_indent = Pt(24)  # two characters of 12 pt


def _table(docx: DocxDocument, table: Table) -> None:
    if table.caption:
        docx.add_paragraph(table.caption, style="Caption")
    # Build rows through the XML-light API: add_table with all rows at once is much faster than add_row.
    rendered = docx.add_table(rows=len(table.rows) + 1, cols=len(table.columns))
    rendered.style = "Table Grid"
    for row, values in zip(rendered.rows, (table.columns, *table.rows), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def _with_fixed_zip_times(data: bytes, moment: datetime) -> bytes:
    """Rewrite the .docx zip with every entry stamped at moment, in the original order."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


def _naive_utc(moment: datetime) -> datetime:
    # python-docx writes core-property dates as UTC "Z" times from naive datetimes.
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
