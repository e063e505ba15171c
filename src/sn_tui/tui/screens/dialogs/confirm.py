"""A yes/no question, e.g. before deleting an indsats."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog


class ConfirmScreen(SnDialog[bool]):
    """Dismisses with True (confirmed) or False."""

    KEY_SCOPE: ClassVar[str] = "confirm"
    BINDINGS = keys.bindings("confirm")

    def __init__(self, question: str, confirm_label: str) -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(self.confirm_label, variant="error", id="confirm")
                yield Button(t("dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
