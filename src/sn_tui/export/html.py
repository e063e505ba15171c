"""One self-contained, print-ready HTML file from an outline.

Everything is inline (no fonts, scripts or images to fetch). Changes are marked so they read on
paper in black and white too: insertions underlined, deletions struck through, moves double
underlined with a ⇄ note that links to the other end. All text is escaped; the kommune's Markdown
is rendered with raw HTML disabled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from markdown_it import MarkdownIt

from sn_tui.domain.diff.types import Op
from sn_tui.export.marked import Piece, mark_lines
from sn_tui.export.outline import (
    Block,
    DiffTable,
    Facts,
    FieldTable,
    Heading,
    Legend,
    Markdown,
    Outline,
    Paragraph,
    Title,
)
from sn_tui.export.spans import flatten, lines
from sn_tui.i18n import t

# `breaks`: a line break the kommune wrote (a signature block) stays a line break.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "breaks": True})
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
_SAFE_LINK = re.compile(r"(?:https?:|mailto:|#)", re.IGNORECASE)

CSS = """
:root { --ins: #0b6b2e; --ins-bg: #e3f4e8; --del: #a3120d; --del-bg: #fbe6e4;
        --move: #1a4f9c; --move-bg: #e6eefb; --line: #999; }
html { font-family: "Segoe UI", Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #111; background: #fff; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #333; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
h4 { font-size: 1.02rem; margin: 1.2rem 0 .4rem; }
.undertitel { margin: 0 0 1rem; color: #333; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top;
         text-align: left; }
th[scope=row] { width: 28%; background: #f2f2f2; font-weight: 600; }
thead th { background: #e4e4e4; }
td p, td ul, td ol { margin: 0 0 .5rem; }
td > :last-child { margin-bottom: 0; }
ins { text-decoration: underline; text-decoration-thickness: .1em; color: var(--ins);
      background: var(--ins-bg); }
del { text-decoration: line-through; text-decoration-thickness: .1em; color: var(--del);
      background: var(--del-bg); }
.flyttet { text-decoration-style: double; color: var(--move); background: var(--move-bg); }
ins.flyttet { text-decoration-line: underline; }
del.flyttet { text-decoration-line: line-through; }
.note { font-size: .85em; font-style: italic; color: var(--move); border: 1px solid var(--move);
        border-radius: 3px; padding: 0 .25em; margin-right: .3em; text-decoration: none;
        white-space: nowrap; }
.forklaring { border: 1px solid var(--line); padding: .4rem .6rem; }
.forklaring ins, .forklaring del { margin: 0 .4em; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  .ny-side { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, .forklaring { break-inside: avoid; }
  table.fakta { break-inside: avoid; }
}
"""


def render_html(outline: Outline) -> str:
    body = "".join(_block(block) for block in outline.blocks)
    return (
        '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(outline.title)}</title>\n<style>{CSS}{_page_css(outline)}</style>\n"
        "</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def _page_css(outline: Outline) -> str:
    """A4 pages with a running header (kommune and title) and footer ("Side X af Y" and the
    version), for printing and for the PDF renderer; screens ignore it."""
    header = " · ".join(part for part in (outline.kommune, outline.title) if part)
    marked = t("paper.page_of", page="\x00page\x00", pages="\x00pages\x00")
    footer = " ".join(
        f"counter({part})" if k % 2 else _css_string(part)
        for k, part in enumerate(marked.split("\x00"))
        if part
    )
    box = "font-size: 8.5pt; color: #444;"
    return (
        "@page { size: A4; margin: 2.5cm 2cm 2.2cm 2.5cm;\n"
        f"  @top-left {{ content: {_css_string(header)}; {box} }}\n"
        f"  @bottom-left {{ content: {footer}; {box} }}\n"
        f"  @bottom-right {{ content: {_css_string(outline.edition)}; {box} }}\n}}\n"
    )


def _css_string(text: str) -> str:
    """A CSS string literal that nothing in `text` can end early (nor the style element)."""
    safe = "".join(ch if ch.isalnum() or ch in " .,-–·→()/" else f"\\{ord(ch):x} " for ch in text)
    return f'"{safe}"'


def _block(block: Block) -> str:
    if isinstance(block, Title):
        sub = f'<p class="undertitel">{escape(block.subtitle)}</p>\n' if block.subtitle else ""
        return f"<header>\n<h1>{escape(block.text)}</h1>\n{sub}</header>\n"
    if isinstance(block, Heading):
        cls = ' class="ny-side"' if block.page_break else ""
        return f"<h{block.level}{cls}>{escape(block.text)}</h{block.level}>\n"
    if isinstance(block, Facts):
        return _table("fakta", None, [(n, escape(v)) for n, v in block.rows])
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>\n"
    if isinstance(block, Markdown):
        return f'<div class="tekst">\n{_MARKDOWN.render(block.text)}</div>\n'
    if isinstance(block, FieldTable):
        head = (t("export.field"), t("export.description"))
        return _table("felter", head, [(n, _MARKDOWN.render(text)) for n, text in block.rows])
    if isinstance(block, DiffTable):
        rows = [(name, diff_html(ops, block.scope)) for name, ops in block.rows]
        return _table("felter", None, rows)
    assert isinstance(block, Legend)
    return (
        f'<p class="forklaring"><strong>{escape(t("export.legend"))}:</strong>'
        f"<del>{escape(t('export.legend_delete'))}</del>"
        f"<ins>{escape(t('export.legend_insert'))}</ins>"
        f'<ins class="flyttet">⇄ {escape(t("export.legend_move"))}</ins></p>\n'
    )


def _table(cls: str, head: tuple[str, str] | None, rows: Sequence[tuple[str, str]]) -> str:
    """A two-column table; the values are HTML already, the names are escaped here."""
    out = [f'<table class="{cls}">\n']
    if head is not None:
        out.append(
            f"<thead><tr><th>{escape(head[0])}</th><th>{escape(head[1])}</th></tr></thead>\n"
        )
    out.append("<tbody>\n")
    out += [f'<tr><th scope="row">{escape(n)}</th><td>{v}</td></tr>\n' for n, v in rows]
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def diff_html(ops: Sequence[Op], scope: str) -> str:
    """A field's diff as HTML, its Markdown drawn: headings, lists, paragraphs whose line
    breaks are kept, bold, italic, code and links."""
    safe_scope = _UNSAFE_ID.sub("-", scope)
    out: list[str] = []
    lines_open: list[str] = []  # the paragraph being gathered, one entry per line
    list_open = ""  # "ul" or "ol" while a list is open

    def end_paragraph() -> None:
        if lines_open:
            out.append(f"<p>{'<br>'.join(lines_open)}</p>")
            lines_open.clear()

    def end_list() -> None:
        nonlocal list_open
        if list_open:
            out.append(f"</{list_open}>")
            list_open = ""

    for line in mark_lines(lines(flatten(ops))):
        if line.blank:
            end_paragraph()
            continue
        inner = _pieces(line.pieces, safe_scope)
        if line.kind in ("bullet", "number"):
            end_paragraph()
            tag = "ul" if line.kind == "bullet" else "ol"
            if list_open != tag:
                end_list()
                start = f' start="{line.number}"' if tag == "ol" and line.number != 1 else ""
                out.append(f"<{tag}{start}>")
                list_open = tag
            out.append(f"<li>{inner}</li>")
        elif line.kind == "heading":
            end_paragraph()
            end_list()
            out.append(f'<p class="overskrift"><strong>{inner}</strong></p>')
        else:
            end_list()
            lines_open.append(inner)
    end_paragraph()
    end_list()
    return "".join(out)


def _pieces(pieces: Sequence[Piece], scope: str) -> str:
    out: list[str] = []
    noted: set[int] = set()
    for piece in pieces:
        span = piece.span
        if span.note and span.move is not None and id(span) not in noted:
            noted.add(id(span))
            here, there = ("fra", "til") if span.kind == "moved-from" else ("til", "fra")
            anchor = f"flyt-{scope}-{span.move.id}"
            out.append(
                f'<a class="note" id="{anchor}-{here}" href="#{anchor}-{there}">'
                f"⇄ {escape(span.note)}</a>"
            )
        if piece.text:
            out.append(_TAGS[span.style].format(text=_marked(piece)))
    return "".join(out)


def _marked(piece: Piece) -> str:
    text = escape(piece.text)
    if piece.code:
        text = f"<code>{text}</code>"
    if piece.bold:
        text = f"<strong>{text}</strong>"
    if piece.italic:
        text = f"<em>{text}</em>"
    if piece.href and _SAFE_LINK.match(piece.href):
        text = f'<a href="{escape(piece.href)}">{text}</a>'
    return text


_TAGS = {
    "equal": "{text}",
    "insert": "<ins>{text}</ins>",
    "delete": "<del>{text}</del>",
    "moved-from": '<del class="flyttet">{text}</del>',
    "moved-to": '<ins class="flyttet">{text}</ins>',
}
