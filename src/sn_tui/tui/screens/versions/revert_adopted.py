"""Revert an indsats to an adopted version from the versions screen (which indsats?) or from
the editor (which version?): one choice in a list, then the history's revert dialog and save
(`people.revert.start_revert`), field by field or whole, as a new change on `main`."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnDialog, SnScreen
from sn_tui.tui.screens.people.revert import start_revert


class PickDialog(SnDialog["str | None"]):
    """A question and a list; enter dismisses with the chosen value, escape with None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question, self.choices = question, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="question")
            yield OptionList(*[Option(plain(label), id=value) for label, value in self.choices])
            yield Static(t("people2.pick_hint"), classes="hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_ok(self) -> None:
        found = self.query_one(OptionList)
        if found.highlighted is not None:
            self.dismiss(found.get_option_at_index(found.highlighted).id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _pick(
    screen: SnScreen[None],
    read: Callable[[], list[tuple[str, str]]],
    question: str,
    empty: str,
    then: Callable[[str], None],
) -> None:
    """Read the choices off the event loop, then ask; `then` gets the chosen value."""

    def chosen(value: str | None) -> None:
        if value is not None:
            then(value)

    def load() -> None:
        try:
            choices = read()
        except Exception as exc:
            screen.app.call_from_thread(
                screen.notify, user_sentence(exc), severity="error", markup=False
            )
            return
        if not choices:
            screen.app.call_from_thread(screen.notify, empty, markup=False)
            return
        screen.app.call_from_thread(screen.app.push_screen, PickDialog(question, choices), chosen)

    screen.run_worker(load, thread=True, exit_on_error=False)


def revert_from_version(screen: SnScreen[None], tag: str) -> None:
    """On the versions screen: which of the version's indsatser to bring back to it."""

    def read() -> list[tuple[str, str]]:
        items = screen.workspace.indsatser(tag)
        return [(f"{visible(i.titel)} ({i.id})", i.id) for i in items]

    _pick(
        screen,
        read,
        t("people2.pick_indsats", version=tag),
        t("people2.no_indsatser", version=tag),
        lambda indsats_id: start_revert(screen, indsats_id, tag, tag),
    )


def revert_to_adopted(screen: SnScreen[None], indsats_id: str, saved: Callable[[], None]) -> None:
    """In the editor: which adopted version to bring this indsats back to; `saved` (in a
    worker) after the revert is a commit."""

    def read() -> list[tuple[str, str]]:
        return [
            (visible(f"{a.tag}  {a.udvalg}".rstrip()), a.tag) for a in screen.workspace.versions()
        ]

    _pick(
        screen,
        read,
        t("people2.pick_version"),
        t("people2.no_versions"),
        lambda tag: start_revert(screen, indsats_id, tag, tag, saved),
    )
