"""Keeping a line-drawn list's cursor row in view below its one-line sticky header."""

from __future__ import annotations

from textual.scroll_view import ScrollView


def page_rows(view: ScrollView) -> int:
    """How many rows `view` shows below its header (at least one)."""
    return max(view.scrollable_content_region.height - 1, 1)


def scroll_to_row(view: ScrollView, row: int) -> None:
    """Scroll `view` as little as brings `row` into sight."""
    top = round(view.scroll_y)
    rows = page_rows(view)
    if row < top:
        top = row
    elif row >= top + rows:
        top = row - rows + 1
    view.scroll_to(y=top, animate=False)
