"""The review matrix: every indsats × faggruppe with its status, and the open round's deadline.

Enter opens the current cell's indsats with its review panel. The matrix is computed in a
worker and fetched again when a review is recorded or something is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from sn_tui.domain.danish import format_date
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.left_out import left_out_line
from sn_tui.tui.review_common import (
    ReviewsChanged,
    group_name,
    legend,
    open_review,
    status_word,
)
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.review_grid import OVERDUE_MARK, ReviewGrid, grid_rows, used_groups
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.domain.reviews.matrix import Matrix
    from sn_tui.domain.reviews.rounds import RoundStatus


class MatrixLoaded(Message):
    def __init__(
        self,
        matrix: Matrix,
        titles: dict[str, str],
        round_status: RoundStatus | None,
        left_out: str = "",
    ) -> None:
        super().__init__()
        self.matrix = matrix
        self.titles = titles
        self.round_status = round_status
        self.left_out = left_out  # the files not in the matrix because they could not be read
        # The grid's rows, made here in the worker (1,000 indsatser × 12 groups: ~40 ms of
        # process time that would otherwise hold up the first paint).
        self.groups = used_groups(matrix)
        overdue = round_status.overdue if round_status else ()
        self.rows = grid_rows(matrix, titles, self.groups, overdue)
        self.klar_count = matrix.klar_count


class MatrixFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def round_text(status: RoundStatus | None) -> str:
    """The open round's name, deadline and progress; overdue said in words."""
    if status is None:
        return t("review.no_round")
    text = t(
        "review.round",
        name=status.round.name,
        deadline=format_date(status.round.deadline),
        klar=status.klar_count,
        count=status.indsats_count,
    )
    if status.overdue:
        text += " " + t("review.round_overdue", mark=OVERDUE_MARK, count=len(status.overdue))
    return text


class ReviewMatrixScreen(SnScreen[None]):
    """Indsatser down, faggrupper across; one cell per required review."""

    CSS_PATH = "review_matrix.tcss"
    KEY_SCOPE: ClassVar[str] = "matrix"
    BINDINGS = keys.bindings("matrix")
    AUTO_FOCUS = "ReviewGrid"

    def __init__(self) -> None:
        super().__init__()
        self.loaded = False
        self._generation = -1

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="round", markup=False)
        yield ReviewGrid(id="grid")
        yield Static("", id="cell", markup=False)
        yield Static(
            plain(f"{legend()}  {t('review.legend_extra', mark=OVERDUE_MARK)}"), id="legend"
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("review.matrix_title")
        self.query_one(ReviewGrid).empty_text = t("review.loading")
        self._load()

    def on_screen_resume(self) -> None:
        if self.loaded and self._generation != self.sn.generation:
            self._load()

    def on_reviews_changed(self, _message: ReviewsChanged) -> None:
        self._load()

    # ------------------------------------------------------------------ loading
    @work(thread=True, exclusive=True, group="review-matrix-load", exit_on_error=False)
    def _load(self) -> None:
        self._generation = self.sn.generation
        workspace = self.workspace
        try:
            items, unreadable = workspace.listing("main") if workspace.head() else ([], ())
            status = workspace.reviews.current_round_status(items)
            # an open round's scope, not every indsats
            matrix = status.matrix if status else workspace.reviews.matrix(indsatser=items)
        except Exception as exc:
            self.post_message(MatrixFailed(user_sentence(exc)))
            return
        titles = {i.id: i.titel for i in items}
        self.post_message(MatrixLoaded(matrix, titles, status, left_out_line(unreadable)))

    def on_matrix_loaded(self, message: MatrixLoaded) -> None:
        matrix = message.matrix
        groups = message.groups
        grid = self.query_one(ReviewGrid)
        grid.empty_text = t("review.matrix_empty")
        grid.set_rows(
            message.rows,
            groups,
            tuple(group_name(self.sn.groups, g) for g in groups),
            self.sn.person.faggrupper if self.sn.person else (),
        )
        line = round_text(message.round_status)
        status = message.round_status
        if status is None or status.indsats_count != len(matrix.indsatser):
            count = len(matrix.indsatser)
            line += " · " + t("review.klar_count", klar=message.klar_count, count=count)
        if message.left_out:
            line += " · " + message.left_out
        self.query_one("#round", Static).update(plain(line))
        self.loaded = True
        self.refresh_bindings()

    def on_matrix_failed(self, message: MatrixFailed) -> None:
        self.query_one(ReviewGrid).empty_text = message.text
        self.query_one(ReviewGrid).refresh()
        self.notify(message.text, severity="error", markup=False)

    @on(ReviewGrid.Highlighted)
    def _highlighted(self, message: ReviewGrid.Highlighted) -> None:
        grid = self.query_one(ReviewGrid)
        text = ""
        if message.indsats_id is not None and message.group is not None:
            row = grid.rows[grid.row]
            name = group_name(self.sn.groups, message.group)
            status = row.cells[grid.col]
            if status is None:
                text = t("review.cell_not_required", titel=row.titel, group=name)
            else:
                text = t("review.cell", titel=row.titel, group=name, status=status_word(status))
        self.query_one("#cell", Static).update(plain(text))

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and self.query_one(ReviewGrid).current[0] is None:
            return None
        return True

    def action_open(self) -> None:
        indsats_id, group = self.query_one(ReviewGrid).current
        if indsats_id is not None:
            open_review(self.app, indsats_id, group)

    @on(ReviewGrid.Chosen)
    def _chosen(self, message: ReviewGrid.Chosen) -> None:
        open_review(self.app, message.indsats_id, message.group)

    def action_queue(self) -> None:
        from sn_tui.tui.screens.review.review_queue import ReviewQueueScreen

        self.app.switch_screen(ReviewQueueScreen())

    def action_refresh(self) -> None:
        self._load()

    def action_back(self) -> None:
        self.dismiss()
