"""The history of one indsats: its commits, newest first; open a version or see what changed."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from sn_tui.domain.danish import format_date
from sn_tui.domain.history import CommitInfo
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.targets import EditTarget
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar


def when(commit: CommitInfo) -> str:
    """ "2. marts 2026 kl. 10.00" in the commit's own time zone."""
    return t("history.when", date=format_date(commit.date), time=commit.date.strftime("%H.%M"))


class HistoryLoaded(Message):
    def __init__(self, commits: list[CommitInfo]) -> None:
        super().__init__()
        self.commits = commits


class HistoryFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class HistoryScreen(SnScreen[None]):
    """A table of commits that touched the file."""

    CSS_PATH = "history.tcss"
    KEY_SCOPE: ClassVar[str] = "history"
    BINDINGS = keys.bindings("history")
    AUTO_FOCUS = "DataTable"

    def __init__(self, target: EditTarget, titel: str) -> None:
        super().__init__()
        self.target = target
        self.titel = titel
        self.commits: list[CommitInfo] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Banner(id="banner")
        yield Static(t("history.intro"), id="intro")
        yield DataTable(cursor_type="row", zebra_stripes=False, id="commits")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("history.title", titel=visible(self.titel))
        table = self.query_one(DataTable)
        table.add_column(t("history.col_date"), key="date")
        table.add_column(t("history.col_author"), key="author")
        table.add_column(t("history.col_message"), key="message")
        self.query_one(Banner).show(t("history.loading"))
        self._load()

    @work(thread=True, exclusive=True, group="history-load", exit_on_error=False)
    def _load(self) -> None:
        try:
            commits = self.workspace.file_history(self.target.path)
        except Exception as exc:
            self.post_message(HistoryFailed(user_sentence(exc)))
            return
        self.post_message(HistoryLoaded(commits))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        self.commits = message.commits
        table = self.query_one(DataTable)
        for commit in self.commits:
            table.add_row(
                Text(when(commit)),
                Text(visible(commit.author)),
                Text(visible(commit.subject)),
                key=commit.commit,
            )
        banner = self.query_one(Banner)
        if self.commits:
            banner.hide()
        else:
            banner.show(t("history.empty"))
        self.refresh_bindings()

    def on_history_failed(self, message: HistoryFailed) -> None:
        self.query_one(Banner).show(message.text)

    def current(self) -> CommitInfo | None:
        table = self.query_one(DataTable)
        if not self.commits or table.cursor_row < 0:
            return None
        return self.commits[min(table.cursor_row, len(self.commits) - 1)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("changes", "open_version") and not self.commits:
            return None
        if action == "revert" and (
            not self.commits or self.target.is_document or self.sn.read_only
        ):
            return None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_changes()

    def action_changes(self) -> None:
        from sn_tui.tui.screens.indsats.changes import ChangesScreen

        commit = self.current()
        if commit is not None:
            self.app.push_screen(ChangesScreen(self.target, self.titel, commit))

    def action_open_version(self) -> None:
        commit = self.current()
        if commit is not None:
            open_version(self, self.target, commit)

    def action_revert(self) -> None:
        from sn_tui.tui.screens.people.revert import start_revert

        commit = self.current()
        if commit is not None and self.target.indsats_id is not None and not self.sn.read_only:
            label = t("history.version_label", when=when(commit), author=visible(commit.author))
            start_revert(self, self.target.indsats_id, commit.commit, label)

    def action_back(self) -> None:
        self.dismiss()


def open_version(screen: SnScreen[None], target: EditTarget, commit: CommitInfo) -> None:
    """Open the file as it was after `commit`, read-only."""
    from sn_tui.tui.screens.indsats.editor import EditorScreen

    label = t("history.version_label", when=when(commit), author=visible(commit.author))
    screen.app.push_screen(EditorScreen(target, revision=commit.commit, revision_label=label))
