"""A first, read-only TUI: the indsatser of the repository in a table (the full app follows)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from sn_tui.workspace import Workspace


class SnApp(App[int]):
    """Lists the indsatser; q quits."""

    BINDINGS = [("q", "quit", "Afslut")]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Id", "Titel", "Kategori")
        for item in self.workspace.indsatser():
            table.add_row(item.id, item.titel, item.kategori)


def run_app(repo_arg: str | None, user_arg: str | None, lang: str | None = None) -> int:
    workspace = Workspace.open(repo_arg, user_arg)
    try:
        return SnApp(workspace).run() or 0
    finally:
        workspace.close()
