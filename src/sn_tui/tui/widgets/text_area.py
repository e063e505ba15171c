"""Textual's TextArea with keys applied in the order typed (see `text_entry`, which says why)."""

from __future__ import annotations

from textual.widgets import TextArea

from sn_tui.tui.widgets.text_entry import InOrderKeys


class SnTextArea(InOrderKeys, TextArea):
    """Textual's TextArea, keys applied in order."""
