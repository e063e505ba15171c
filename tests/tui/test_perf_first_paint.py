"""What the first opening of a screen waits for (issue 23): the editor paints the indsats' text
before its check starts, and no screen's first opening re-reads the app's stylesheets.

Frames are counted as Textual paints them (`App._display`), keys pressed through the pilot.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import RenderableType
from textual._compositor import CompositorUpdate
from textual.screen import Screen
from tui_support import checked, screen_text, settle

from sn_tui.tui import app as app_module
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen


class FramesApp(SnApp):
    """SnApp that counts the painted frames of the editor that showed the indsats' text."""

    CSS_PATH = [Path(app_module.__file__).parent / path for path in SnApp.CSS_PATH]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.text_frames = 0

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if (
            isinstance(renderable, CompositorUpdate)
            and isinstance(screen, EditorScreen)
            and screen.original is not None
            and any(e.editor.text for e in screen.editors)
        ):
            self.text_frames += 1


async def test_the_editor_paints_the_text_before_its_check_starts(repo_path: Path) -> None:
    app = FramesApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        assert app.workspace is not None
        workspace = app.workspace
        check_edit = workspace.check_edit
        painted_before: list[int] = []

        def noting(*args: Any, **kwargs: Any) -> Any:
            painted_before.append(app.text_frames)
            return check_edit(*args, **kwargs)

        workspace.check_edit = noting  # type: ignore[method-assign]
        await pilot.press("/", *"kontakt", "enter", "enter")
        await settle(pilot)
        await checked(pilot)
        assert painted_before and painted_before[0] >= 1
        assert "Tjek: ingen fejl eller advarsler" in screen_text(app)


async def test_no_first_opening_of_a_screen_reads_the_stylesheets_again(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        sheet = app.stylesheet
        parsed = []
        reparse = sheet.reparse

        def counted() -> None:
            parsed.append(type(app.screen).__name__)
            reparse()

        sheet.reparse = counted  # type: ignore[method-assign]
        for key in ("enter", "escape", "m", "escape", "v", "c", "escape", "escape", "h"):
            await pilot.press(key)
            await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen"
        assert parsed == []
        await pilot.press("escape", "f1")
        await settle(pilot)
        assert parsed == []
