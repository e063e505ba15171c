"""Saving in the TUI stops for personal data and for a faggrupper change without the right."""

from __future__ import annotations

from pathlib import Path

import yaml
from tui_support import file_at, git, on_screen, screen_text, settle

from sn_tui.domain.document import Document
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


async def test_a_redaktoer_cannot_change_the_required_faggrupper(repo_path: Path) -> None:
    before = file_at(repo_path, "main", PATH)
    app = SnApp(str(repo_path), "mette")  # redaktør
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        form = screen.form
        assert form is not None
        await on_screen(pilot, "kan kun ændres af en godkender eller admin")
        await pilot.press("ctrl+r", "tab")  # titel, then kategori
        await pilot.press("tab", *"99")  # faggrupper is passed over: the keys go to the budget
        assert form.text("faggrupper") == "myndighed, ppr"
        assert form.input("økonomi.budget_kr").has_focus
    assert file_at(repo_path, "main", PATH) == before


async def test_a_godkender_changes_the_required_faggrupper_in_the_form(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole")  # godkender and admin
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        form = screen.form
        assert form is not None
        assert "kan kun ændres" not in screen_text(app)
        await pilot.press("ctrl+r", "tab", "tab")
        assert form.groups.has_focus
        await pilot.press("down", "down", "space", "ctrl+s", "enter")  # PPR (third) unchosen
        await settle(pilot)
        assert not screen.dirty
    assert "faggrupper: [myndighed]" in file_at(repo_path, "main", PATH).decode()


async def test_a_new_indsats_gets_the_default_faggrupper(repo_path: Path) -> None:
    groups = [g["id"] for g in yaml.safe_load(file_at(repo_path, "main", "faggrupper.yml"))]
    app = SnApp(str(repo_path), "mette")  # redaktør
    async with app.run_test(size=(110, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Netværksgrupper", "enter", "enter", *"Forebyggende", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
    meta = Document.parse(file_at(repo_path, "main", "indsatser/netvaerksgrupper.md")).meta
    assert groups and meta["faggrupper"] == groups  # not an empty list nobody must review


async def test_the_forord_is_guarded_too(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.target.is_document
        await pilot.press("end", *" Skriv til borgmester.hansen@gmail.com.")
        await pilot.press("ctrl+s", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await on_screen(pilot, "Forord: Teksten indeholder en personlig e-mailadresse")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and screen.dirty
    assert git(repo_path, "rev-parse", "main") == head
