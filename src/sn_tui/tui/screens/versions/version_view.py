"""The whole serviceniveau as it stood at one version, read-only: its indsatser by kategori.

Enter opens an indsats and `f` the Forord and Principper in the editor, read-only at that
version (the same read-only view the history opens).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from sn_tui.domain.overview import OverviewRow, build_rows, grouped, with_problems
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.left_out import left_out_line
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.targets import EditTarget
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.indsats_list import IndsatsList
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar


class VersionLoaded(Message):
    def __init__(
        self, commit: str, rows: list[OverviewRow], kommune: str, left_out: str = ""
    ) -> None:
        super().__init__()
        self.commit = commit
        self.rows = rows
        self.kommune = kommune
        self.left_out = left_out  # a sentence on the files that could not be read, if any


class VersionFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class VersionViewScreen(SnScreen[None]):
    """`name` is a tag or `main`; `label` is how the banner and the editor name it."""

    CSS_PATH = "version_view.tcss"
    KEY_SCOPE: ClassVar[str] = "version_view"
    BINDINGS = keys.bindings("version_view")
    AUTO_FOCUS = "IndsatsList"

    def __init__(self, name: str, label: str) -> None:
        super().__init__()
        self.version = name
        self.label = label
        self.commit: str | None = None
        self.rows: list[OverviewRow] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Banner(id="banner")
        yield IndsatsList(id="list")
        yield Static("", id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("versions.view_title", version=self.label)
        self.query_one(Banner).show(t("versions.view_banner", version=self.label))
        self.query_one(IndsatsList).empty_text = t("overview.loading")
        self._load()

    @work(thread=True, exclusive=True, group="version-view-load", exit_on_error=False)
    def _load(self) -> None:
        try:
            snapshot = self.workspace.snapshot(self.version)
        except Exception as exc:
            self.post_message(VersionFailed(user_sentence(exc)))
            return
        rows = with_problems(build_rows(snapshot.indsatser.values(), None), {})
        kommune = snapshot.serviceniveau.kommune if snapshot.serviceniveau else ""
        left_out = left_out_line(snapshot.unreadable)
        self.post_message(VersionLoaded(snapshot.revision.commit, rows, kommune, left_out))

    def on_version_loaded(self, message: VersionLoaded) -> None:
        self.commit = message.commit
        self.rows = message.rows
        listing = self.query_one(IndsatsList)
        listing.empty_text = t("versions.view_empty")
        listing.set_lines(grouped(self.rows))
        if message.kommune:
            self.title = t(
                "versions.view_title_kommune", version=self.label, kommune=message.kommune
            )
        count = t("overview.count", count=len(self.rows))
        shown = f"{count} · {message.left_out}" if message.left_out else count
        self.query_one("#status", Static).update(plain(shown))
        self.refresh_bindings()

    def on_version_failed(self, message: VersionFailed) -> None:
        self.query_one(Banner).show(message.text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "document") and self.commit is None:
            return None
        return True

    def _open(self, target: EditTarget) -> None:
        from sn_tui.tui.screens.indsats.editor import EditorScreen

        if self.commit is not None:
            self.app.push_screen(
                EditorScreen(target, revision=self.commit, revision_label=self.label)
            )

    @on(IndsatsList.Chosen)
    def _chosen(self, message: IndsatsList.Chosen) -> None:
        self._open(EditTarget(message.indsats_id))

    def action_open(self) -> None:
        current = self.query_one(IndsatsList).current_id
        if current is not None:
            self._open(EditTarget(current))

    def action_document(self) -> None:
        self._open(EditTarget(None))

    def action_back(self) -> None:
        self.dismiss()
