"""Adopting the draft: date, udvalg, dagsordenpunkt and an optional ikrafttræden.

The dialog calls the same `Workspace.adopt` as `sn-tui adopt` (same rights, same check gate)
and stays open while it runs; a refusal is shown in the dialog with the check's errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from sn_tui.domain.danish import parse_date
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.widgets.text_entry import SnInput

_ORDER = ("date", "udvalg", "punkt", "ikraft")


class Adopted(Message):
    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag = tag


class AdoptFailed(Message):
    def __init__(self, text: str, errors: list[str]) -> None:
        super().__init__()
        self.text = text
        self.errors = errors


class AdoptDialog(SnDialog[str | None]):
    """Dismisses with the new tag, or None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, today: dt.date, udvalg: Sequence[str] = ()) -> None:
        super().__init__()
        self.today = today
        self.udvalg = list(udvalg)
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("versions.adopt_question"), classes="question")
            yield Label(t("versions.adopt_date"))
            yield SnInput(self.today.isoformat(), id="date", compact=True)
            yield Label(t("versions.adopt_udvalg"))
            yield SnInput(
                id="udvalg",
                compact=True,
                suggester=SuggestFromList(self.udvalg, case_sensitive=False),
            )
            yield Label(t("versions.adopt_punkt"))
            yield SnInput(id="punkt", compact=True)
            yield Label(t("versions.adopt_ikraft"))
            yield SnInput(id="ikraft", compact=True, placeholder=t("versions.adopt_optional"))
            with VerticalScroll(id="problems-box"):
                yield Static("", id="problems", markup=False)
            yield Static(t("versions.adopt_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#problems-box").display = False
        self.query_one("#udvalg", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def _problems(self, lines: Sequence[str], *, busy: bool = False) -> None:
        box = self.query_one("#problems", Static)
        box.set_class(busy, "-busy")
        box.update(plain("\n".join(lines)))
        self.query_one("#problems-box").display = bool(lines)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        name = event.input.id or ""
        if name in _ORDER[:-1]:
            self.query_one(f"#{_ORDER[_ORDER.index(name) + 1]}", Input).focus()
        else:
            self.action_ok()

    def action_ok(self) -> None:
        if self.busy:
            return
        date = parse_date(self._value("date"))
        ikraft_text = self._value("ikraft")
        ikraft = parse_date(ikraft_text) if ikraft_text else None
        found: list[str] = []
        if date is None:
            found.append(t("versions.adopt_bad_date", text=self._value("date")))
        if not self._value("udvalg"):
            found.append(t("versions.adopt_no_udvalg"))
        if not self._value("punkt"):
            found.append(t("versions.adopt_no_punkt"))
        if ikraft_text and ikraft is None:
            found.append(t("versions.adopt_bad_ikraft", text=ikraft_text))
        if found or date is None:
            self._problems(found)
            return
        self.busy = True
        self._problems([t("versions.adopting")], busy=True)
        self._adopt(date, self._value("udvalg"), self._value("punkt"), ikraft)

    @work(thread=True, exclusive=True, group="adopt", exit_on_error=False)
    def _adopt(self, date: dt.date, udvalg: str, punkt: str, ikraft: dt.date | None) -> None:
        from sn_tui.services.errors import CheckFailed

        workspace = self.sn.workspace
        assert workspace is not None, "the versions screen opens after the workspace"
        try:
            tag = workspace.adopt(date=date, udvalg=udvalg, punkt=punkt, ikraft=ikraft)
        except CheckFailed as exc:
            self.post_message(AdoptFailed(str(exc), [f.format() for f in exc.errors]))
            return
        except Exception as exc:
            self.post_message(AdoptFailed(user_sentence(exc), []))
            return
        self.post_message(Adopted(tag))

    def on_adopted(self, message: Adopted) -> None:
        self.dismiss(message.tag)

    def on_adopt_failed(self, message: AdoptFailed) -> None:
        self.busy = False
        self._problems([message.text, *message.errors])

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)
