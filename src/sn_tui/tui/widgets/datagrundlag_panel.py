"""The editor's small datagrundlag panel: the indsats' latest numbers beside its budget and
expected count, so the one who writes the økonomiske rammer sees what was actually spent."""

from __future__ import annotations

from decimal import Decimal

from textual import work
from textual.message import Message
from textual.widgets import Static

from sn_tui.domain.danish import format_number
from sn_tui.domain.datagrundlag.figures import indsats_series, percent_change
from sn_tui.domain.datagrundlag.numbers import shown_count, shown_kr, shown_percent, shown_whole
from sn_tui.domain.datagrundlag.view import DatagrundlagView
from sn_tui.i18n import t
from sn_tui.tui.safe_text import plain


def panel_text(view: DatagrundlagView, indsats_id: str) -> str:
    """`Datagrundlag 2025: 55 børn, 44 helårspersoner, 4.400.000 kr. …` or the empty note."""
    series = indsats_series(view.years, indsats_id)
    if not series:
        return t("datagrundlag.panel.none")
    latest = series[-1]
    row = latest.row
    budget, antal = view.budgets.get(indsats_id, (None, None))
    parts = [
        t(
            "datagrundlag.panel.numbers",
            aar=latest.aar,
            children=shown_whole(row.antal_boern),
            fte=shown_count(row.helaarspersoner),
            cost=shown_kr(row.udgift_kr),
            per_child=shown_kr(latest.pris_pr_barn),
        )
    ]
    if budget:
        parts.append(
            t(
                "datagrundlag.panel.budget",
                budget=shown_kr(budget),
                pct=_pct(row.udgift_kr, budget),
            )
        )
    if antal:
        parts.append(
            t(
                "datagrundlag.panel.expected",
                antal=format_number(antal),
                pct=_pct(row.antal_boern, antal),
            )
        )
    return " · ".join(parts)


def _pct(actual: Decimal | int | None, planned: int) -> str:
    return shown_percent(percent_change(actual, planned))


class DatagrundlagPanel(Static):
    """Filled from a worker once mounted (or, made without an indsats, once `show_for` names
    one); stays empty where there is no datagrundlag at all."""

    DEFAULT_CSS = """
    DatagrundlagPanel {
        height: auto;
        padding: 0 1;
        text-style: italic;
    }
    """

    class Loaded(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, indsats_id: str, rev: str, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.indsats_id = indsats_id
        self.rev = rev

    def on_mount(self) -> None:
        self.display = False
        if self.indsats_id:
            self._load()

    def show_for(self, indsats_id: str) -> None:
        """The numbers of `indsats_id` (for a panel made before its indsats was chosen)."""
        self.indsats_id = indsats_id
        self._load()

    @work(thread=True, exclusive=True, group="datagrundlag-panel", exit_on_error=False)
    def _load(self) -> None:
        from typing import cast

        from sn_tui.tui.app import SnApp

        workspace = cast("SnApp", self.app).workspace
        if workspace is None:
            return
        try:
            view = workspace.datagrundlag_view(self.rev)
        except Exception:
            return  # the numbers are an aid beside the text: the editor works without them
        if view.years:
            self.post_message(self.Loaded(panel_text(view, self.indsats_id)))

    def on_datagrundlag_panel_loaded(self, message: DatagrundlagPanel.Loaded) -> None:
        message.stop()
        self.update(plain(message.text))
        self.display = True
