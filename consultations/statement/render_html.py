"""The statement as one standalone HTML page (no external assets), every text escaped."""

from html import escape

from consultations.statement.document import Block, Heading, Paragraph, StatementDocument, Table

# Small, print-friendly, and readable on a phone: the public reads statements on both.
STYLE = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.8;color:#222}
h1{font-size:1.5rem;text-align:center;line-height:1.5}
h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem}
p{text-indent:2em;margin:.4rem 0}p.quote{background:#f5f5f5;border-left:4px solid #bbb;padding:.4rem .8rem}
p.revision{font-family:"FangSong","STFangsong",serif}p.note{border:1px solid #c00;padding:.5rem;text-indent:0}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.95rem}
th,td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#eee}
caption{font-weight:bold;text-align:left;padding:.3rem 0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;border-top:1px solid #999;
padding-top:1rem}dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
@media print{body{margin:0;max-width:none}}
""".strip()


def render_html(document: StatementDocument) -> bytes:
    """Render the statement as a complete UTF-8 HTML page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<article>",
        f"<h1>{escape(document.title)}</h1>",
    ]
    parts.extend(_paragraph(paragraph) for paragraph in document.preamble)
    for section in document.sections:
        parts.append(f"<section><h2>{escape(section.title)}</h2>")
        parts.extend(_block(block) for block in section.blocks)
        parts.append("</section>")
    parts.append('<section class="annex">')
    parts.append(_table(document.annex))
    parts.append("</section>")
    parts.append('<dl class="meta">')
    for label, value in document.metadata:
        parts.append(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
    parts.extend(["</dl>", "</article>", "</body>", "</html>", ""])
    return "\n".join(parts).encode("utf-8")


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level + 1}>{escape(block.text)}</h{block.level + 1}>"
    if isinstance(block, Paragraph):
        return _paragraph(block)
    return _table(block)


def _paragraph(paragraph: Paragraph) -> str:
    css_class = "" if paragraph.style == "body" else f' class="{escape(paragraph.style)}"'
    return f"<p{css_class}>{escape(paragraph.text)}</p>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(column)}</th>" for column in table.columns)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"
