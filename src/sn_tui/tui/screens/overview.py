"""The overview: every indsats grouped by kategori, with its state; `/` filters as you type."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from sn_tui.domain.danish import format_date
from sn_tui.domain.kategorier import offered
from sn_tui.domain.overview import (
    OverviewRow,
    grouped,
    haystacks,
    matches,
    problem_counts,
    with_haystacks,
    with_problems,
    with_review,
)
from sn_tui.domain.snapshot import Adoption
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.live.link import MainMoved, PresenceChanged, UnsentChanged
from sn_tui.tui.live.rights import RightsChanged
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.indsats_list import IndsatsList
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.text_entry import SnInput
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.domain.entry import Indsats
    from sn_tui.domain.unreadable import Unreadable
    from sn_tui.services.reading import Overview
    from sn_tui.tui.app import ReviewProvider

_NEEDS_REPO = {"open", "new", "rename", "delete", "history", "document", "refresh", "versions"}
_NEEDS_REPO |= {"review_matrix", "review_queue", "import_sources", "people", "deleted", "rounds"}
_WRITES = {"new", "rename", "delete", "import_sources"}
_NEEDS_ROW = {"open", "rename", "delete", "history"}
_UNREADABLE_SHOWN = 3  # lines for files that could not be read, before "and N more"


class Loaded(Message):
    def __init__(
        self,
        rows: list[OverviewRow],
        kommune: str,
        adoption: Adoption | None,
        head: str | None,
        unreadable: tuple[Unreadable, ...] = (),
    ) -> None:
        super().__init__()
        self.rows = rows
        self.kommune = kommune
        self.adoption = adoption
        self.head = head  # the commit of `main` the rows show
        self.unreadable = unreadable  # files the rows leave out


def _loaded(overview: Overview) -> Loaded:
    return Loaded(
        overview.rows, overview.kommune, overview.adoption, overview.head, overview.unreadable
    )


class Indexed(Message):
    """The filter's haystacks, made after the rows were first shown."""

    def __init__(self, haystacks: Mapping[str, str]) -> None:
        super().__init__()
        self.haystacks = haystacks


class Checked(Message):
    def __init__(self, counts: Mapping[str, tuple[int, int]], other: tuple[int, int]) -> None:
        super().__init__()
        self.counts = counts
        self.other = other


class Reviewed(Message):
    def __init__(self, progress: Mapping[str, str]) -> None:
        super().__init__()
        self.progress = progress


class Done(Message):
    """A create or delete finished: a sentence for the user, the commit it made, and an
    indsats to open."""

    def __init__(self, text: str, head: str | None, open_id: str | None = None) -> None:
        super().__init__()
        self.text = text
        self.head = head
        self.open_id = open_id


