"""A one-line notice across the top of a screen: read-only access, an old version."""

from __future__ import annotations

from textual.widgets import Static

from sn_tui.tui.safe_text import plain


class Banner(Static):
    """Hidden until `show` is called."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.display = False

    def show(self, text: str) -> None:
        self.update(plain(text))
        self.display = True

    def hide(self) -> None:
        self.display = False
