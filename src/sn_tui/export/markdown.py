"""Markdown rendering of an outline; changes as `<ins>`/`<del>`, which common viewers draw.

The kommune's own text is Markdown already and is kept as written, except that `<` and `&` are
escaped so that nothing in it can open an HTML tag, and a line break inside a paragraph (a
signature block) ends in `\\`, so Markdown viewers keep it as the other formats do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
from sn_tui.export.spans import Line, Span, flatten, lines
from sn_tui.i18n import t

_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_NO_BREAK = re.compile(r"^[ \t]*(?:#|\||```)")  # a heading, table row or fence ends its line
_NO_BREAK_BEFORE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]|^[ \t]*(?:#|\||```)")
_TAGS = {
    "insert": ("<ins>", "</ins>"),
    "delete": ("<del>", "</del>"),
    "moved-from": ('<del title="{moved}">', "</del>"),
    "moved-to": ('<ins title="{moved}">', "</ins>"),
}


def render_markdown(outline: Outline) -> str:
    out: list[str] = []
    for block in outline.blocks:
        out.extend(_block(block))
        out.append("")
    return "\n".join(out).strip("\n") + "\n"


def escape(text: str) -> str:
    """Make text safe where Markdown would let raw HTML through."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("\n", "<br>")


def _block(block: Block) -> list[str]:
    if isinstance(block, Title):
        title = f"# {escape(block.text)}"
        return [title, "", f"*{escape(block.subtitle)}*"] if block.subtitle else [title]
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {escape(block.text)}"]
    if isinstance(block, Facts):
        return _table(("", ""), [(f"**{_cell(n)}**", _cell(v)) for n, v in block.rows])
    if isinstance(block, Paragraph):
        return [escape(block.text)]
    if isinstance(block, Markdown):
        return hard_breaks(escape(block.text).split("\n"))
    if isinstance(block, FieldTable):
        head = (t("export.field"), t("export.description"))
        return _table(head, [(f"**{_cell(n)}**", _cell_markdown(text)) for n, text in block.rows])
    if isinstance(block, DiffTable):
        out: list[str] = []
        for name, ops in block.rows:
            out += [f"**{escape(name)}**", "", *diff_markdown(ops), ""]
        return out
    assert isinstance(block, Legend)
    samples = (
        ("delete", "export.legend_delete"),
        ("insert", "export.legend_insert"),
        ("moved-to", "export.legend_move"),
    )
    marked = ", ".join(_tagged(k, t(text)) for k, text in samples)
    return [f"*{t('export.legend')}:* {marked}"]


def diff_markdown(ops: Sequence[Op]) -> list[str]:
    """A field's diff as Markdown lines; list markers stay outside the change tags."""
    return hard_breaks([_line(line) for line in lines(flatten(ops))])


def hard_breaks(rows: list[str]) -> list[str]:
    """Mark each line break inside a paragraph as a hard break (a trailing backslash), except
    before a list item or after a heading, and never in a code fence or a table."""
    out = list(rows)
    fenced = False
    for k, row in enumerate(rows[:-1]):
        if row.lstrip().startswith("```"):
            fenced = not fenced
        following = rows[k + 1]
        if (
            fenced
            or not row.strip()
            or not following.strip()
            or _NO_BREAK.match(row)
            or _NO_BREAK_BEFORE.match(following)
            or row.endswith("\\")
        ):
            continue
        out[k] = row + "\\"
    return out


def _line(line: Line) -> str:
    out: list[str] = []
    for k, span in enumerate(line.spans):
        text = span.text
        if k == 0 and span.kind != "equal":
            marker = _LIST_MARKER.match(text)
            if marker:
                out.append(marker.group(0))
                text = text[marker.end() :]
        if span.note:
            out.append(f"*({escape(span.note)})* ")
        out.append(_marked(span, escape(text)))
    return "".join(out)


def _marked(span: Span, text: str) -> str:
    if not text:
        return ""
    return text if span.style == "equal" else _tagged(span.style, text)


def _tagged(kind: str, text: str) -> str:
    start, end = _TAGS[kind]
    return f"{start.format(moved=t('export.moved_title'))}{text}{end}"


def _cell_markdown(text: str) -> str:
    """Field text for a table cell: paragraphs and list items become line breaks."""
    return "<br>".join(_cell(_BULLET.sub("• ", row)) for row in text.split("\n"))


def _table(head: tuple[str, str], rows: Sequence[tuple[str, str]]) -> list[str]:
    """A two-column table of cells already made safe for a table."""
    out = [f"| {_cell(head[0])} | {_cell(head[1])} |", "| --- | --- |"]
    return out + [f"| {name} | {value} |" for name, value in rows]
