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
from sn_tui.export.spans import Line, Span, flatten, lines, paragraphs
from sn_tui.i18n import t

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")

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
@page { size: A4; margin: 2cm 1.8cm; }
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
        f"<title>{escape(outline.title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


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
    """A field's diff as paragraphs of marked-up text."""
    safe_scope = _UNSAFE_ID.sub("-", scope)
    parts = []
    for block in paragraphs(lines(flatten(ops))):
        inner = "<br>".join(_line(line, safe_scope) for line in block)
        parts.append(f"<p>{inner}</p>")
    return "".join(parts)


def _line(line: Line, scope: str) -> str:
    return "".join(_span(span, scope) for span in line.spans)


def _span(span: Span, scope: str) -> str:
    out = ""
    if span.note and span.move is not None:
        here, there = ("fra", "til") if span.kind == "moved-from" else ("til", "fra")
        anchor = f"flyt-{scope}-{span.move.id}"
        out = (
            f'<a class="note" id="{anchor}-{here}" href="#{anchor}-{there}">'
            f"⇄ {escape(span.note)}</a>"
        )
    text = escape(span.text)
    if not text:
        return out

    return out + _TAGS[span.style].format(text=text)


_TAGS = {
    "equal": "{text}",
    "insert": "<ins>{text}</ins>",
    "delete": "<del>{text}</del>",
    "moved-from": '<del class="flyttet">{text}</del>',
    "moved-to": '<ins class="flyttet">{text}</ins>',
}
