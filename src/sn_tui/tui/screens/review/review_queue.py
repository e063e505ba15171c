"""My queue: what the logged-in person's faggrupper still owe (never reviewed, stale, or changed
since they asked for changes). Enter opens the indsats with its review panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from sn_tui.domain.reviews.records import Status
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.review_common import (
    STATUS_STYLES,
    ReviewsChanged,
    group_name,
    open_review,
    status_symbol,
    status_word,
)
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.domain.reviews.matrix import Cell


class QueueLoaded(Message):
    def __init__(self, cells: list[Cell], titles: dict[str, str]) -> None:
        super().__init__()
        self.cells = cells
        self.titles = titles


class QueueFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ReviewQueueScreen(SnScreen[None]):
    """One row per (indsats, own group) still owed, in the overview's order."""

    CSS_PATH = "review_queue.tcss"
    KEY_SCOPE: ClassVar[str] = "queue"
    BINDINGS = keys.bindings("queue")
    AUTO_FOCUS = "DataTable"

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[Cell] = []
        self.loaded = False
        self._generation = -1

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="intro", markup=False)
        yield DataTable(cursor_type="row", zebra_stripes=False, id="queue")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("review.queue_title")
        table = self.query_one(DataTable)
        table.add_column(" ", key="symbol")
        table.add_column(t("review.col_indsats"), key="indsats")
        table.add_column(t("review.col_group"), key="group")
        table.add_column(t("review.col_status"), key="status")
        self._intro(t("review.loading"))
        self._load()

    def on_screen_resume(self) -> None:
        if self.loaded and self._generation != self.sn.generation:
            self._load()

    def on_reviews_changed(self, _message: ReviewsChanged) -> None:
        self._load()

    def _intro(self, text: str) -> None:
        self.query_one("#intro", Static).update(plain(text))

    # ------------------------------------------------------------------ loading
    @work(thread=True, exclusive=True, group="review-queue-load", exit_on_error=False)
    def _load(self) -> None:
        self._generation = self.sn.generation
        workspace = self.workspace
        try:
            cells = workspace.reviews.queue()
            titles = {i.id: i.titel for i in workspace.indsatser("main")} if cells else {}
        except Exception as exc:
            self.post_message(QueueFailed(user_sentence(exc)))
            return
        self.post_message(QueueLoaded(cells, titles))

    def on_queue_loaded(self, message: QueueLoaded) -> None:
        table = self.query_one(DataTable)
        keep = self.current()
        self.cells = message.cells
        table.clear()
        for cell in message.cells:
            word = status_word(cell.status)
            if cell.status is Status.CHANGES_REQUESTED:
                word = t("review.queue_changed_since", status=word)
            style = STATUS_STYLES[cell.status]
            table.add_row(
                Text(status_symbol(cell.status), style=style),
                Text(visible(message.titles.get(cell.indsats_id) or cell.indsats_id)),
                Text(visible(group_name(self.sn.groups, cell.group))),
                Text(word, style=style),
                key=f"{cell.indsats_id}\0{cell.group}",
            )
        if keep is not None and keep in message.cells:
            table.move_cursor(row=message.cells.index(keep), animate=False)
        self._intro(self._summary())
        self.loaded = True
        self.refresh_bindings()

    def _summary(self) -> str:
        if self.sn.person is None:
            return t("review.queue_read_only")
        if not self.sn.person.faggrupper:
            return t("review.queue_no_groups")
        groups = ", ".join(group_name(self.sn.groups, g) for g in self.sn.person.faggrupper)
        if not self.cells:
            return t("review.queue_empty", groups=groups)
        return t("review.queue_count", count=len(self.cells), groups=groups)

    def on_queue_failed(self, message: QueueFailed) -> None:
        self._intro(message.text)
        self.notify(message.text, severity="error", markup=False)

    def current(self) -> Cell | None:
        table = self.query_one(DataTable)
        if not self.cells or table.cursor_row < 0:
            return None
        return self.cells[min(table.cursor_row, len(self.cells) - 1)]

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and not self.cells:
            return None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        cell = self.current()
        if cell is not None:
            open_review(self.app, cell.indsats_id, cell.group)

    def action_matrix(self) -> None:
        from sn_tui.tui.screens.review.review_matrix import ReviewMatrixScreen

        self.app.switch_screen(ReviewMatrixScreen())

    def action_refresh(self) -> None:
        self._load()

    def action_back(self) -> None:
        self.dismiss()
