"""Slettede: the deleted indsatser (id, title, who deleted it, when); `enter` restores one as a
new commit, and its reviews follow its id."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from sn_tui.domain.danish import format_date
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.people.changing import ChangingScreen
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.services.outcomes import DeletedIndsats


class DeletedLoaded(Message):
    def __init__(self, found: list[DeletedIndsats]) -> None:
        super().__init__()
        self.found = found


class DeletedScreen(ChangingScreen):
    CSS_PATH = "people_screen.tcss"
    KEY_SCOPE: ClassVar[str] = "deleted"
    BINDINGS = keys.bindings("deleted")
    AUTO_FOCUS = "DataTable"

    def __init__(self) -> None:
        super().__init__()
        self.found: list[DeletedIndsats] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("restore.loading"), id="intro", markup=False)
        yield DataTable(cursor_type="row", id="deleted")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("restore.title")
        table = self.query_one(DataTable)
        for key in ("id", "titel", "who", "when"):
            table.add_column(t(f"restore.col_{key}"), key=key)
        self._load()

    @work(thread=True, exclusive=True, group="deleted-load", exit_on_error=False)
    def _load(self) -> None:
        try:
            self.post_message(DeletedLoaded(self.workspace.deleted()))
        except Exception as exc:
            self._load_failed(exc)

    def on_deleted_loaded(self, message: DeletedLoaded) -> None:
        self.found = message.found
        table = self.query_one(DataTable)
        table.clear()
        for d in self.found:
            when = format_date(d.deleted_at)
            table.add_row(*(visible(v) for v in (d.id, d.titel, d.deleted_by, when)), key=d.id)
        intro = t("restore.intro") if self.found else t("restore.none_deleted")
        self.query_one("#intro", Static).update(plain(intro))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore":
            return True if self.found and not self.sn.read_only else None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        table = self.query_one(DataTable)
        if not 0 <= table.cursor_row < len(self.found) or self.sn.read_only:
            return
        gone = self.found[table.cursor_row]
        self._write(lambda ws: ws.restore(gone.id), t("restore.restored_tui", titel=gone.titel))

    def action_back(self) -> None:
        self.dismiss()
