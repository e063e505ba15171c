"""The overview's list of indsatser: a lazy, line-based list with kategori headings.

Only the visible lines are drawn, so 1,000 indsatser paint as fast as ten (a DataTable measures
every cell before its first frame). The first line is a sticky column header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sn_tui.domain.overview import Changed, GroupLine, Line, OverviewRow
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.safe_text import visible
from sn_tui.tui.widgets.row_scroll import page_rows, scroll_to_row

if TYPE_CHECKING:
    from sn_tui.services.collaboration import Someone

CHANGED, REVIEW, PROBLEMS = 7, 8, 14
# The catalogue key of the word for each code of the "changed" column.
_CHANGED_KEYS: dict[Changed, str] = {
    "changed": "overview.changed_yes",
    "new": "overview.changed_new",
    "unchanged": "overview.changed_no",
    "nothing-adopted": "overview.changed_none",
}


def column_widths(width: int) -> tuple[int, int, int, int, int]:
    """titel, lovhjemmel, changed, review and problems for a line `width` cells wide."""
    fixed = CHANGED + REVIEW + PROBLEMS + 5  # one cell of indent, four gaps
    rest = max(width - fixed, 16)
    lov = min(max(rest * 2 // 5, 8), 34)
    return rest - lov, lov, CHANGED, REVIEW, PROBLEMS


def fit(text: str, width: int) -> str:
    """`text` on one line, cut with an ellipsis or padded to exactly `width` cells."""
    return cut(visible(" ".join(text.split())), width)


def cut(text: str, width: int) -> str:
    """One line of `text` cut with an ellipsis or padded to exactly `width` cells."""
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…" if width else ""
    return set_cell_size(text, width)


def problems_text(row: OverviewRow) -> tuple[str, str]:
    """(errors part, warnings part) as the list writes them; "…" until the check has run.

    The space between two counts ends the errors part: `fit` drops a leading one.
    """
    if row.errors is None or row.warnings is None:
        return "…", ""
    errors = t("overview.errors", count=row.errors) if row.errors else ""
    warnings = t("overview.warnings", count=row.warnings) if row.warnings else ""
    if not errors and not warnings:
        return "", t("overview.no_problems")
    return (errors + " " if errors and warnings else errors), warnings


class IndsatsList(ScrollView, can_focus=True):
    """Grouped rows; up/down/page keys move the cursor, the screen opens the current row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "indsats-list--header",
        "indsats-list--group",
        "indsats-list--cursor",
        "indsats-list--error",
        "indsats-list--warning",
        "indsats-list--muted",
        "indsats-list--present",
    }
    BINDINGS = keys.bindings("list")

    cursor: reactive[int] = reactive(-1, init=False)

    class Highlighted(Message):
        """The cursor moved to another indsats (None: the list is empty)."""

        def __init__(self, indsats_id: str | None) -> None:
            super().__init__()
            self.indsats_id = indsats_id

    class Chosen(Message):
        """A row was clicked (keyboard users press the screen's open key)."""

        def __init__(self, indsats_id: str) -> None:
            super().__init__()
            self.indsats_id = indsats_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        keys.localize(self, "list")
        self._lines: list[Line] = []
        self.empty_text = ""
        self._present: dict[str, tuple[bool, str]] = {}  # id -> (someone editing, first names)

    def set_presence(self, presence: Mapping[str, Sequence[Someone]]) -> None:
        """Mark the rows other people have open (✎ where one of them is editing)."""
        self._present = {
            key: (any(p.editing for p in people), ", ".join(p.navn.split(" ")[0] for p in people))
            for key, people in presence.items()
            if people
        }
        self.refresh()

    # ------------------------------------------------------------------ data
    def set_lines(self, lines: Sequence[Line], keep: str | None = None) -> None:
        """Show `lines`; the cursor stays on indsats `keep` if it is still there."""
        before = self.current_id
        self._lines = list(lines)
        self.virtual_size = Size(0, len(self._lines) + 1)
        target = self._index_of(keep) if keep else None
        if target is None:
            target = self._next_row(-1, 1)
        self.cursor = -1 if target is None else target
        self._scroll_to_cursor()
        self.refresh()
        if self.current_id != before:
            self.post_message(self.Highlighted(self.current_id))

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self._lines):
            line = self._lines[self.cursor]
            if isinstance(line, OverviewRow):
                return line.id
        return None

    @property
    def row_count(self) -> int:
        return sum(isinstance(line, OverviewRow) for line in self._lines)

    def _index_of(self, indsats_id: str) -> int | None:
        for i, line in enumerate(self._lines):
            if isinstance(line, OverviewRow) and line.id == indsats_id:
                return i
        return None

    def _next_row(self, start: int, step: int) -> int | None:
        i = start + step
        while 0 <= i < len(self._lines):
            if isinstance(self._lines[i], OverviewRow):
                return i
            i += step
        return None

    # ------------------------------------------------------------------ movement
    def _move(self, start: int, step: int) -> None:
        found = self._next_row(start, step)
        if found is None:
            found = self._next_row(start, -step)  # clamp at the ends
        if found is not None and found != self.cursor:
            self.cursor = found
            self._scroll_to_cursor()
            self.post_message(self.Highlighted(self.current_id))

    def action_cursor_up(self) -> None:
        self._move(self.cursor, -1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor, 1)

    def action_page_up(self) -> None:
        self._move(max(self.cursor - self._page() + 1, 0), -1)

    def action_page_down(self) -> None:
        self._move(min(self.cursor + self._page() - 1, len(self._lines) - 1), 1)

    def action_first(self) -> None:
        self._move(-1, 1)

    def action_last(self) -> None:
        self._move(len(self._lines), -1)

    def _page(self) -> int:
        return page_rows(self)

    def _scroll_to_cursor(self) -> None:
        # The first row brings the first kategori heading above it into sight too.
        first = self.cursor <= 1 and self.cursor <= round(self.scroll_y)
        scroll_to_row(self, 0 if self.cursor < 0 or first else self.cursor)

    def watch_cursor(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(0, len(self._lines) + 1)
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= index < len(self._lines):
            line = self._lines[index]
            if isinstance(line, OverviewRow):
                self.cursor = index
                self.post_message(self.Highlighted(line.id))
                if event.chain >= 2:
                    self.post_message(self.Chosen(line.id))

    # ------------------------------------------------------------------ drawing
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        index = round(self.scroll_y) + y - 1
        if not self._lines and y == 2 and self.empty_text:
            muted = base + self.get_component_rich_style("indsats-list--muted")
            return Strip([Segment(fit(" " + self.empty_text, width), muted)])
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        if isinstance(line, GroupLine):
            style = base + self.get_component_rich_style("indsats-list--group")
            text = f"{line.kategori or t('overview.no_kategori')} ({line.count})"
            return Strip([Segment(fit(text, width), style)])
        return self._row(line, width, base, index == self.cursor)

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("indsats-list--header")
        titel, lov, changed, review, problems = column_widths(width)
        text = " ".join(
            [
                "",
                fit(t("overview.col_titel"), titel),
                fit(t("overview.col_lovhjemmel"), lov),
                fit(t("overview.col_changed"), changed),
                fit(t("overview.col_review"), review),
                fit(t("overview.col_problems"), problems),
            ]
        )
        return Strip([Segment(set_cell_size(text, width), style)])

    def _titel(self, row: OverviewRow, width: int, style: Style, muted: Style) -> list[Segment]:
        """The titel cell; a row someone else has open gets a mark and their first names."""
        present = self._present.get(row.id)
        if present is None:
            return [Segment(" " + fit(row.titel, width) + " ", style)]
        editing, names = present
        mark = style + self.get_component_rich_style("indsats-list--present")
        who = fit(" " + names, min(cell_len(names) + 1, width // 2))
        return [
            Segment("✎" if editing else "●", mark),
            Segment(fit(row.titel, width - cell_len(who)), style),
            Segment(who + " ", muted),
        ]

    def _row(self, row: OverviewRow, width: int, base: Style, is_cursor: bool) -> Strip:
        style = base
        if is_cursor:
            style = base + self.get_component_rich_style("indsats-list--cursor")
        muted = style + self.get_component_rich_style("indsats-list--muted")
        titel, lov, changed, review, problems = column_widths(width)
        errors, warnings = problems_text(row)
        error_style = style + self.get_component_rich_style("indsats-list--error")
        warning_style = style + self.get_component_rich_style("indsats-list--warning")
        if not row.errors and not row.warnings:
            warning_style = muted
        segments = [
            *self._titel(row, titel, style, muted),
            Segment(fit(row.lovhjemmel or "–", lov) + " ", style if row.lovhjemmel else muted),
            Segment(fit(t(_CHANGED_KEYS[row.changed]), changed) + " ", style),
            Segment(fit(row.review, review) + " ", style),
            Segment(errors, error_style),
            Segment(fit(warnings, problems - cell_len(errors)), warning_style),
        ]
        used = sum(cell_len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return Strip(segments).crop(0, width)
