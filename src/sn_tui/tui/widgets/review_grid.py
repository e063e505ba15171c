"""The review matrix as a grid: indsatser down, faggrupper across, one coloured cell each.

Only the visible lines are drawn, so 1,000 × 12 cells paint as fast as a handful. Every cell
carries its status symbol as well as its colour (NO_COLOR and monochrome terminals read the
same); the cursor cell is bracketed, `[✓]`, and keeps its colour. Line 0 is a sticky header.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sn_tui.domain.reviews.matrix import Matrix
from sn_tui.domain.reviews.records import Status
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.review_common import STATUS_CLASSES, progress_text, status_symbol
from sn_tui.tui.widgets.indsats_list import fit
from sn_tui.tui.widgets.row_scroll import scroll_to_row

MARKER, PROGRESS, MIN_TITEL = 2, 9, 12
MIN_CELL, MAX_CELL = 4, 14  # a cell's width including the one-cell gap after it
OVERDUE_MARK = "⚑"


@dataclass(frozen=True)
class GridRow:
    """One indsats: its cells' statuses in column order (None: the group need not review)."""

    id: str
    titel: str
    progress: str
    klar: bool
    overdue: bool
    cells: tuple[Status | None, ...]


def grid_rows(
    matrix: Matrix, titles: Mapping[str, str], groups: tuple[str, ...], overdue: Collection[str]
) -> list[GridRow]:
    rows: list[GridRow] = []
    for ident in matrix.indsatser:
        progress = matrix.progress(ident)
        cells = tuple(
            cell.status if (cell := matrix.cell(ident, g)) is not None else None for g in groups
        )
        rows.append(
            GridRow(
                ident,
                titles.get(ident) or ident,
                progress_text(progress),
                progress.required > 0 and progress.klar,
                ident in overdue,
                cells,
            )
        )
    return rows


def used_groups(matrix: Matrix) -> tuple[str, ...]:
    """The columns worth showing: groups that must review at least one indsats."""
    return tuple(g for g in matrix.groups if matrix.column(g))


def layout(width: int, columns: int) -> tuple[int, int]:
    """(titel width, cell width incl. gap) for a line `width` cells wide."""
    if not columns:
        return max(width - MARKER - PROGRESS, MIN_TITEL), MIN_CELL
    cell = (width - MARKER - PROGRESS - MIN_TITEL * 2) // columns
    cell = min(max(cell, MIN_CELL), MAX_CELL)
    return max(width - MARKER - PROGRESS - cell * columns, MIN_TITEL), cell


