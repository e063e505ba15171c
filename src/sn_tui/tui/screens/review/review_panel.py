"""The review panel over an indsats: each required faggruppe's status, earlier reviews, what
changed since a stale approval, and approve / request changes / comment for one's own groups.

Rights are the review service's: a refused review (not a member, read-only login, own text) is
shown as the service's one Danish sentence. Reading and recording run in workers; a recorded
review is announced to every open screen, this one included, which fetch their status again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from sn_tui.domain.danish import format_date
from sn_tui.domain.reviews.records import Status, Verdict
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.review_common import (
    STATUS_STYLES,
    ReviewsChanged,
    announce_reviews_changed,
    group_name,
    meta_text,
    ops_text,
    status_symbol,
    status_word,
    verdict_word,
)
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.text_entry import SnInput

if TYPE_CHECKING:
    import datetime as dt

    from sn_tui.domain.reviews.matrix import Cell
    from sn_tui.domain.reviews.records import Review
    from sn_tui.services.reviews import IndsatsReviews


class PanelLoaded(Message):
    def __init__(self, data: IndsatsReviews, names: dict[str, str], mine: tuple[str, ...]) -> None:
        super().__init__()
        self.data = data
        self.names = names  # login -> navn, from adgang.yml
        self.mine = mine  # the logged-in person's faggrupper


class PanelFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ReviewSaved(Message):
    def __init__(self, verdict: Verdict, group: str) -> None:
        super().__init__()
        self.verdict = verdict
        self.group = group


class ReviewNotSaved(Message):
    """A refusal or failure; `needs_comment` when only the comment was missing."""

    def __init__(self, text: str, verdict: Verdict, needs_comment: bool) -> None:
        super().__init__()
        self.text = text
        self.verdict = verdict
        self.needs_comment = needs_comment


def when(moment: dt.datetime) -> str:
    local = moment.astimezone()
    return t("history.when", date=format_date(local), time=local.strftime("%H.%M"))


class ReviewPanel(SnDialog[None]):
    """Docked to the right over the editor; escape closes it."""

    CSS_PATH = "review_panel.tcss"
    KEY_SCOPE: ClassVar[str] = "review"
    BINDINGS = keys.bindings("review")
    AUTO_FOCUS = "#groups"

    def __init__(self, indsats_id: str, group: str | None = None, *, unsaved: bool = False) -> None:
        super().__init__()
        self.indsats_id = indsats_id
        self.wanted_group = group
        self.unsaved = unsaved
        self.data: IndsatsReviews | None = None
        self.names: dict[str, str] = {}
        self.mine: tuple[str, ...] = ()
        self.saving = False
        self.pending: Verdict | None = None  # waits for the comment to be written

    def compose(self) -> ComposeResult:
        with Vertical(id="panel"):
            yield Static(plain(t("review.panel_title", titel=self.indsats_id)), id="panel-title")
            yield Static("", id="panel-note", markup=False)
            yield DataTable(cursor_type="row", zebra_stripes=False, id="groups")
            with VerticalScroll(id="details"):
                yield Static(t("review.loading"), id="details-text", markup=False)
            yield SnInput(placeholder=t("review.comment_placeholder"), id="comment", compact=True)
            yield Static("", id="panel-message", markup=False)
            yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#groups", DataTable)
        table.add_column(" ", key="symbol")
        table.add_column(t("review.col_group"), key="group")
        table.add_column(t("review.col_status"), key="status")
        self._load()

    # ------------------------------------------------------------------ loading
    @work(thread=True, exclusive=True, group="review-panel-load", exit_on_error=False)
    def _load(self) -> None:
        workspace = self.sn.workspace
        assert workspace is not None
        try:
            data = workspace.reviews.of_indsats(self.indsats_id)
            adgang = workspace.adgang()
        except Exception as exc:
            self.post_message(PanelFailed(user_sentence(exc)))
            return
        person = adgang.person(workspace.login)
        names = {login: p.navn for login, p in adgang.personer.items()}
        self.post_message(PanelLoaded(data, names, person.faggrupper if person else ()))

    def on_panel_loaded(self, message: PanelLoaded) -> None:
        table = self.query_one("#groups", DataTable)
        current = self.current_group() or self.wanted_group
        self.data = message.data
        self.names = message.names
        self.mine = message.mine
        self.query_one("#panel-title", Static).update(
            plain(t("review.panel_title", titel=message.data.indsats.titel or self.indsats_id))
        )
        self._show_note()
        table.clear()
        for cell in message.data.cells:
            table.add_row(
                Text(status_symbol(cell.status), style=STATUS_STYLES[cell.status]),
                Text(visible(group_name(self.sn.groups, cell.group))),
                Text(status_word(cell.status), style=STATUS_STYLES[cell.status]),
                key=cell.group,
            )
        groups = [c.group for c in message.data.cells]
        mine = [g for g in groups if g in self.mine]
        chosen = current if current in groups else next(iter(mine or groups), None)
        if chosen is not None:
            table.move_cursor(row=groups.index(chosen), animate=False)
        self._show_details()
        self.refresh_bindings()

    def on_panel_failed(self, message: PanelFailed) -> None:
        self.query_one("#details-text", Static).update(plain(message.text))

    def on_reviews_changed(self, _message: ReviewsChanged) -> None:
        self._load()

    # ------------------------------------------------------------------ showing
    def _show_note(self) -> None:
        assert self.data is not None
        required = self.data.indsats.faggrupper
        mine = [group_name(self.sn.groups, g) for g in required if g in self.mine]
        parts: list[str] = []
        if self.sn.read_only:
            login = self.sn.workspace.login if self.sn.workspace else "?"
            parts.append(t("review.note_read_only", login=login))
        elif not required:
            parts.append(t("review.note_no_groups"))
        elif mine:
            parts.append(t("review.note_yours", groups=", ".join(mine)))
        else:
            parts.append(t("review.note_not_member"))
        if self.unsaved:
            parts.append(t("review.note_unsaved"))
        self.query_one("#panel-note", Static).update(plain(" ".join(parts)))

    def _review(self, review_id: int | None) -> Review | None:
        if self.data is None or review_id is None:
            return None
        return next((r for r in self.data.history if r.id == review_id), None)

    def _who(self, review: Review) -> str:
        return visible(self.names.get(review.login, review.login))

    def current_group(self) -> str | None:
        if self.data is None or not self.data.cells:
            return None
        row = self.query_one("#groups", DataTable).cursor_row
        return self.data.cells[min(max(row, 0), len(self.data.cells) - 1)].group

    def _current_cell(self) -> Cell | None:
        group = self.current_group()
        if self.data is None or group is None:
            return None
        return next(c for c in self.data.cells if c.group == group)

    @on(DataTable.RowHighlighted, "#groups")
    def _highlighted(self) -> None:
        self._show_details()

    def _show_details(self) -> None:
        out = Text()
        cell = self._current_cell()
        if self.data is not None and not self.data.cells:
            out.append(t("review.no_groups") + "\n")
        if cell is not None:
            self._cell_details(cell, out)
        self._history(out)
        self.query_one("#details-text", Static).update(out)

    def _cell_details(self, cell: Cell, out: Text) -> None:
        assert self.data is not None
        name = group_name(self.sn.groups, cell.group)
        heading = t("review.details_heading", group=name, status=status_word(cell.status))
        out.append(visible(heading) + "\n", style="bold")
        decided = self._review(cell.decision.review_id if cell.decision else None)
        if cell.status is Status.PENDING:
            out.append(t("review.details_pending", group=visible(name)) + "\n")
        elif decided is not None and cell.status is Status.CHANGES_REQUESTED:
            out.append(self._said(decided) + "\n")
            if cell.changed_since_decision:
                out.append(t("review.details_changed_since") + "\n", style="italic")
        elif decided is not None and cell.status is Status.APPROVED:
            out.append(self._said(decided) + "\n")
        if cell.status is Status.STALE:
            self._since(cell.group, out)

    def _said(self, review: Review) -> str:
        text = t(
            "review.said",
            verdict=verdict_word(review.verdict),
            who=self._who(review),
            when=when(review.created_at),
        )
        return visible(f"{text}: {review.comment}" if review.comment else text)

    def _since(self, group: str, out: Text) -> None:
        assert self.data is not None
        since = self.data.since.get(group)
        if since is None or since.review is None:
            return
        heading = t(
            "review.since_heading", who=self._who(since.review), when=when(since.review.created_at)
        )
        out.append(heading + "\n")
        if since.approved is None:
            out.append(t("review.since_unreadable") + "\n", style="italic")
            return
        if not since.changes and not since.meta:
            out.append(t("review.since_nothing") + "\n", style="italic")
        markers = self.app.no_color
        for meta in since.meta:
            out.append(t("review.since_meta") + " ", style="bold")
            out.append(meta_text(meta) + "\n")
        for change in since.changes:
            out.append("\n" + visible(change.name) + "\n", style="bold")
            out.append_text(ops_text(change.ops, markers=markers))
            out.append("\n")

    def _history(self, out: Text) -> None:
        if self.data is None:
            return
        out.append("\n" + t("review.history_heading") + "\n", style="bold")
        if not self.data.history:
            out.append(t("review.history_empty") + "\n", style="italic")
        today = self.data.indsats.blob
        for review in self.data.history:
            line = t(
                "review.history_line",
                when=when(review.created_at),
                group=group_name(self.sn.groups, review.faggruppe),
                who=self._who(review),
                verdict=verdict_word(review.verdict),
            )
            out.append(visible(line))
            if review.comment:
                out.append(visible(f": {review.comment}"))
            if review.blob != today:
                out.append(" " + t("review.history_older_text"), style="dim")
            out.append("\n")

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#panel-message", Static)
        message.set_class(error, "-error")
        message.update(plain(text))

    # ------------------------------------------------------------------ recording
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("approve", "request_changes", "comment") and not self._can_record():
            return None
        return True

    def _can_record(self) -> bool:
        return self.data is not None and bool(self.data.cells)

    def action_approve(self) -> None:
        self._record(Verdict.APPROVED)

    def action_request_changes(self) -> None:
        self._record(Verdict.CHANGES_REQUESTED)

    def action_comment(self) -> None:
        self._record(Verdict.COMMENT)

    def _record(self, verdict: Verdict) -> None:
        group = self.current_group()
        if group is None or not self._can_record():
            return
        if self.saving:
            self._say(t("review.busy"))
            return
        self.saving = True
        self.pending = None
        self._save(verdict, group, self.query_one("#comment", Input).value)

    @work(thread=True, group="review-panel-save", exit_on_error=False)
    def _save(self, verdict: Verdict, group: str, comment: str) -> None:
        from sn_tui.domain.reviews.errors import CommentRequired

        workspace = self.sn.workspace
        assert workspace is not None
        try:
            workspace.reviews.record(self.indsats_id, group, verdict, comment)
        except CommentRequired as exc:
            self.post_message(ReviewNotSaved(str(exc), verdict, needs_comment=True))
            return
        except Exception as exc:
            self.post_message(ReviewNotSaved(user_sentence(exc), verdict, needs_comment=False))
            return
        self.post_message(ReviewSaved(verdict, group))

    def on_review_saved(self, message: ReviewSaved) -> None:
        self.saving = False
        self.query_one("#comment", Input).value = ""
        name = group_name(self.sn.groups, message.group)
        text = t(f"review.saved_{message.verdict.value}", group=name)
        self._say(text)
        self.notify(text, markup=False)
        self.query_one("#groups", DataTable).focus()
        announce_reviews_changed(self.app)

    def on_review_not_saved(self, message: ReviewNotSaved) -> None:
        self.saving = False
        if not message.needs_comment:
            self._say(message.text, error=True)
            return
        self.pending = message.verdict
        self._say(f"{message.text} {t('review.enter_saves')}", error=True)
        self.query_one("#comment", Input).focus()

    @on(Input.Submitted, "#comment")
    def _comment_submitted(self) -> None:
        self._record(self.pending or Verdict.COMMENT)

    def action_back(self) -> None:
        comment = self.query_one("#comment", Input)
        if comment.has_focus:
            self.pending = None
            self.query_one("#groups", DataTable).focus()
            return
        self.dismiss()
