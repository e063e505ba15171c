"""Adopting the draft: date, udvalg, dagsordenpunkt and an optional ikrafttræden.

The dialog shows first what would be adopted (the review summary of `sn-tui adopt`: how many
indsatser are klar, which are not and why, or that this commit is adopted already) and asks
for an explicit yes before it acts. It calls the same `Workspace.adopt` as `sn-tui adopt` (same
rights, same check gate) and stays open while it runs; a refusal is shown in the dialog with
the check's errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

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

if TYPE_CHECKING:
    from sn_tui.services.adoption_summary import AdoptionSummary

_ORDER = ("date", "udvalg", "punkt", "ikraft")


class SummaryLoaded(Message):
    def __init__(self, summary: AdoptionSummary | None, text: str) -> None:
        super().__init__()
        self.summary = summary
        self.text = text


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
        self.summary: AdoptionSummary | None = None
        self._summary_failed: str | None = None  # why the summary could not be read
        self._waiting: tuple[dt.date, str, str, dt.date | None] | None = None  # ok before summary

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("versions.adopt_question"), classes="question")
            yield Static(t("guard.adopt_summary_loading"), id="summary", markup=False)
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
        self._load_summary()

    @work(thread=True, exclusive=True, group="adopt-summary", exit_on_error=False)
    def _load_summary(self) -> None:
        workspace = self.sn.workspace
        assert workspace is not None, "the versions screen opens after the workspace"
        try:
            summary = workspace.adoption_summary()
        except Exception as exc:
            self.post_message(SummaryLoaded(None, user_sentence(exc)))
            return
        self.post_message(SummaryLoaded(summary, "\n".join(summary.lines())))

    def on_summary_loaded(self, message: SummaryLoaded) -> None:
        self.summary = message.summary
        self._summary_failed = None if message.summary is not None else message.text
        self.query_one("#summary", Static).update(plain(message.text))
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._confirm(*waiting)

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
        self._problems([])
        values = (date, self._value("udvalg"), self._value("punkt"), ikraft)
        if self.summary is None and self._summary_failed is None:
            self._waiting = values  # asked as soon as the summary is there
            return
        self._confirm(*values)

    def _confirm(self, date: dt.date, udvalg: str, punkt: str, ikraft: dt.date | None) -> None:
        """The explicit yes, with the summary in the question; a commit adopted already is
        refused here without asking."""
        from sn_tui.services.adoption_summary import already_adopted
        from sn_tui.tui.screens.dialogs.confirm import ConfirmScreen

        summary = self.summary
        if summary is None:  # nothing is adopted without the summary shown first
            self._problems([self._summary_failed or ""])
            return
        if summary.adopted_as:
            self._problems([str(already_adopted(summary.adopted_as))])
            return

        def chosen(yes: bool | None) -> None:
            if yes:
                self.busy = True
                self._problems([t("versions.adopting")], busy=True)
                self._adopt(date, udvalg, punkt, ikraft)

        question = t("guard.adopt_confirm_question", summary="\n".join(summary.lines()))
        self.app.push_screen(ConfirmScreen(question, t("guard.adopt_confirm")), chosen)

    @work(thread=True, exclusive=True, group="adopt", exit_on_error=False)
    def _adopt(self, date: dt.date, udvalg: str, punkt: str, ikraft: dt.date | None) -> None:
        from sn_tui.services.errors import CheckFailed

        workspace = self.sn.workspace
        assert workspace is not None, "the versions screen opens after the workspace"
        try:
            tag = workspace.adopt(
                date=date, udvalg=udvalg, punkt=punkt, ikraft=ikraft, confirmed=True
            )
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
