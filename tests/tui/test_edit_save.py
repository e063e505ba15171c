"""Editing an indsats and saving it: one commit by the logged-in person, only that field."""

from __future__ import annotations

from pathlib import Path

from tui_support import changed_lines, file_at, git, settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.widgets.field_editor import FieldEditor

PATH = "indsatser/fast-kontaktperson.md"


async def open_fast_kontaktperson(pilot) -> EditorScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("/", *"kontakt", "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    return screen


async def test_edit_one_field_and_save_makes_one_commit(repo_path: Path) -> None:
    before = file_at(repo_path, "main", PATH)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        assert screen.query(FieldEditor).first().editor.has_focus
        await pilot.press("end", *" Også om aftenen.")
        assert screen.dirty
        assert screen.title.startswith("●")
        await pilot.press("ctrl+s")
        await pilot.press(*"Aftentimer", "enter")
        await settle(pilot)
        assert not screen.dirty
    after = file_at(repo_path, "main", PATH)
    assert changed_lines(before, after) == [
        "-Formål for fast kontaktperson.",
        "+Formål for fast kontaktperson. Også om aftenen.",
    ]
    log = git(repo_path, "log", "-1", "--format=%an <%ae>|%s")
    assert log.strip() == "Mette Prøve <mette@testrup.dk>|Fast kontaktperson: Aftentimer"
    assert git(repo_path, "status", "--porcelain") == ""


async def test_saving_without_changes_makes_no_commit(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await open_fast_kontaktperson(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
    assert git(repo_path, "rev-parse", "main") == head


async def test_form_edits_change_only_their_frontmatter_lines(repo_path: Path) -> None:
    before = file_at(repo_path, "main", PATH)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        form = screen.form
        assert form is not None
        form.input("økonomi.budget_kr").focus()
        await pilot.press("ctrl+u", *"5.100.000")  # Danish thousands separators are accepted
        await pilot.press("f2", "enter")  # the non-ctrl save key, then no message
        await settle(pilot)
    after = file_at(repo_path, "main", PATH)
    assert changed_lines(before, after) == ["-  budget_kr: 4500000", "+  budget_kr: 5100000"]
    subject = git(repo_path, "log", "-1", "--format=%s").strip()
    assert subject == "Fast kontaktperson: ændret økonomi.budget_kr"


async def test_invalid_form_value_is_explained_and_not_saved(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "ole")  # a godkender: only they may change faggrupper
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        form = screen.form
        assert form is not None
        form.input("økonomi.forventet_antal").focus()
        await pilot.press("end", "x")
        await pilot.pause()
        problems = str(form.query_one("#meta-problems").render())
        assert "'60x' er ikke et helt tal" in problems
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen  # no save dialog: the problems come first
    assert git(repo_path, "rev-parse", "main") == head
