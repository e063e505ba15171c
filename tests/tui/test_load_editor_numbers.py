"""An editor opened from the overview (the spare, made ahead) shows the indsats' datagrundlag
numbers under its text, those of the indsats opened and not of one opened before it; they come
after the text's first paint, so they are waited for."""

from __future__ import annotations

from pathlib import Path

from test_data_screen import with_datagrundlag
from test_editor_spare import spare_ready
from test_live import app_for, open_indsats
from textual.widgets import Static
from tui_support import until

from sn_tui.tui.screens.indsats.editor import EditorScreen


def numbers(screen: EditorScreen) -> str:
    panel = screen.query_one("#datagrundlag", Static)
    return str(panel.content) if panel.display else ""


async def test_each_opened_indsats_shows_its_own_numbers(repo_path: Path, tmp_path: Path) -> None:
    app = app_for(with_datagrundlag(repo_path, tmp_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await spare_ready(pilot)
        a = await open_indsats(pilot, "behandling")
        await until(pilot, lambda: "Datagrundlag 2025: 55 børn" in numbers(a), "A's numbers")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, EditorScreen), "the overview")
        await spare_ready(pilot)
        b = await open_indsats(pilot, "plejefamilie")
        assert b is not a
        await until(pilot, lambda: "Datagrundlag 2025: 8 børn" in numbers(b), "B's numbers")
