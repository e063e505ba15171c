"""What one commit changed in a file: each changed key and field, words struck and added.

The diff is the comparison's own (`model.diff`), drawn inline by the comparison's row widget.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Label, Static

from sn_tui.domain.history import CommitInfo
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.presenters.diff_rows import EntryDiff, Layout, layout
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.screens.indsats.history import open_version, when
from sn_tui.tui.targets import EditTarget
from sn_tui.tui.widgets.diff_row import DiffRow
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar


class ChangesLoaded(Message):
    def __init__(self, changes: Layout, created: bool, deleted: bool) -> None:
        super().__init__()
        self.changes = changes
        self.created = created
        self.deleted = deleted


class ChangesFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ChangesScreen(SnScreen[None]):
    """The fields one commit changed, old and new words side by side in one text."""

    CSS_PATH = "changes.tcss"
    KEY_SCOPE: ClassVar[str] = "changes"
    BINDINGS = keys.bindings("changes")

    def __init__(self, target: EditTarget, titel: str, commit: CommitInfo) -> None:
        super().__init__()
        self.target = target
        self.titel = titel
        self.commit = commit

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(
            plain(
                t(
                    "changes.summary",
                    when=when(self.commit),
                    author=self.commit.author,
                    subject=self.commit.subject,
                )
            ),
            id="summary",
        )
        yield VerticalScroll(id="changes")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("changes.title", titel=visible(self.titel))
        self.query_one("#changes").focus()
        self._load()

    @work(thread=True, exclusive=True, group="changes-load", exit_on_error=False)
    def _load(self) -> None:
        target = self.target
        try:
            found = self.workspace.commit_changes(self.commit.commit, target.path, target.sections)
            meta, fields = tuple(found.meta), tuple(found.fields)
            changes = layout(
                EntryDiff(target.indsats_id or "", "changed", self.titel, "", meta, fields)
            )
        except Exception as exc:
            self.post_message(ChangesFailed(user_sentence(exc)))
            return
        self.post_message(ChangesLoaded(changes, found.created, found.deleted))

    async def on_changes_loaded(self, message: ChangesLoaded) -> None:
        box = self.query_one("#changes", VerticalScroll)
        widgets: list[Static | Label] = []
        if message.created:
            widgets.append(Static(t("changes.created"), classes="note"))
        if message.deleted:
            widgets.append(Static(t("changes.deleted"), classes="note"))
        if not message.changes.sections:
            widgets.append(Static(t("changes.none"), classes="note"))
        markers = self.app.no_color
        for section in message.changes.sections:
            name = t("versions.meta_section") if section.name is None else section.name
            widgets.append(Label(plain(name), classes="change-title"))
            widgets.extend(DiffRow(row, markers=markers, mode="inline") for row in section.rows)
        await box.mount_all(widgets)

    def on_changes_failed(self, message: ChangesFailed) -> None:
        self.notify(message.text, severity="error", markup=False)

    def action_open_version(self) -> None:
        open_version(self, self.target, self.commit)

    def action_back(self) -> None:
        self.dismiss()
