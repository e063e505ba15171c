"""Høringsrunder in the TUI: every round with its deadline and progress; a godkender or admin
starts one (name, deadline, faggrupper, indsatser — by default those not klar), gives it a new
deadline or closes it. `enter` opens the review matrix, which shows the open round's scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Label, SelectionList, Static

from sn_tui.domain.danish import format_date, parse_date
from sn_tui.domain.rights import may_decide_review
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.screens.people.changing import ChangingScreen, Done
from sn_tui.tui.screens.people.forms import CHOICES_CSS
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.text_entry import SnInput
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.domain.entry import Faggruppe, Indsats
    from sn_tui.domain.reviews.rounds import RoundStatus

DEFAULT_DAYS = 14  # a new round's deadline, two weeks from today, until the user changes it


@dataclass(frozen=True)
class RoundRequest:
    name: str
    deadline: dt.date
    groups: list[str]
    indsatser: list[str]


class StartRoundForm(SnDialog[RoundRequest | None]):
    DEFAULT_CSS = CHOICES_CSS
    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(
        self, groups: list[Faggruppe], indsatser: list[Indsats], not_klar: list[str]
    ) -> None:
        super().__init__()
        self.groups, self.indsatser, self.not_klar = groups, indsatser, set(not_klar)

    def compose(self) -> ComposeResult:
        deadline = dt.date.today() + dt.timedelta(days=DEFAULT_DAYS)
        with Vertical(classes="dialog"):
            yield Static(t("people.round_form"), classes="question")
            yield Label(t("people.round_name"))
            yield SnInput(id="name", compact=True)
            yield Label(t("people.round_deadline"))
            yield SnInput(deadline.isoformat(), id="deadline", compact=True)
            yield Label(t("people.form_groups"))
            yield SelectionList[str](*[(g.navn, g.id, True) for g in self.groups], id="groups")
            yield Label(t("people.round_indsatser"))
            yield SelectionList[str](
                *[(i.titel or i.id, i.id, i.id in self.not_klar) for i in self.indsatser],
                id="indsatser",
            )
            yield Static("", id="problems", markup=False)
            yield Static(t("people.form_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#problems", Static).display = False
        self.query_one("#name", Input).focus()

    def action_ok(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        deadline = parse_date(self.query_one("#deadline", Input).value)
        problem = None
        if not name:
            problem = t("review.round_name_empty")
        elif deadline is None:
            problem = t("people.round_bad_date")
        if problem or deadline is None:
            box = self.query_one("#problems", Static)
            box.update(plain(problem or ""))
            box.display = True
            return
        groups = list(self.query_one("#groups", SelectionList).selected)
        chosen = list(self.query_one("#indsatser", SelectionList).selected)
        self.dismiss(RoundRequest(name, deadline, groups, chosen))

    def on_input_submitted(self) -> None:
        self.action_ok()

    def action_cancel(self) -> None:
        self.dismiss(None)


class DeadlineForm(SnDialog[dt.date | None]):
    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, name: str, deadline: dt.date) -> None:
        super().__init__()
        self.round_name, self.deadline = name, deadline

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                plain(t("people.round_new_deadline", name=self.round_name)), classes="question"
            )
            yield SnInput(self.deadline.isoformat(), id="deadline", compact=True)
            yield Static("", id="problems", markup=False)
            yield Static(t("people.form_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#problems", Static).display = False
        self.query_one(Input).focus()

    def on_input_submitted(self) -> None:
        self.action_ok()

    def action_ok(self) -> None:
        chosen = parse_date(self.query_one(Input).value)
        if chosen is None:
            box = self.query_one("#problems", Static)
            box.update(t("people.round_bad_date"))
            box.display = True
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_rounds_text(found: list[RoundStatus]) -> str:
    items = [
        t(
            "people.open_round_item",
            name=s.round.name,
            deadline=format_date(s.round.deadline),
            klar=s.klar_count,
            total=s.indsats_count,
        )
        for s in found
    ]
    return t("people.open_rounds", count=len(found), rounds="; ".join(items))


class RoundsLoaded(Message):
    def __init__(self, rounds: list[RoundStatus]) -> None:
        super().__init__()
        self.rounds = rounds


class RoundsScreen(ChangingScreen):
    CSS_PATH = "people_screen.tcss"
    COMMITS: ClassVar[bool] = False  # rounds live in the review database
    KEY_SCOPE: ClassVar[str] = "rounds"
    BINDINGS = keys.bindings("rounds")
    AUTO_FOCUS = "DataTable"

    def __init__(self) -> None:
        super().__init__()
        self.rounds: list[RoundStatus] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("review.loading"), id="intro", markup=False)
        yield DataTable(cursor_type="row", id="rounds")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("people.rounds_title")
        table = self.query_one(DataTable)
        for key in ("name", "deadline", "state", "klar"):
            table.add_column(t(f"people.round_col_{key}"), key=key)
        self._load()

    def _steering(self) -> bool:
        return self.sn.person is not None and may_decide_review(self.sn.person.roller)

    @work(thread=True, exclusive=True, group="rounds-load", exit_on_error=False)
    def _load(self) -> None:
        reviews = self.workspace.reviews
        try:
            found = [reviews.round_status(r.name) for r in reviews.list_rounds()]
        except Exception as exc:
            self._load_failed(exc)
            return
        self.post_message(RoundsLoaded(found))

    def on_rounds_loaded(self, message: RoundsLoaded) -> None:
        self.rounds = message.rounds
        table = self.query_one(DataTable)
        table.clear()
        for s in self.rounds:
            r = s.round
            state = t("people.round_open") if r.is_open else t("people.round_closed")
            if r.is_open and s.past_deadline:
                state = t("people.round_overdue")
            klar = t("people.round_klar", klar=s.klar_count, total=s.indsats_count)
            table.add_row(visible(r.name), format_date(r.deadline), state, klar, key=str(r.id))
        intro = t("people.rounds_intro") if self.rounds else t("people.rounds_none")
        self.query_one("#intro", Static).update(plain(intro))
        self.refresh_bindings()

    def _current(self) -> RoundStatus | None:
        row = self.query_one(DataTable).cursor_row
        return self.rounds[row] if 0 <= row < len(self.rounds) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("start", "extend", "close"):
            if not self._steering():
                return None
            current = self._current()
            if action != "start" and (current is None or not current.round.is_open):
                return None
        return True

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        from sn_tui.tui.screens.review.review_matrix import ReviewMatrixScreen

        self.app.push_screen(ReviewMatrixScreen())

    @work(thread=True, exclusive=True, group="rounds-form", exit_on_error=False)
    def action_start(self) -> None:
        workspace = self.workspace
        try:
            items = workspace.indsatser("main") if workspace.head() else []
            not_klar = workspace.reviews.not_klar()
        except Exception as exc:
            self.post_message(Done(user_sentence(exc), failed=True))
            return
        self.app.call_from_thread(self._ask_start, items, not_klar)

    def _ask_start(self, items: list[Indsats], not_klar: list[str]) -> None:
        def chosen(request: RoundRequest | None) -> None:
            if request is None:
                return
            self._write(
                lambda ws: ws.reviews.start_round(
                    request.name,
                    request.deadline,
                    request.groups or None,
                    request.indsatser or None,
                ),
                t(
                    "cli.review.round_started",
                    name=request.name,
                    deadline=format_date(request.deadline),
                ),
            )

        self.app.push_screen(StartRoundForm(list(self.sn.groups), items, not_klar), chosen)

    def action_extend(self) -> None:
        current = self._current()
        if current is None:
            return
        name = current.round.name

        def chosen(deadline: dt.date | None) -> None:
            if deadline is not None:
                self._write(
                    lambda ws: ws.reviews.extend_round(name, deadline),
                    t("people.round_extended", name=name, deadline=format_date(deadline)),
                )

        self.app.push_screen(DeadlineForm(name, current.round.deadline), chosen)

    def action_close(self) -> None:
        from sn_tui.tui.screens.dialogs.confirm import ConfirmScreen

        current = self._current()
        if current is None:
            return
        name = current.round.name

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._write(
                    lambda ws: ws.reviews.close_round(name), t("cli.review.round_closed", name=name)
                )

        question = t("people.round_close_question", name=name)
        self.app.push_screen(ConfirmScreen(question, t("people.key_round_close")), confirmed)

    def action_back(self) -> None:
        self.dismiss()
