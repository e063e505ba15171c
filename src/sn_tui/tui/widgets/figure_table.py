"""A table of figures drawn line by line: a sticky header, rows of text cells (left-aligned
first column, right-aligned numbers), a cursor row. Only the visible lines are drawn, so the
datagrundlag of 1,000 indsatser paints as fast as ten (a DataTable measures every cell first).
The first column takes what the others leave and is cut with an ellipsis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sn_tui.tui import keys
from sn_tui.tui.safe_text import visible
from sn_tui.tui.widgets.indsats_list import cut
from sn_tui.tui.widgets.row_scroll import page_rows, scroll_to_row

_GAP = 2


class FigureTable(ScrollView, can_focus=True):
    """Rows of figures; up/down/page keys move the cursor and post `Highlighted`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"figure-table--header", "figure-table--cursor"}
    DEFAULT_CSS: ClassVar[str] = """
    FigureTable {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    FigureTable > .figure-table--header { text-style: bold underline; }
    FigureTable > .figure-table--cursor { text-style: reverse; }
    FigureTable:focus > .figure-table--cursor { text-style: reverse bold; }
    """
    BINDINGS = keys.bindings("list")

    cursor: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        keys.localize(self, "list")
        self._header: tuple[str, ...] = ()
        self._rows: list[tuple[str, ...]] = []
        self._widths: list[int] = []  # the number columns' widths

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_rows(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], cursor: int = 0
    ) -> None:
        self._header = tuple(visible(h) for h in header)
        self._rows = [tuple(visible(c) for c in row) for row in rows]
        self._widths = [
            max([len(self._header[c]), *(len(row[c]) for row in self._rows)])
            for c in range(1, len(self._header))
        ]  # numbers and short words: len is their width
        self.virtual_size = Size(0, len(self._rows) + 1)
        self.cursor = min(max(cursor, 0), max(len(self._rows) - 1, 0))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self.cursor))

    # ------------------------------------------------------------------ movement
    def _move(self, target: int) -> None:
        target = min(max(target, 0), max(len(self._rows) - 1, 0))
        if target != self.cursor:
            self.cursor = target
            self._scroll_to_cursor()
            self.post_message(self.Highlighted(target))

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_page_up(self) -> None:
        self._move(self.cursor - self._page())

    def action_page_down(self) -> None:
        self._move(self.cursor + self._page())

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._rows) - 1)

    def _page(self) -> int:
        return page_rows(self)

    def _scroll_to_cursor(self) -> None:
        scroll_to_row(self, self.cursor)

    def watch_cursor(self) -> None:
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= index < len(self._rows):
            self._move(index)

    # ------------------------------------------------------------------ drawing
    def _line(self, cells: Sequence[str], width: int) -> str:
        numbers = "".join(
            " " * _GAP + cell.rjust(w) for cell, w in zip(cells[1:], self._widths, strict=False)
        )
        first = max(width - 1 - len(numbers), 4)
        return set_cell_size(" " + cut(cells[0], first) + numbers, width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            if not self._header:
                return Strip.blank(width, base)
            style = base + self.get_component_rich_style("figure-table--header")
            return Strip([Segment(self._line(self._header, width), style)])
        index = round(self.scroll_y) + y - 1
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("figure-table--cursor")
        return Strip([Segment(self._line(self._rows[index], width), style)])