class ReviewGrid(ScrollView, can_focus=True):
    """Arrow keys (and h j k l) move the cursor cell; the screen opens the current cell."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "review-grid--header",
        "review-grid--cursor",
        "review-grid--cursor-cell",
        "review-grid--muted",
        "review-grid--klar",
        "review-grid--overdue",
        *(f"review-grid--{name}" for name in STATUS_CLASSES.values()),
    }
    BINDINGS = [*keys.bindings("list"), *keys.bindings("grid")]

    row: reactive[int] = reactive(0, init=False)
    col: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The cursor moved (ids are None when the grid is empty)."""

        def __init__(self, indsats_id: str | None, group: str | None) -> None:
            super().__init__()
            self.indsats_id = indsats_id
            self.group = group

    class Chosen(Message):
        """A cell was double-clicked (keyboard users press the screen's open key)."""

        def __init__(self, indsats_id: str, group: str | None) -> None:
            super().__init__()
            self.indsats_id = indsats_id
            self.group = group

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        keys.localize(self, "list")
        keys.localize(self, "grid")
        self.rows: list[GridRow] = []
        self.groups: tuple[str, ...] = ()
        self.headers: tuple[str, ...] = ()
        self.empty_text = ""

    # ------------------------------------------------------------------ data
    def set_rows(
        self,
        rows: list[GridRow],
        groups: tuple[str, ...],
        headers: tuple[str, ...],
        prefer: Collection[str] = (),
    ) -> None:
        """Show `rows`; the cursor stays on the same indsats and group where they remain, and
        starts in the first column of `prefer` (the person's own groups)."""
        keep_id, keep_group = self.current
        if keep_id is None:
            keep_group = next((g for g in groups if g in prefer), None)
        self.rows = rows
        self.groups = groups
        self.headers = headers
        self.virtual_size = Size(0, len(rows) + 1)
        ids = [r.id for r in rows]
        self.row = ids.index(keep_id) if keep_id in ids else 0
        self.col = groups.index(keep_group) if keep_group in groups else self._first_cell()
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    @property
    def current(self) -> tuple[str | None, str | None]:
        """(indsats id, group) under the cursor."""
        if not 0 <= self.row < len(self.rows):
            return None, None
        group = self.groups[self.col] if 0 <= self.col < len(self.groups) else None
        return self.rows[self.row].id, group

    def _first_cell(self) -> int:
        if not 0 <= self.row < len(self.rows):
            return 0
        cells = self.rows[self.row].cells
        return next((i for i, status in enumerate(cells) if status is not None), 0)

    def _announce(self) -> None:
        self.post_message(self.Highlighted(*self.current))

    # ------------------------------------------------------------------ movement
    def _move_to(self, row: int, col: int) -> None:
        row = min(max(row, 0), max(len(self.rows) - 1, 0))
        col = min(max(col, 0), max(len(self.groups) - 1, 0))
        if (row, col) != (self.row, self.col):
            self.row, self.col = row, col
            self._scroll_to_cursor()
            self._announce()

    def action_cursor_up(self) -> None:
        self._move_to(self.row - 1, self.col)

    def action_cursor_down(self) -> None:
        self._move_to(self.row + 1, self.col)

    def action_cursor_left(self) -> None:
        self._move_to(self.row, self.col - 1)

    def action_cursor_right(self) -> None:
        self._move_to(self.row, self.col + 1)

    def action_page_up(self) -> None:
        self._move_to(self.row - self._page(), self.col)

    def action_page_down(self) -> None:
        self._move_to(self.row + self._page(), self.col)

    def action_first(self) -> None:
        self._move_to(0, self.col)

    def action_last(self) -> None:
        self._move_to(len(self.rows) - 1, self.col)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 2, 1)

    def _scroll_to_cursor(self) -> None:
        scroll_to_row(self, self.row)

    def watch_row(self) -> None:
        self.refresh()

    def watch_col(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(0, len(self.rows) + 1)
        self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y - 1
        if event.y < 1 or not 0 <= index < len(self.rows):
            return
        titel, cell = layout(self.scrollable_content_region.width, len(self.groups))
        start = MARKER + titel + PROGRESS
        col = (event.x - start) // cell if event.x >= start else self.col
        self._move_to(index, col)
        if event.chain >= 2:
            indsats_id, group = self.current
            if indsats_id is not None:
                self.post_message(self.Chosen(indsats_id, group))

    # ------------------------------------------------------------------ drawing
    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"review-grid--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        index = round(self.scroll_y) + y - 1
        if not self.rows and y == 2 and self.empty_text:
            text = " " + fit(self.empty_text, width - 1)
            return Strip([Segment(text, base + self._style("muted"))])
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, base)
        return self._row(self.rows[index], index == self.row, width, base)

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self._style("header")
        titel, cell = layout(width, len(self.groups))
        text = " " * MARKER + fit(t("review.col_indsats"), titel - 1) + " "
        text += fit(t("review.col_progress"), PROGRESS - 1) + " "
        text += "".join(fit(h, cell - 1) + " " for h in self.headers)
        return Strip([Segment(set_cell_size(text, width), style)])

    def _row(self, row: GridRow, is_cursor: bool, width: int, base: Style) -> Strip:
        titel, cell = layout(width, len(self.groups))
        line = base + self._style("cursor") if is_cursor else base
        marker = OVERDUE_MARK if row.overdue else ""
        progress_style = line + self._style("klar") if row.klar else line
        segments = [
            Segment(fit(marker, MARKER), base + self._style("overdue")),
            Segment(fit(row.titel, titel - 1) + " ", line),
            Segment(fit(row.progress, PROGRESS - 1), progress_style),
            Segment(" ", base),
        ]
        for col, status in enumerate(row.cells):
            here = is_cursor and col == self.col
            segments.append(self._cell(status, here, cell - 1, base))
            segments.append(Segment(" ", base))
        used = sum(cell_len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments).crop(0, width)

    def _cell(self, status: Status | None, here: bool, width: int, base: Style) -> Segment:
        symbol = status_symbol(status) if status is not None else " "
        text = f"[{symbol}]" if here else symbol
        style = base + self._style(STATUS_CLASSES[status]) if status is not None else base
        if here:  # its text style only: the status keeps its colours
            style += self._style("cursor-cell").without_color
        return Segment(text.center(width), style)
