"""Issue 20's last points, driven by keys through the pilot on a real Git repository: the
editor's faggrupper are a choice list of names (ids saved, an untouched list saved as it was),
and an indsats is reverted to an adopted version from the versions screen and from the editor,
as a new commit on main."""

from __future__ import annotations

from pathlib import Path

from tui_support import file_at, git, notices, on_screen, screen_text, settle, until

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.people.revert import RevertForm
from sn_tui.tui.screens.versions.revert_adopted import PickDialog
from sn_tui.tui.screens.versions.versions import VersionsScreen

KONTAKT = "indsatser/fast-kontaktperson.md"
FAMILIE = "indsatser/familiebehandling.md"
TAG = "vedtaget/2026-03-05"


async def open_editor(pilot, search: str) -> EditorScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("/", *search, "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    return screen


async def test_a_godkender_chooses_faggrupper_by_name_and_ids_are_saved(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole")  # godkender
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await open_editor(pilot, "kontakt")
        form = screen.form
        assert form is not None
        await pilot.press("ctrl+r", "tab", "tab")
        assert form.groups.has_focus
        text = screen_text(app)
        assert "Myndighed" in text and "PPR" in text and "mellemrum vælger" in text
        assert "Vælg til/fra" in text  # the footer, while the list has the focus
        await pilot.press("space", "ctrl+s", "enter")  # Myndighed, the first, unchosen
        await until(pilot, lambda: not screen.dirty, "saved")
    assert "faggrupper: [ppr]" in file_at(repo_path, "main", KONTAKT).decode()


async def test_an_untouched_choice_list_keeps_the_files_order_and_unknown_ids(
    repo_path: Path,
) -> None:
    before = file_at(repo_path, "main", KONTAKT).decode()
    odd = before.replace("faggrupper: [myndighed, ppr]", "faggrupper: [ppr, bager, myndighed]")
    assert odd != before
    (repo_path / KONTAKT).write_text(odd, encoding="utf-8")
    git(repo_path, "commit", "-qam", "Faggrupper i en anden rækkefølge")
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await open_editor(pilot, "kontakt")
        form = screen.form
        assert form is not None
        assert set(form.groups.selected) == {"ppr", "bager", "myndighed"}
        assert "bager" in screen_text(app) and not screen.dirty
        await pilot.press("ctrl+r", "tab", "tab", "tab", "end", "0")  # the budget
        await pilot.press("ctrl+s", "enter")
        await until(pilot, lambda: not screen.dirty, "saved")
    assert "faggrupper: [ppr, bager, myndighed]" in file_at(repo_path, "main", KONTAKT).decode()


async def test_a_redaktoer_sees_the_list_locked_with_the_reason(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await open_editor(pilot, "kontakt")
        form = screen.form
        assert form is not None
        await on_screen(pilot, "kan kun ændres af en godkender eller admin")
        assert form.groups.disabled and "mellemrum vælger" not in screen_text(app)


async def pick(pilot, value: str) -> None:  # type: ignore[no-untyped-def]
    await until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), "the choice")
    dialog = pilot.app.screen
    assert isinstance(dialog, PickDialog)
    values = [v for _label, v in dialog.choices]
    await pilot.press(*["down"] * values.index(value), "enter")


async def test_an_indsats_is_reverted_to_a_version_from_the_versions_screen(
    repo_path: Path,
) -> None:
    adopted = file_at(repo_path, TAG, FAMILIE)
    assert file_at(repo_path, "main", FAMILIE) != adopted
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, VersionsScreen), "the versions")
        versions = app.screen
        assert isinstance(versions, VersionsScreen)
        await until(pilot, lambda: versions.current() is not None, "the versions loaded")
        await pilot.press("t")  # on the draft: nothing to revert to
        await pilot.pause()
        assert app.screen is versions
        await pilot.press("down")
        await until(pilot, lambda: versions.current() == TAG, "the adopted version")
        await pilot.press("t")
        await pick(pilot, "familiebehandling")
        await until(pilot, lambda: isinstance(app.screen, RevertForm), "the revert form")
        form = app.screen
        assert isinstance(form, RevertForm) and form.fields == ["Indhold"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("Tilbageført" in n for n in notices(app)), "reverted")
    assert file_at(repo_path, "main", FAMILIE) == adopted
    assert TAG in git(repo_path, "log", "-1", "--format=%B")


async def test_the_editor_reverts_its_indsats_to_an_adopted_version(repo_path: Path) -> None:
    adopted = file_at(repo_path, TAG, FAMILIE)
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_editor(pilot, "Familiebeh")
        await pilot.press("end", "x", "f9")  # unsaved text first: refused, nothing written
        await until(pilot, lambda: any("Gem eller fortryd" in n for n in notices(app)), "told")
        assert app.screen is screen and git(repo_path, "rev-parse", "main") == head
        await pilot.press("backspace")
        await until(pilot, lambda: not screen.dirty, "undone")
        await pilot.press("f9")
        await pick(pilot, TAG)
        await until(pilot, lambda: isinstance(app.screen, RevertForm), "the revert form")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("Tilbageført" in n for n in notices(app)), "reverted")
        await until(
            pilot,
            lambda: all("weekenden" not in e.text for e in screen.editors),
            "the editor shows the reverted text",
        )
    assert file_at(repo_path, "main", FAMILIE) == adopted
