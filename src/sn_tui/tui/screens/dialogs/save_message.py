"""Before a save: an optional short message that becomes the commit's subject."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.widgets.text_entry import SnInput


class SaveMessageScreen(SnDialog[str | None]):
    """Dismisses with the message ("" for none), or None when the user cancels."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("save.question"), classes="question")
            yield SnInput(placeholder=t("save.placeholder"), id="note", max_length=120)
            yield Static(t("save.hint"), classes="hint")

    def on_input_submitted(self) -> None:
        self.action_ok()

    def action_ok(self) -> None:
        self.dismiss(self.query_one("#note", Input).value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
