"""One conflicting field: the common base, their text and mine, and the text to keep.

The result editor starts with the user's own text; "tag deres" and "behold min" fill it with
one side, and the user may edit it freely before saving.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, RadioButton, RadioSet, Static, TextArea

from sn_tui.domain.merge import META_PREFIX, PREAMBLE, WHOLE_FILE, FieldConflict
from sn_tui.i18n import t
from sn_tui.tui.safe_text import plain
from sn_tui.tui.widgets.text_area import SnTextArea

Choice = Literal["mine", "theirs", "edit"]
_CHOICES: dict[str, Choice] = {"mine": "mine", "theirs": "theirs", "edit": "edit"}


def conflict_title(name: str) -> str:
    if name.startswith(META_PREFIX):
        return t("conflict.meta_key", key=name.removeprefix(META_PREFIX))
    if name == PREAMBLE:
        return t("conflict.preamble")
    if name == WHOLE_FILE:
        return t("conflict.whole_file")
    return name


class ConflictField(Vertical):
    """Shows the three sides; `result()` is the chosen text (None: absent)."""

    def __init__(self, conflict: FieldConflict, *, id: str) -> None:
        super().__init__(id=id, classes="conflict")
        self.conflict = conflict
        self.choice: Choice = "mine"

    def compose(self) -> ComposeResult:
        c = self.conflict
        yield Label(plain(conflict_title(c.name)), classes="conflict-title")
        for label, text, kind in (
            (t("conflict.base"), c.base, "base"),
            (t("conflict.theirs"), c.theirs, "theirs"),
            (t("conflict.mine"), c.mine, "mine"),
        ):
            yield Label(label, classes=f"side-label side-{kind}")
            yield Static(plain(side_text(text)), classes=f"side side-{kind}", markup=False)
        with RadioSet(classes="choice"):
            yield RadioButton(t("conflict.take_mine"), value=True, id=f"{self.id}-mine")
            yield RadioButton(t("conflict.take_theirs"), id=f"{self.id}-theirs")
            yield RadioButton(t("conflict.edit"), id=f"{self.id}-edit")
        yield Label(t("conflict.result"), classes="side-label")
        yield SnTextArea(c.mine or "", soft_wrap=True, tab_behavior="focus", classes="result")

    def take(self, choice: Choice) -> None:
        """Choose a side (or "edit": keep the result editor's text)."""
        self.choice = choice
        with self.prevent(RadioSet.Changed):
            self.query_one(f"#{self.id}-{choice}", RadioButton).value = True
        side = self._side()
        if choice != "edit" and self.query_one(TextArea).text != (side or ""):
            self.query_one(TextArea).load_text(side or "")

    def _side(self) -> str | None:
        if self.choice == "mine":
            return self.conflict.mine
        if self.choice == "theirs":
            return self.conflict.theirs
        return self.query_one(TextArea).text

    def result(self) -> str | None:
        return self._side()

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        pressed = (event.pressed.id or "").rsplit("-", 1)[-1]
        self.take(_CHOICES.get(pressed, "edit"))

    @on(TextArea.Changed)
    def _edited(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.choice != "edit" and event.text_area.text != (self._side() or ""):
            self.choice = "edit"
            with self.prevent(RadioSet.Changed):
                self.query_one(f"#{self.id}-edit", RadioButton).value = True


def side_text(text: str | None) -> str:
    """A side of a comparison as shown: absent and empty texts say so."""
    if text is None:
        return t("conflict.absent")
    return text if text.strip() else t("conflict.empty")
