"""Leaving an editor with unsaved changes: save, discard or stay."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.screens.base import SnDialog


class UnsavedScreen(SnDialog[str]):
    """Dismisses with "save", "discard" or "stay"."""

    KEY_SCOPE: ClassVar[str] = "unsaved"
    BINDINGS = keys.bindings("unsaved")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("unsaved.question"), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(t("unsaved.save"), variant="primary", id="save")
                yield Button(t("unsaved.discard"), variant="error", id="discard")
                yield Button(t("unsaved.stay"), id="stay")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
