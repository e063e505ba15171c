"""Textual's TextArea with keys applied in the order typed (see `text_entry`, which says why),
and without a layout of the whole screen when a long field's wrapped height changes."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import TextArea

from sn_tui.tui.widgets.text_entry import InOrderKeys


class SnTextArea(InOrderKeys, TextArea):
    """Textual's TextArea, keys applied in order."""

    def _refresh_size(self) -> None:
        """Textual 8.2.8 sets `virtual_size`, a layout reactive, whenever an edit changes the
        number of wrapped lines: every few keys in a long paragraph the whole editor screen
        (50 widgets, 8 wrapped fields) was laid out again, 15-30 ms of processor time, the
        tail of typing in a 20 KB field. A field already taller than its box (capped by
        max-height or a fixed height) keeps the same size whatever its new height, so only
        its scrolling changes: set the size without the layout and update the scrollbar."""
        visible = self.scrollable_content_region.height
        old = self.virtual_size
        new = Size(0, self.wrapped_document.height) if self.soft_wrap else None
        if new is None or new == old or not (old.height > visible and new.height > visible):
            super()._refresh_size()
            return
        self.set_reactive(Widget.virtual_size, new)
        self._scroll_update(new)
        self.refresh()
