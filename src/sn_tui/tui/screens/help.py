"""Every key of every screen as bound now (after the user's keys.toml), and how to remap."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

HELP_SCOPES = (
    "app",
    "overview",
    "list",
    "editor",
    "choices",
    "history",
    "changes",
    "conflict",
    "versions",
    "version_view",
    "compare",
    "compare_fields",
    "review",
    "matrix",
    "grid",
    "queue",
    "draft",
    "import",
    "datagrundlag",
)


class HelpScreen(SnScreen[None]):
    """Opened with F1 or ? from anywhere; escape or q closes it."""

    CSS_PATH = "help.tcss"
    KEY_SCOPE: ClassVar[str] = "help"
    BINDINGS = keys.bindings("help")

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="help"):
            yield Static(plain(t("help.intro", path=str(keys.keymap_path()))), id="intro")
            for scope in HELP_SCOPES:
                yield Label(t(f"help.scope_{scope}"), classes="scope")
                yield Static(self._table(scope), classes="keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("help.title")
        self.query_one("#help").focus()

    def _table(self, scope: str) -> Table:
        table = Table(box=None, show_header=True, expand=False, padding=(0, 1))
        table.add_column(t("help.col_keys"), no_wrap=True, min_width=12)
        table.add_column(t("help.col_action"))
        table.add_column(t("help.col_id"), style="dim", no_wrap=True)
        for spec in keys.SCOPES[scope]:
            shown = self.sn.key_names(keys.current_keys(spec, self.sn.user_keymap))
            table.add_row(Text(shown), Text(t(spec.label)), Text(spec.id))
        return table

    def action_back(self) -> None:
        self.dismiss()
