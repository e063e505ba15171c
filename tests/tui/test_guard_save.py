"""Saving in the TUI stops for personal data and for a faggrupper change without the right."""

from __future__ import annotations

from pathlib import Path

from tui_support import file_at, git, on_screen, settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.dialogs.confirm import ConfirmScreen
from sn_tui.tui.screens.indsats.editor import EditorScreen

PATH = "indsatser/fast-kontaktperson.md"
CPR = "Barnet med CPR 010203-1234 bor hos sin moster."


async def open_fast_kontaktperson(pilot) -> EditorScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("/", *"kontakt", "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    return screen


async def test_personal_data_is_saved_only_after_a_separate_yes(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        await pilot.press("end", " ", *CPR)
        await pilot.press("ctrl+s", *"Moster", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await on_screen(pilot, "personoplysninger", "Formål: Teksten indeholder et CPR-nummer.")
        await pilot.press("n")  # no: nothing is committed, the text stays in the editor
        await settle(pilot)
        assert app.screen is screen and screen.dirty and not screen.saving
        assert CPR in screen.editors[0].text
        assert git(repo_path, "rev-parse", "main") == head

        await pilot.press("ctrl+s", *"Moster", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen and not screen.dirty
    assert git(repo_path, "rev-parse", "main") != head
    assert CPR in file_at(repo_path, "main", PATH).decode()


async def test_a_save_without_personal_data_asks_nothing(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        await pilot.press("end", *" Også om aftenen.")
        await pilot.press("ctrl+s", *"Aften", "enter")
        await settle(pilot)
        assert app.screen is screen and not screen.dirty
    assert "Også om aftenen." in file_at(repo_path, "main", PATH).decode()
