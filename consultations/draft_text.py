"""Split a draft decision text (pasted or from a .docx) into articles that citizens comment on one by one.

Pure functions: no database, no web framework.
"""

import io
import re
from dataclasses import dataclass

import docx
from docx.table import Table

from api.errors import InvalidInput

_EMPTY_MESSAGE = "草案内容为空，请粘贴草案全文或上传 .docx 文件"
_DOCX_MESSAGE = "无法读取 .docx 文件，请确认文件为 Word 2007 及以上格式（.docx）"


@dataclass(frozen=True)
class ParsedArticle:
    label: str  # the number as written: "第三条", "一、", "（二）", "1.", or "第1段" for plain paragraphs
    heading: str  # enclosing chapter/section headings joined with " / ", "" when none
    body: str  # article text without the label, paragraphs joined with "\n", stripped


@dataclass(frozen=True)
class ParsedDraft:
    preamble: str  # text before the first article (title, 起草说明…), stripped, may be ""
    articles: list[ParsedArticle]
    structure: str  # "article", "outline" or "paragraph"


_CN = "[零〇一二三四五六七八九十百千两]+"
_NUM = "[零〇一二三四五六七八九十百千两0-9０-９]+"

# Every pattern is matched at the start of a stripped line: group 1 is the label, group 2 the rest.
_RE = {
    "chapter": re.compile(rf"(第{_NUM}章)\s*(.*)"),
    "section": re.compile(rf"(第{_NUM}节)\s*(.*)"),
    "article": re.compile(rf"(第{_NUM}条)\s*(.*)"),
    "outline_1": re.compile(rf"({_CN}、)\s*(.*)"),  # 一、
    "outline_2": re.compile(rf"([（(]{_CN}[）)])\s*(.*)"),  # （一） or (一)
    "outline_3": re.compile(r"([0-9０-９]+[.、．])(?![0-9０-９])\s*(.*)"),  # 1. 1、 1． (not 1.5)
}

# Article levels in order of preference: the first one present in the text wins.
_LEVELS = (
    ("article", "article"),
    ("outline", "outline_1"),
    ("outline", "outline_2"),
    ("outline", "outline_3"),
)


def split_draft(text: str) -> ParsedDraft:
    """Split a draft into preamble and articles (第X条, outline items, or plain paragraphs)."""
    lines = _clean_lines(text)
    if not lines:
        raise InvalidInput(_EMPTY_MESSAGE, code="DRAFT_EMPTY")
    for structure, level in _LEVELS:
        pattern = _RE[level]
        if any(pattern.match(line) for line in lines):
            return _split_labelled(lines, pattern, structure)
    return _split_paragraphs(lines)


def docx_to_text(data: bytes) -> str:
    """Return the paragraph texts of a .docx (body paragraphs and table cells, in order) joined with "\\n"."""
    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(_block_texts(document))
    except Exception as exc:  # zipfile, lxml and python-docx raise many unrelated types on bad input
        raise InvalidInput(_DOCX_MESSAGE, code="DRAFT_DOCX_INVALID") from exc
    if not text.strip():
        raise InvalidInput(_EMPTY_MESSAGE, code="DRAFT_EMPTY")
    return text


def _clean_lines(text: str) -> list[str]:
    """Normalise line endings, strip each line (including full-width spaces) and drop blank lines."""
    stripped = (line.strip() for line in text.replace("\ufeff", "").splitlines())
    return [line for line in stripped if line]


def _heading(match: re.Match[str]) -> str:
    """Heading with a single space: "第二章　规划管理" -> "第二章 规划管理"."""
    return f"{match[1]} {match[2]}".strip()


def _split_labelled(lines: list[str], item: re.Pattern[str], structure: str) -> ParsedDraft:
    """Cut at lines matching `item`; 第X章/第X节 lines become headings, other lines join the open article."""
    preamble: list[str] = []
    items: list[tuple[str, str, list[str]]] = []
    chapter = section = ""
    last_number = 0
    for line in lines:
        if match := _RE["chapter"].match(line):
            chapter, section = _heading(match), ""
        elif match := _RE["section"].match(line):
            section = _heading(match)
        elif (match := item.match(line)) and not _refers_back(match[1], structure, last_number):
            heading = " / ".join(part for part in (chapter, section) if part)
            items.append((match[1], heading, [match[2]]))
            last_number = _article_number(match[1]) or last_number
        elif items:
            items[-1][2].append(line)
        else:
            preamble.append(line)
    articles = [ParsedArticle(label, heading, "\n".join(body).strip()) for label, heading, body in items]
    return ParsedDraft("\n".join(preamble), articles, structure)


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _article_number(label: str) -> int | None:
    """The number in "第十二条" / "第12条" (12), or None if it does not read as one."""
    text = label[1:-1].translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    total = digit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total, digit = total + (digit or 1) * _CN_UNITS[char], 0
        else:
            return None
    return total + digit


def _refers_back(label: str, structure: str, last_number: int) -> bool:
    """A line starting with an earlier article's number ("第三条规定的…" inside 第七条) is a wrapped
    cross-reference, not a new article: articles are numbered upwards."""
    number = _article_number(label) if structure == "article" else None
    return number is not None and number <= last_number


def _split_paragraphs(lines: list[str]) -> ParsedDraft:
    """First line is the title (preamble), every further line is an article 第N段."""
    preamble, rest = ("", lines) if len(lines) == 1 else (lines[0], lines[1:])
    articles = [ParsedArticle(f"第{number}段", "", line) for number, line in enumerate(rest, start=1)]
    return ParsedDraft(preamble, articles, "paragraph")


def _block_texts(document) -> list[str]:
    """Paragraph texts of the document body in order, descending into tables (merged cells once)."""
    texts: list[str] = []

    def walk(container) -> None:
        for block in container.iter_inner_content():
            if isinstance(block, Table):
                seen: list = []  # a merged cell is returned once per grid position it spans
                for cell in (cell for row in block.rows for cell in row.cells):
                    if not any(cell._tc is tc for tc in seen):
                        seen.append(cell._tc)
                        walk(cell)
            else:
                texts.append(block.text)

    walk(document)
    return texts
