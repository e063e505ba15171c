"""Revert an indsats to the text after one of its commits, as a new change on `main`: the
fields that differ are listed, all chosen; the first choice brings back the whole file
(titel, økonomi and faggrupper too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import SelectionList, Static

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog

if TYPE_CHECKING:
    from sn_tui.tui.screens.base import SnScreen

WHOLE = "\0whole"


class RevertForm(SnDialog["list[str] | None"]):
    """Dismisses with the chosen fields (`[WHOLE]`: the whole file), or None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, label: str, fields: list[str]) -> None:
        super().__init__()
        self.label, self.fields = label, fields

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                plain(t("restore.revert_question", version=self.label)), classes="question"
            )
            options = [(t("restore.revert_whole_option"), WHOLE, False)]
            options += [(name, name, True) for name in self.fields]
            yield SelectionList[str](*options, id="fields")
            yield Static(t("people.form_hint"), classes="hint")

    def action_ok(self) -> None:
        chosen = list(self.query_one(SelectionList).selected)
        self.dismiss([WHOLE] if WHOLE in chosen else chosen or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_revert(
    screen: SnScreen[None],
    indsats_id: str,
    commit: str,
    label: str,
    saved: Callable[[], None] | None = None,
) -> None:
    """From the history: ask which fields, then save the revert (both off the event loop);
    `saved` is called in the worker after a revert that changed the file."""

    def load() -> None:
        try:
            fields = screen.workspace.differing_fields(indsats_id, commit)
        except Exception as exc:
            screen.app.call_from_thread(
                screen.notify, user_sentence(exc), severity="error", markup=False
            )
            return
        if not fields:
            text = t("restore.nothing_reverted", rev=label)
            screen.app.call_from_thread(screen.notify, text, markup=False)
            return
        screen.app.call_from_thread(screen.app.push_screen, RevertForm(label, fields), chosen)

    def chosen(fields: list[str] | None) -> None:
        if fields:
            chosen_fields = None if fields == [WHOLE] else fields
            screen.run_worker(lambda: save(chosen_fields), thread=True, exit_on_error=False)

    def save(fields: list[str] | None) -> None:
        try:
            result = screen.workspace.revert(indsats_id, commit, fields)
        except Exception as exc:
            screen.app.call_from_thread(
                screen.notify, user_sentence(exc), severity="error", markup=False
            )
            return
        screen.app.call_from_thread(screen.sn.committed)
        if saved is not None and result.changed:
            saved()
        text = (
            t("restore.reverted_tui", version=label)
            if result.changed
            else t("restore.nothing_reverted", rev=label)
        )
        screen.app.call_from_thread(screen.notify, text, markup=False)

    screen.run_worker(load, thread=True, exit_on_error=False)
