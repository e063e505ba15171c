"""The datagrundlag screen, from the overview: one year's table (children, helårspersoner,
udgift, enhedspriser, change from the year before) and under it a bar chart over the years of
the highlighted indsats' udgift or, toggled, of its kategori's. `p`/`n` step between years."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import ClassVar, NamedTuple

from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from sn_tui.domain.danish import format_number, sort_key
from sn_tui.domain.datagrundlag.figures import Figures
from sn_tui.domain.datagrundlag.numbers import shown_count, shown_kr, shown_percent, shown_whole
from sn_tui.domain.datagrundlag.view import DatagrundlagView
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.bar_chart import bar_lines
from sn_tui.tui.widgets.figure_table import FigureTable
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar


class ViewLoaded(Message):
    def __init__(self, view: DatagrundlagView, table: YearTable | None) -> None:
        super().__init__()
        self.view = view
        self.table = table  # the latest year's, made in the worker


class YearTable(NamedTuple):
    """One year's rows in reading order (by titel) and their cells as shown."""

    figures: list[Figures]
    cells: Sequence[Sequence[str]]


def year_table(view: DatagrundlagView, year: int) -> YearTable:
    """The table of `year`: 1,000 indsatser's figures and cells, ~40 ms, made off the event loop
    for the screen's first paint."""

    def title(ident: str) -> str:
        return view.titles.get(ident) or ident

    figures = sorted(view.figures(year), key=lambda f: sort_key(title(f.row.indsats)))
    cells = [
        (
            title(f.row.indsats),
            shown_count(f.row.antal_boern),
            shown_count(f.row.helaarspersoner),
            shown_whole(f.row.udgift_kr),
            shown_whole(f.pris_pr_helaarsperson),
            shown_whole(f.pris_pr_barn),
            shown_percent(f.change("udgift_kr")),
        )
        for f in figures
    ]
    return YearTable(figures, cells)


class ViewFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class DatagrundlagScreen(SnScreen[None]):
    """One year's numbers per indsats, and a chart over the years."""

    CSS_PATH = "datagrundlag.tcss"
    KEY_SCOPE: ClassVar[str] = "datagrundlag"
    BINDINGS = keys.bindings("datagrundlag")
    AUTO_FOCUS = "FigureTable"

    def __init__(self) -> None:
        super().__init__()
        self.view: DatagrundlagView | None = None
        self.year: int | None = None
        self.rows: list[Figures] = []
        self.by_kategori = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(plain(t("datagrundlag.tui.loading")), id="intro")
        yield FigureTable(id="table")
        yield Static("", id="chart")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("datagrundlag.tui.title")
        self._load()

    @work(thread=True, exclusive=True, group="datagrundlag-load", exit_on_error=False)
    def _load(self) -> None:
        try:
            view = self.workspace.datagrundlag_view()
            year = view.latest_year()
            table = year_table(view, year) if year is not None else None
        except Exception as exc:
            self.post_message(ViewFailed(user_sentence(exc)))
            return
        self.post_message(ViewLoaded(view, table))

    def on_view_loaded(self, message: ViewLoaded) -> None:
        self.view = message.view
        self.year = message.view.latest_year()
        self._show_year(made=message.table)
        self.refresh_bindings()

    def on_view_failed(self, message: ViewFailed) -> None:
        self.query_one("#intro", Static).update(plain(message.text))
        self.notify(message.text, severity="error", markup=False)

    def _title(self, ident: str) -> str:
        assert self.view is not None
        return self.view.titles.get(ident) or ident

    def _show_year(self, keep: str | None = None, made: YearTable | None = None) -> None:
        view, year = self.view, self.year
        intro = self.query_one("#intro", Static)
        table = self.query_one(FigureTable)
        if view is None or year is None:
            intro.update(plain(t("datagrundlag.tui.none")))
            table.set_rows([], [])
            return
        self.rows, cells = made or year_table(view, year)
        header = [
            t(f"datagrundlag.tui.col_{key}")
            for key in ("indsats", "children", "fte", "cost", "per_fte", "per_child", "change")
        ]
        idents = [f.row.indsats for f in self.rows]
        table.set_rows(header, cells, idents.index(keep) if keep in idents else 0)
        total = sum((f.row.udgift_kr or Decimal(0) for f in self.rows), Decimal(0))
        children = sum(f.row.antal_boern or 0 for f in self.rows)
        years = sorted(view.years)
        intro.update(
            plain(
                t(
                    "datagrundlag.tui.intro",
                    aar=year,
                    first=years[0],
                    last=years[-1],
                    children=format_number(children),
                    cost=shown_kr(total),
                )
            )
        )

    def _current(self) -> Figures | None:
        if not self.rows:
            return None
        return self.rows[min(self.query_one(FigureTable).cursor, len(self.rows) - 1)]

    def _chart(self) -> None:
        chart = self.query_one("#chart", Static)
        current, view = self._current(), self.view
        if current is None or view is None:
            chart.update("")
            return
        ident = current.row.indsats
        width = max(20, self.size.width - 4)
        if self.by_kategori:
            kategori = view.kategorier.get(ident, "")
            series = view.kategori_spending().get(kategori, {})
            heading = t(
                "datagrundlag.tui.chart_kategori",
                kategori=kategori or t("datagrundlag.report.no_kategori"),
            )
        else:
            series = {
                y: row.udgift_kr
                for y, rows in view.years.items()
                for row in rows
                if row.indsats == ident and row.udgift_kr is not None
            }
            heading = t("datagrundlag.tui.chart_indsats", titel=self._title(ident))
        lines = bar_lines(
            [(str(y), float(v), shown_kr(v)) for y, v in sorted(series.items())], width
        )
        chart.update(plain("\n".join([heading, *lines[-7:]])))

    def on_figure_table_highlighted(self, event: FigureTable.Highlighted) -> None:
        event.stop()
        self._chart()

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("previous_year", "next_year", "toggle_chart") and not self.rows:
            return None
        return True

    def _step(self, direction: int) -> None:
        if self.view is None or self.year is None:
            return
        years = sorted(self.view.years)
        at = years.index(self.year) + direction
        if 0 <= at < len(years):
            keep = self._current()
            self.year = years[at]
            self._show_year(keep.row.indsats if keep is not None else None)

    def action_previous_year(self) -> None:
        self._step(-1)

    def action_next_year(self) -> None:
        self._step(1)

    def action_toggle_chart(self) -> None:
        self.by_kategori = not self.by_kategori
        self._chart()

    def action_back(self) -> None:
        self.dismiss()
