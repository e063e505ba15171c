"""Plain-text rendering of an outline, for a terminal (ANSI colours) or a file (wdiff markers).

Without colour, changes are marked `[-slettet-]`, `{+tilføjet+}`, `[>flyttet herfra<]` and
`{>flyttet hertil<}`; with colour they are red struck-through, green underlined and cyan.
Every text from the repository is made inert (`domain.inert.visible`): the output goes to a
terminal, and only the colours added here may act on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sn_tui.domain.diff.types import Op
from sn_tui.domain.inert import visible
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

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
_COLOURS = {
    "insert": "\x1b[4;32m",
    "delete": "\x1b[9;31m",
    "moved-from": "\x1b[9;36m",
    "moved-to": "\x1b[36m",
    "note": "\x1b[3;36m",
}
MARKERS = {
    "insert": ("{+", "+}"),
    "delete": ("[-", "-]"),
    "moved-from": ("[>", "<]"),
    "moved-to": ("{>", "<}"),
}
INDENT = "  "


def render_text(outline: Outline, *, color: bool = False) -> str:
    out: list[str] = []
    for block in outline.blocks:
        out.extend(_block(block, color))
    return "\n".join(out).strip("\n") + "\n"


def _block(block: Block, color: bool) -> list[str]:
    if isinstance(block, Title):
        out = [_bold(block.text, color), "=" * len(block.text)]
        return [*out, visible(block.subtitle), ""] if block.subtitle else [*out, ""]
    if isinstance(block, Heading):
        text = _bold(block.text, color)
        return ["", text, "-" * len(block.text)] if block.level == 2 else ["", text]
    if isinstance(block, Facts):
        width = max((len(name) for name, _ in block.rows), default=0)
        return [
            visible(f"{INDENT}{name + ':':<{width + 1}} {value}") for name, value in block.rows
        ] + [""]
    if isinstance(block, Paragraph | Markdown):
        return [*visible(block.text).split("\n"), ""]
    if isinstance(block, FieldTable):
        out = []
        for name, text in block.rows:
            out.append(INDENT + _bold(name, color))
            out.extend(_indent(visible(text).split("\n"), 2))
        return [*out, ""]
    if isinstance(block, DiffTable):
        out = []
        for name, ops in block.rows:
            out.append(INDENT + _bold(name, color))
            out.extend(_indent(diff_lines(ops, color=color), 2))
            out.append("")
        return out
    assert isinstance(block, Legend)
    samples = [
        Span("delete", t("export.legend_delete")),
        Span("insert", t("export.legend_insert")),
        Span("moved-to", t("export.legend_move")),
    ]
    legend = "  ".join(_line(Line((s,), None), color) for s in samples)
    return [f"{t('export.legend')}: {legend}", ""]


def diff_lines(ops: Sequence[Op], *, color: bool = False) -> list[str]:
    """A field's diff as marked-up lines."""
    return [_line(line, color) for line in lines(flatten(ops))]


def _line(line: Line, color: bool) -> str:
    out: list[str] = []
    group: Span | None = None  # the moved span whose markers are open
    for span in line.spans:
        moved = span.kind in ("moved-from", "moved-to")
        if group is not None and (not moved or span.move != group.move):
            out.append(_close(group, color))
            group = None
        if span.note:
            note = f"({visible(span.note)}) "
            out.append(f"{_COLOURS['note']}{note}{RESET}" if color else note)
        if moved and group is None:
            group = span
            out.append(_open(span, color))
        kind, text = span.style, visible(span.text)
        if kind == "equal" or (group is not None and kind == group.kind):
            out.append(text)
        elif color:
            out.append(f"{_COLOURS[kind]}{text}{RESET}")
            if group is not None:
                out.append(_open(group, color))
        else:
            start, end = MARKERS[kind]
            out.append(f"{start}{text}{end}")
    if group is not None:
        out.append(_close(group, color))
    return "".join(out)


def _open(span: Span, color: bool) -> str:
    return _COLOURS[span.kind] if color else MARKERS[span.kind][0]


def _close(span: Span, color: bool) -> str:
    return RESET if color else MARKERS[span.kind][1]


def _bold(text: str, color: bool) -> str:
    return f"{BOLD}{visible(text)}{RESET}" if color else visible(text)


def _indent(text_lines: Sequence[str], depth: int) -> list[str]:
    pad = INDENT * depth
    return [pad + line if line else "" for line in text_lines]
