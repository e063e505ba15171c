"""One row of a comparison (a paragraph, or a frontmatter key), inline or side by side.

Inline, deleted words are struck through in red, inserted ones underlined in green and moved
paragraphs cyan with a note saying where they came from or went. Side by side, version A's
text is on the left and B's on the right. The current change is shown reversed. Without
colours (NO_COLOR) the changes also carry wdiff's markers: `[-…-]`, `{+…+}`, `[>…<]`, `{>…<}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from sn_tui.domain.diff.file import FRONTMATTER_TEXT
from sn_tui.domain.diff.types import MetaChange
from sn_tui.export.common import MONEY_SUFFIX, describe_meta, format_value, meta_label
from sn_tui.export.text import MARKERS
from sn_tui.tui.presenters.diff_rows import MetaRow, Piece, Row, Side, TextRow
from sn_tui.tui.safe_text import visible

Mode = Literal["side", "inline"]

STYLES = {
    "insert": "underline green",
    "delete": "strike red",
    "moved-from": "strike cyan",
    "moved-to": "cyan",
}
NOTE_STYLE = "italic cyan"
CURRENT_STYLE = "reverse"


def pieces_text(pieces: Sequence[Piece], current: int | None, markers: bool) -> Text:
    """Pieces as one styled text (their line breaks kept)."""
    out = Text()
    for piece in pieces:
        span = piece.span
        extra = f" {CURRENT_STYLE}" if current is not None and piece.change == current else ""
        if span.note:
            out.append(f"({visible(span.note)}) ", style=NOTE_STYLE + extra)
        if not span.text:
            continue
        kind = span.style
        text = visible(span.text)
        if kind == "equal":
            out.append(text)
            continue
        if markers and text.strip():  # a changed line break needs no markers of its own
            start, end = MARKERS[kind]
            text = f"{start}{text}{end}"
        out.append(text, style=STYLES[kind] + extra)
    return out


def meta_text(meta: MetaChange, side: Side | None, current: bool, markers: bool) -> Text:
    """A frontmatter key: `Budget: 4.500.000 kr. → 5.000.000 kr., +11 %` inline, or one side."""
    name = meta.key if meta.key == FRONTMATTER_TEXT else meta_label(meta.key)
    out = Text(f"{visible(name)}: ", style="bold")
    highlight = f" {CURRENT_STYLE}" if current else ""
    if side is None:  # the description says what changed: no insertion or deletion marks
        out.append(visible(describe_meta(meta)), style="yellow" + highlight)
        return out
    money = meta.key.endswith(MONEY_SUFFIX)
    if side == "a":
        if meta.kind == "added":
            return Text()
        value, kind = format_value(meta.before, money=money), "delete"
    else:
        if meta.kind == "removed":
            return Text()
        value, kind = format_value(meta.after, money=money), "insert"
    text = visible(value)
    if markers:
        start, end = MARKERS[kind]
        text = f"{start}{text}{end}"
    out.append(text, style=STYLES[kind] + highlight)
    return out


def side_by_side(left: RenderableType, right: RenderableType) -> Table:
    """Two equal columns with a rule between them."""
    table = Table(
        box=box.SQUARE,
        show_header=False,
        show_edge=False,
        expand=True,
        pad_edge=False,
        padding=(0, 1),
    )
    table.add_column(ratio=1)
    table.add_column(ratio=1)
    table.add_row(left, right)
    return table


class DiffRow(Static):
    """A row of a comparison (or of what one commit changed); `show` redraws it in a mode
    with a current change."""

    def __init__(self, row: Row, *, markers: bool, mode: Mode = "side") -> None:
        super().__init__("", classes="diff-row", markup=False)
        self.set_class(isinstance(row, MetaRow), "-meta")
        self.row = row
        self.markers = markers
        self.mode = mode
        self.current: int | None = None

    def on_mount(self) -> None:
        self.update(self.draw())

    def show(self, mode: Mode, current: int | None) -> None:
        """Redraw if the mode changed or the current change moved into or out of this row."""
        was = self.current if self.current in self.row.changes else None
        now = current if current in self.row.changes else None
        redraw = mode != self.mode or was != now
        self.mode, self.current = mode, current
        if redraw:
            self.set_class(now is not None, "-current")
            self.update(self.draw())

    def draw(self) -> RenderableType:
        row = self.row
        mine = self.current if self.current in row.changes else None
        if isinstance(row, MetaRow):
            on = mine is not None
            if self.mode == "inline":
                return meta_text(row.meta, None, on, self.markers)
            return side_by_side(
                meta_text(row.meta, "a", on, self.markers),
                meta_text(row.meta, "b", on, self.markers),
            )
        assert isinstance(row, TextRow)
        if self.mode == "inline":
            return pieces_text(row.pieces, mine, self.markers)
        return side_by_side(
            pieces_text(row.side("a"), mine, self.markers),
            pieces_text(row.side("b"), mine, self.markers),
        )
