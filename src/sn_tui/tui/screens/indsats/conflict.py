"""Someone saved the same fields meanwhile: show base, theirs and mine; the user decides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from sn_tui.domain.merge import FieldConflict
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.safe_text import visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.conflict_field import ConflictField
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar


class ConflictScreen(SnScreen[dict[str, str | None] | None]):
    """Dismisses with conflict name -> chosen text, or None (cancel: the editor keeps mine)."""

    CSS_PATH = "conflict.tcss"
    KEY_SCOPE: ClassVar[str] = "conflict"
    BINDINGS = keys.bindings("conflict")

    def __init__(self, conflicts: Sequence[FieldConflict], titel: str) -> None:
        super().__init__()
        self.conflicts = list(conflicts)
        self.titel = titel

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("conflict.intro", count=len(self.conflicts)), id="intro")
        with VerticalScroll(id="conflicts"):
            for i, conflict in enumerate(self.conflicts):
                yield ConflictField(conflict, id=f"conflict-{i}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("conflict.title", titel=visible(self.titel))
        self.sub_title = t("conflict.subtitle")
        self.query(ConflictField).first().query_one("RadioSet").focus()

    @property
    def fields(self) -> list[ConflictField]:
        return list(self.query(ConflictField))

    def action_take_mine(self) -> None:
        for field in self.fields:
            field.take("mine")

    def action_take_theirs(self) -> None:
        for field in self.fields:
            field.take("theirs")

    def action_save(self) -> None:
        self.dismiss({f.conflict.name: f.result() for f in self.fields})

    def action_back(self) -> None:
        self.dismiss(None)
