"""The versions screen: adopted versions newest first, a version read-only, adopting the draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Static
from tui_support import git, notices, screen_text, settle

from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.versions.adopt import AdoptDialog
from sn_tui.tui.screens.versions.version_view import VersionViewScreen
from sn_tui.tui.screens.versions.versions import VersionsScreen
from sn_tui.tui.widgets.indsats_list import IndsatsList

DEMO_TAGS = ["vedtaget/2026-06-03", "vedtaget/2025-10-08", "vedtaget/2025-01-22"]


async def open_versions(pilot) -> VersionsScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, VersionsScreen)
    return screen


def row_keys(screen: VersionsScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(row.key.value) for row in table.ordered_rows]


async def test_versions_newest_first_with_committee_and_dates(demo_path: Path) -> None:
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_versions(pilot)
        assert row_keys(screen) == ["main", *DEMO_TAGS]
        text = screen_text(app)
        for shown in (
            "main (udkast)",
            "vedtaget/2025-10-08",
            "Børne- og Ungeudvalget",
            "8. oktober 2025",
            "1. november 2025",
            "Hanne Vestergaard",
            "Sammenlign: A = vedtaget/2026-06-03 · B = main (udkast)",
        ):
            assert shown in text, shown
        await pilot.press("escape")
        assert not isinstance(app.screen, VersionsScreen)


async def test_status_says_which_version_is_in_force(demo_path: Path) -> None:
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.push_screen(VersionsScreen(today=dt.date(2026, 6, 20)))  # adopted, not yet in force
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        status = {
            str(r.key.value): str(table.get_cell(r.key, "status")) for r in table.ordered_rows
        }
        assert status == {
            "main": "udkast",
            "vedtaget/2026-06-03": "kommende",
            "vedtaget/2025-10-08": "i kraft",
            "vedtaget/2025-01-22": "tidligere",
        }


async def test_versions_from_the_command_palette(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"versioner", "enter")
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)


async def test_a_version_opens_read_only(repo_path: Path) -> None:
    tagged = git(repo_path, "rev-parse", "vedtaget/2026-03-05^{commit}").strip()
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_versions(pilot)
        await pilot.press("down", "o")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, VersionViewScreen)
        assert view.query_one(IndsatsList).row_count == 4  # efterskole came after the adoption
        assert "Skrivebeskyttet: serviceniveauet som det så ud i vedtaget/2026-03-05" in (
            screen_text(app)
        )
        listing = view.query_one(IndsatsList)
        while listing.current_id != "familiebehandling":
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.revision == tagged and editor.read_only
        indhold = [e for e in editor.query("FieldEditor") if e.field_name == "Indhold"]  # type: ignore[attr-defined]
        assert indhold[0].text == "Indhold for familiebehandling."  # not the later weekend text


async def adopt_dialog(pilot) -> AdoptDialog:  # type: ignore[no-untyped-def]
    await open_versions(pilot)
    await pilot.press("v")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, AdoptDialog)
    return dialog


async def fill_adoption(pilot, date: str = "12.4.2026") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *date, "enter")
    await pilot.press(*"Børne- og Ungeudvalget", "enter", "9", "enter", *"2026-05-01")


async def test_godkender_adopts_in_a_dialog(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(100, 30)) as pilot:
        await adopt_dialog(pilot)
        await fill_adoption(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")  # the confirm step with the review summary
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, VersionsScreen)
        assert row_keys(screen) == ["main", "vedtaget/2026-04-12", "vedtaget/2026-03-05"]
        assert screen.current() == "vedtaget/2026-04-12"
        assert "Udkastet er vedtaget som vedtaget/2026-04-12." in notices(app)
    assert git(repo_path, "rev-parse", "vedtaget/2026-04-12^{commit}") == git(
        repo_path, "rev-parse", "main"
    )
    message = git(repo_path, "tag", "-l", "--format=%(contents)", "vedtaget/2026-04-12")
    for line in (
        "Vedtaget-af: Ole Test <ole@testrup.dk>",
        "Udvalg: Børne- og Ungeudvalget",
        "Dagsordenpunkt: 9",
        "Ikrafttraeden: 2026-05-01",
    ):
        assert line in message


async def test_dialog_explains_bad_input_and_keeps_it(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await adopt_dialog(pilot)
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *"32.13.2026", "ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        text = screen_text(app)
        assert "'32.13.2026' er ikke en dato" in text
        assert "Skriv udvalget" in text and "Skriv dagsordenpunktet." in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
    assert git(repo_path, "tag", "-l").strip() == "vedtaget/2026-03-05"


async def test_non_godkender_is_told_and_gets_no_dialog(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_versions(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        assert "Mette Prøve har ikke rollen godkender eller admin og kan ikke vedtage." in notices(
            app
        )
    assert git(repo_path, "tag", "-l").strip() == "vedtaget/2026-03-05"


async def test_read_only_login_is_told_and_gets_no_dialog(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "fremmed")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_versions(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        assert any("står ikke i adgang.yml" in n for n in notices(app))
    assert git(repo_path, "tag", "-l").strip() == "vedtaget/2026-03-05"


async def test_adoption_is_refused_with_the_check_errors(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    ws.create_indsats("tom", "Tom indsats", "Støttende indsatser")  # empty fields: check errors
    errors = [f for f in ws.check() if f.severity == "error"]
    ws.close()
    assert errors
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await adopt_dialog(pilot)
        await fill_adoption(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")  # the confirm step with the review summary
        await settle(pilot)
        assert app.screen is dialog and not dialog.busy
        assert f"før de {len(errors)} fejl" in screen_text(app)
        shown = str(dialog.query_one("#problems", Static).content)
        assert all(e.format() in shown for e in errors)
    assert git(repo_path, "tag", "-l").strip() == "vedtaget/2026-03-05"


async def test_a_tag_moved_outside_the_tool_is_reported(repo_path: Path) -> None:
    git(repo_path, "tag", "-f", "-a", "-m", "flyttet", "vedtaget/2026-03-05", "main")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 30)) as pilot:
        await open_versions(pilot)
        assert "vedtaget/2026-03-05 er flyttet" in screen_text(app)
