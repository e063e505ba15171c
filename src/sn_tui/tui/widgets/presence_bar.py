"""A line under an editor's header: who else has this text open, and who is editing it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.widgets import Static

from sn_tui.i18n import t
from sn_tui.tui.live.link import clock
from sn_tui.tui.safe_text import plain

if TYPE_CHECKING:
    from sn_tui.services.collaboration import Someone


def describe_people(people: Sequence[Someone]) -> str:
    """ "Mette Prøve (redigerer siden 14:02), Ole Test (siden 13:50)"."""
    return ", ".join(
        t(
            "live.person_editing" if p.editing else "live.person_open",
            navn=p.navn,
            time=clock(p.since),
        )
        for p in people
    )


class PresenceBar(Static):
    """Hidden while nobody else has the text open."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.display = False

    def show_people(self, people: Sequence[Someone]) -> None:
        if not people:
            self.display = False
            return
        self.update(plain(t("live.also_open", people=describe_people(people))))
        self.display = True
