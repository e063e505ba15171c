"""A draft left by a crash or a dropped connection: shown beside the saved text, to restore,
discard or decide later."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Static

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.live.link import clock
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.conflict_field import conflict_title, side_text
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.services.collaboration import DraftOffer


class DraftScreen(SnScreen[str]):
    """Dismisses with "restore", "discard" or "later"."""

    CSS_PATH = "draft.tcss"
    KEY_SCOPE: ClassVar[str] = "draft"
    BINDINGS = keys.bindings("draft")

    def __init__(self, offer: DraftOffer, titel: str) -> None:
        super().__init__()
        self.offer = offer
        self.titel = titel

    def compose(self) -> ComposeResult:
        yield TitleBar()
        intro = t("live.draft_intro", when=clock(self.offer.updated_at))
        if self.offer.saved_moved:
            intro += " " + t("live.draft_moved")
        yield Static(plain(intro), id="intro")
        with Horizontal(id="columns"):
            yield Label(t("live.draft_side"), classes="column-title")
            yield Label(t("live.saved_side"), classes="column-title")
        with VerticalScroll(id="parts"):
            for part in self.offer.parts:
                yield Label(plain(conflict_title(part.name)), classes="part-title")
                with Horizontal(classes="part"):
                    yield Static(plain(side_text(part.draft)), classes="side side-draft")
                    yield Static(plain(side_text(part.saved)), classes="side side-saved")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("live.draft_title", titel=visible(self.titel))
        self.query_one("#parts").focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