class Failed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class OverviewScreen(SnScreen[None]):
    """The first screen."""

    CSS_PATH = "overview.tcss"
    KEY_SCOPE: ClassVar[str] = "overview"
    BINDINGS = keys.bindings("overview")
    AUTO_FOCUS = "IndsatsList"

    def __init__(self) -> None:
        super().__init__(id="overview")
        self.rows: list[OverviewRow] = []
        self.kommune = ""
        self.adoption: Adoption | None = None
        self.other_problems: tuple[int, int] | None = None
        self._loaded = False
        self._generation = -1
        self._open_after_load: str | None = None
        self._painted = threading.Event()  # set once loaded rows are on screen
        self._spare_due = False  # the spare editor waits for the first check
        self.head: str | None = None  # the commit of `main` shown, or being read after a save
        self.reloads = 0  # how many times the rows were read (each is a check as well)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Banner(id="banner")
        yield SnInput(placeholder=t("overview.filter_placeholder"), id="filter", compact=True)
        yield Static("", id="unreadable", markup=False)
        yield IndsatsList(id="list")
        yield Static("", id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(IndsatsList).empty_text = t("overview.loading")
        self.title = t("app.title")

    # ------------------------------------------------------------------ loading
    def workspace_ready(self, first: Overview | None = None) -> None:
        """The workspace is open; `first` is `main`'s overview if the app read it already."""
        self.on_rights_changed()
        self.reload(first=first)

    def on_screen_resume(self) -> None:
        if self._loaded:
            self.call_after_refresh(self._make_spare)
        if self._loaded and self._generation != self.sn.generation:
            self.reload()

    def reload(self, open_id: str | None = None, first: Overview | None = None) -> None:
        self.reloads += 1
        self._generation = self.sn.generation
        self._open_after_load = open_id
        self._painted.clear()
        if first is not None:  # shown now: no thread start and hand-over between rows and screen
            self.post_message(_loaded(first))
        self._load(self.sn.review_provider, first)

    # A description of our own: Textual would make one from the arguments, and repr the first
    # overview's 1,000 rows on the UI thread (~8 ms of the start). So for every worker that is
    # handed texts or comparisons.
    @work(
        thread=True, exclusive=True, group="overview-load", exit_on_error=False, description="load"
    )
    def _load(self, review_provider: ReviewProvider | None, first: Overview | None) -> None:
        """Read `main` and show it, unless `first` (what the app read while opening the
        workspace) is shown already; then index the rows for the filter, fill the review
        column, and check."""
        workspace = self.workspace
        overview = first
        if overview is None:
            try:
                overview = workspace.overview()
            except Exception as exc:
                self.post_message(Failed(t("overview.load_failed", detail=str(exc))))
                return
            self.post_message(_loaded(overview))
        head, rows = overview.head, overview.rows
        # The rows are painted before the filter's index, the review column and the check
        # compete with them for the interpreter. The index and the review column share one
        # reading of the entries, which is let go before the check needs its memory.
        self._painted.wait(timeout=2)
        try:
            items = workspace.indsatser_at_commit(head)
            self.post_message(Indexed(haystacks(items)))
        except Exception as exc:
            self.post_message(Failed(t("overview.load_failed", detail=str(exc))))
            return
        self._post_review(review_provider, items)
        del items
        from sn_tui.domain.checks.runner import CheckStopped  # loaded by the check anyway

        worker = get_current_worker()
        try:
            # Stopped when the screen goes, the app quits or a newer load replaces this one: a
            # first check of 1,000 indsatser takes seconds, and quitting waited for it.
            findings = workspace.check(head, stop=lambda: worker.is_cancelled) if head else []
        except CheckStopped:
            return
        except Exception as exc:
            self.post_message(Failed(t("overview.check_failed", detail=str(exc))))
            return
        counts = problem_counts(findings)
        paths = {r.path for r in rows}
        other = [v for p, v in counts.items() if p not in paths]
        self.post_message(Checked(counts, (sum(e for e, _w in other), sum(w for _e, w in other))))

    @work(thread=True, exclusive=True, group="overview-review", exit_on_error=False)
    def _load_review(self, review_provider: ReviewProvider) -> None:
        try:
            items = self.workspace.indsatser("main") if self.workspace.head() else []
        except Exception as exc:
            self.post_message(Failed(t("overview.review_failed", detail=str(exc))))
            return
        self._post_review(review_provider, items)

    def _post_review(self, review_provider: ReviewProvider | None, items: list[Indsats]) -> None:
        """Fill the review column (in a worker thread)."""
        if review_provider is None:
            return
        try:
            progress = review_provider(self.workspace, items)
        except Exception as exc:
            self.post_message(Failed(t("overview.review_failed", detail=user_sentence(exc))))
            return
        self.post_message(Reviewed(dict(progress)))

    def on_reviews_changed(self) -> None:
        """A review was recorded elsewhere: fetch the review column again."""
        if self._loaded and self.sn.review_provider is not None:
            self._load_review(self.sn.review_provider)

    def on_indexed(self, message: Indexed) -> None:
        self.rows = with_haystacks(self.rows, message.haystacks)
        if self.query_one("#filter", Input).value.strip():
            self._show()

    def on_loaded(self, message: Loaded) -> None:
        self.head = message.head
        self.rows = message.rows
        self.kommune = message.kommune
        self.adoption = message.adoption
        self.other_problems = None
        self.sn.kategorier = offered(r.kategori for r in self.rows)
        self._show_unreadable(message.unreadable)
        if self.kommune:
            self.title = t("overview.title", kommune=self.kommune)
        first = not self._loaded
        self._loaded = True
        self._show()
        target, self._open_after_load = self._open_after_load, None
        if target:
            self._open(target)
        self.call_after_refresh(self._shown_loaded, first)

    def _shown_loaded(self, first: bool) -> None:
        """The loaded rows are on screen: say so, then let the worker go on (index, check)."""
        if first:
            self.sn.overview_ready()
            self._spare_due = True
        self._painted.set()

    def _check_done(self) -> None:
        """The first check is over (or failed): the spare editor is made now, not beside it.
        Made while the check ran, the editor's ~3 MB came on top of the check's own peak (+3.9 MB
        of the session's peak resident memory, `bench/startup.py`'s PEAK); made after the check's
        garbage was collected, it takes memory the check gave back."""
        if self._spare_due:
            self._spare_due = False
            self.sn.idle_gc.burst_done()
            self.call_after_refresh(self._make_spare)

    def on_checked(self, message: Checked) -> None:
        self.rows = with_problems(self.rows, message.counts)
        self.other_problems = message.other
        self._show()
        self._check_done()

    def on_reviewed(self, message: Reviewed) -> None:
        self.rows = with_review(self.rows, message.progress)
        self._show()

    def on_unsent_changed(self, _message: UnsentChanged) -> None:
        self._status(len(self._visible_rows()))

    def on_rights_changed(self, _message: RightsChanged | None = None) -> None:
        """Say why the rights are limited (or nothing), as of now."""
        note = self.sn.rights_note()
        banner = self.query_one(Banner)
        if note:
            banner.show(note)
        else:
            banner.hide()
        self.refresh_bindings()

    def on_presence_changed(self, _message: PresenceChanged) -> None:
        self.query_one(IndsatsList).set_presence(self.sn.live.presence)

    def on_main_moved(self, message: MainMoved) -> None:
        # Not again for a commit this screen made itself and is already reading (or read).
        if self._loaded and self.is_current and message.move.new != self.head:
            self.reload()

    def on_failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error", markup=False)
        if self._loaded:
            self._check_done()

    def on_done(self, message: Done) -> None:
        self.notify(message.text, markup=False)
        self.sn.committed()
        self.head = message.head
        self.reload(open_id=message.open_id)

    # ------------------------------------------------------------------ showing
    def _visible_rows(self) -> list[OverviewRow]:
        query = self.query_one("#filter", Input).value
        return [r for r in self.rows if matches(r, query)] if query.strip() else self.rows

    def _show(self) -> None:
        listing = self.query_one(IndsatsList)
        rows = self._visible_rows()
        listing.empty_text = t("overview.no_match") if self.rows else t("overview.empty")
        listing.set_lines(grouped(rows), keep=listing.current_id)
        self._status(len(rows))

    def _show_unreadable(self, problems: tuple[Unreadable, ...]) -> None:
        """A line for each file the list leaves out (the first few, then how many more)."""
        lines = [
            t("badfiles.overview_row", path=u.path, line=u.line, reason=u.message)
            for u in problems[:_UNREADABLE_SHOWN]
        ]
        if len(problems) > _UNREADABLE_SHOWN:
            lines.append(t("badfiles.overview_more", count=len(problems) - _UNREADABLE_SHOWN))
        shown = self.query_one("#unreadable", Static)
        shown.update(plain("\n".join(lines)))
        shown.display = bool(lines)

    def _status(self, shown: int) -> None:
        parts = [
            t("overview.count", count=len(self.rows))
            if shown == len(self.rows)
            else t("overview.count_filtered", shown=shown, count=len(self.rows))
        ]
        if self.adoption is not None:
            parts.append(
                t(
                    "overview.last_adopted",
                    tag=self.adoption.tag,
                    date=format_date(self.adoption.date),
                )
            )
        elif self._loaded:
            parts.append(t("overview.never_adopted"))
        if self.other_problems is None:
            parts.append(t("overview.checking"))
        elif any(self.other_problems):
            errors, warnings = self.other_problems
            parts.append(
                t(
                    "overview.other_problems",
                    errors=t("overview.errors", count=errors),
                    warnings=t("overview.warnings", count=warnings),
                )
            )
        if self.sn.live.unsent:
            parts.append(t("remote.unsent", count=self.sn.live.unsent))
        self.query_one("#status", Static).update(plain(" · ".join(parts)))

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one(IndsatsList).focus()

    @on(IndsatsList.Chosen)
    def _chosen(self, message: IndsatsList.Chosen) -> None:
        self._open(message.indsats_id)

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "sync":
            return self.sn.live.can_sync  # hidden without a remote
        if action in _NEEDS_REPO and not self._loaded:
            return None
        if action in _WRITES and self.sn.read_only:
            return None
        if action in _NEEDS_ROW and self._current() is None:
            return None
        return True

    def _current(self) -> OverviewRow | None:
        current = self.query_one(IndsatsList).current_id
        return next((r for r in self.rows if r.id == current), None)

    def on_indsats_list_highlighted(self) -> None:
        self.refresh_bindings()

    def _open(self, indsats_id: str | None, *, focus_titel: bool = False) -> None:
        """The editor on `indsats_id` (None: the serviceniveau document). `EditTarget` is
        imported here: the first paint makes none (the spare editor loads it after)."""
        from sn_tui.tui.screens.indsats.spare import open_editor
        from sn_tui.tui.targets import EditTarget

        open_editor(self.sn, EditTarget(indsats_id), focus_titel=focus_titel)

    def _make_spare(self) -> None:
        """The next editor, made while the user reads the rows (`indsats/spare.py`)."""
        from sn_tui.tui.screens.indsats.spare import make_spare

        if self.is_current:
            make_spare(self.sn)

    def action_open(self) -> None:
        row = self._current()
        if row is not None:
            self._open(row.id)

    def action_rename(self) -> None:
        row = self._current()
        if row is not None:
            self._open(row.id, focus_titel=True)

    def action_document(self) -> None:
        self._open(None)

    def action_history(self) -> None:
        from sn_tui.tui.screens.indsats.history import HistoryScreen
        from sn_tui.tui.targets import EditTarget

        row = self._current()
        if row is not None:
            self.app.push_screen(HistoryScreen(EditTarget(row.id), row.titel))

    def action_versions(self) -> None:
        from sn_tui.tui.screens.versions.versions import VersionsScreen

        self.app.push_screen(VersionsScreen())

    def action_review_matrix(self) -> None:
        from sn_tui.tui.screens.review.review_matrix import ReviewMatrixScreen

        self.app.push_screen(ReviewMatrixScreen())

    def action_review_queue(self) -> None:
        from sn_tui.tui.screens.review.review_queue import ReviewQueueScreen

        self.app.push_screen(ReviewQueueScreen())

    def action_datagrundlag(self) -> None:
        from sn_tui.tui.screens.datagrundlag.datagrundlag import DatagrundlagScreen

        self.app.push_screen(DatagrundlagScreen())

    def action_import_sources(self) -> None:
        from sn_tui.tui.screens.importing.import_screen import ImportScreen

        def imported(commit: str | None) -> None:
            if commit is not None:
                self.reload()

        self.app.push_screen(ImportScreen(), imported)

    def action_people(self) -> None:
        from sn_tui.tui.screens.people.people_screen import PeopleScreen

        self.app.push_screen(PeopleScreen())

    def action_rounds(self) -> None:
        from sn_tui.tui.screens.people.rounds import RoundsScreen

        self.app.push_screen(RoundsScreen())

    def action_deleted(self) -> None:
        from sn_tui.tui.screens.people.deleted_screen import DeletedScreen

        self.app.push_screen(DeletedScreen())

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        self.set_focus(field)

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        if field.value:
            field.value = ""
        self.set_focus(self.query_one(IndsatsList))

    def action_refresh(self) -> None:
        self.reload()

    def action_sync(self) -> None:
        self.sn.live.sync_now()

    def action_new(self) -> None:
        from sn_tui.tui.screens.indsats.new_indsats import NewIndsats, NewIndsatsScreen

        def created(request: NewIndsats | None) -> None:
            if request is not None:
                self._create(request)

        from sn_tui.domain.rights import may_decide_review

        known = {r.id for r in self.rows}
        person = self.sn.person
        choosing = person is not None and may_decide_review(person.roller)
        self.app.push_screen(
            NewIndsatsScreen(known, self.sn.kategorier, self.sn.groups if choosing else ()),
            created,
        )

    @work(thread=True, group="overview-write", exit_on_error=False)
    def _create(self, request: object) -> None:
        from sn_tui.tui.screens.indsats.new_indsats import NewIndsats

        assert isinstance(request, NewIndsats)
        try:
            result = self.workspace.create_indsats(
                request.id, request.titel, request.kategori, request.faggrupper
            )
        except Exception as exc:
            self.post_message(Failed(user_sentence(exc)))
            return
        text = t("overview.created", titel=request.titel)
        self.post_message(Done(text, result.commit, request.id))

    def action_delete(self) -> None:
        from sn_tui.tui.screens.dialogs.confirm import ConfirmScreen

        row = self._current()
        if row is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(row.id, row.titel)

        self.app.push_screen(
            ConfirmScreen(t("overview.delete_question", titel=row.titel), t("keys.delete")),
            confirmed,
        )

    @work(thread=True, group="overview-write", exit_on_error=False)
    def _delete(self, indsats_id: str, titel: str) -> None:
        try:
            result = self.workspace.delete_indsats(indsats_id)
        except Exception as exc:
            self.post_message(Failed(user_sentence(exc)))
            return
        self.post_message(Done(t("overview.deleted", titel=titel), result.commit))
