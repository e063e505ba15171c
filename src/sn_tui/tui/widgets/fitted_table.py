"""A table whose columns fit the screen: whole numbers and dates, names cut with `…`.

A DataTable wider than its screen cuts the last column at the edge, and a cut number looks
like another number (`+2.600.00` for `+2.600.000 kr., +7 %`). Here every column is as wide
as its longest cell; when that is too wide, the columns named as shrinkable give up cells,
the widest first, and their texts end in `…`. Only if they cannot give enough (a very narrow
terminal) does the table scroll sideways.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

MIN_WIDTH = 4  # a shrunk column still shows a few letters and the …


@dataclass(frozen=True)
class TableColumn:
    key: str
    label: str
    shrink: bool = False


class FittedTable(DataTable[Text]):
    """Fill with `show(columns, rows)`; it lays itself out again when its width changes."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._columns: Sequence[TableColumn] = ()
        self._rows: list[tuple[str, list[Text]]] = []
        self._laid_out_for = -1
        self._laid_out_widths: list[int] = []

    def show(
        self, columns: Sequence[TableColumn], rows: Sequence[tuple[str, Sequence[Text]]]
    ) -> None:
        """Replace the table's columns and rows (row: key, one Text per column)."""
        self._columns = columns
        self._rows = [
            (key, [self._cell(c, cell) for c, cell in zip(columns, cells, strict=True)])
            for key, cells in rows
        ]
        self._lay_out()

    def set_cell(self, row_key: str, column_key: str, cell: Text) -> None:
        """Change one cell (kept for the next layout); its column keeps its width."""
        index = next(i for i, c in enumerate(self._columns) if c.key == column_key)
        for key, cells in self._rows:
            if key == row_key:
                cells[index] = self._cell(self._columns[index], cell)
                self.update_cell(row_key, column_key, cells[index])

    @staticmethod
    def _cell(column: TableColumn, cell: Text) -> Text:
        if not column.shrink:
            return cell
        cut = cell.copy()
        cut.no_wrap = True
        cut.overflow = "ellipsis"
        return cut

    def widths(self, available: int) -> list[int]:
        """Each column's width in cells for a table `available` cells wide (0: unknown)."""
        widths = [
            max([cell_len(c.label), *(cell_len(cells[i].plain) for _key, cells in self._rows)])
            for i, c in enumerate(self._columns)
        ]
        if available <= 0:
            return widths
        excess = sum(widths) + 2 * self.cell_padding * len(widths) - available
        while excess > 0:
            shrinkable = [
                i for i, c in enumerate(self._columns) if c.shrink and widths[i] > MIN_WIDTH
            ]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
        return widths

    def _lay_out(self) -> None:
        available = self._available()
        widths = self.widths(available)
        row = self.cursor_row
        self.clear(columns=True)
        for column, width in zip(self._columns, widths, strict=True):
            self.add_column(self._cell(column, Text(column.label)), key=column.key, width=width)
        for key, cells in self._rows:
            self.add_row(*cells, key=key)
        if self._rows:
            self.move_cursor(row=min(max(row, 0), len(self._rows) - 1), animate=False)
        self._laid_out_for = available
        self._laid_out_widths = widths

    def _available(self) -> int:
        """The width the columns may fill (0: not known yet), less the vertical scrollbar
        where the rows will need one and it is not shown yet."""
        if not self.is_mounted:
            return 0
        region = self.scrollable_content_region
        available = region.width
        rows = len(self._rows) + (self.header_height if self.show_header else 0)
        if (
            not self.show_vertical_scrollbar
            and self.styles.overflow_y == "auto"
            and 0 < region.height < rows
        ):
            available -= self.styles.scrollbar_size_vertical
        return available

    def on_resize(self, _event: events.Resize) -> None:
        available = self._available()
        if not self._columns or available == self._laid_out_for:
            return
        # The vertical scrollbar appearing with the rows narrows the table by its width just
        # after the first paint: lay out (and paint every cell) again only where a column
        # would change width.
        if self.widths(available) == self._laid_out_widths:
            self._laid_out_for = available
        else:
            self._lay_out()
