"""New indsats from the template, rename its titel, delete it: each a commit, ids stable."""

from __future__ import annotations

from pathlib import Path

from tui_support import changed_lines, file_at, git, screen_text, settle

from sn_tui.domain.document import Document
from sn_tui.domain.fields import FIELDS
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.indsats.new_indsats import NewIndsatsScreen, suggested_id
from sn_tui.tui.widgets.indsats_list import IndsatsList


async def select(pilot, indsats_id: str) -> None:  # type: ignore[no-untyped-def]
    listing = pilot.app.screen.query_one(IndsatsList)
    listing.focus()
    await pilot.press("home")
    while listing.current_id != indsats_id:
        await pilot.press("down")


def test_suggested_id_spells_danish_letters_in_ascii() -> None:
    assert suggested_id("Økonomisk støtte (§ 35)") == "oekonomisk-stoette-35"
    assert suggested_id("  Netværk & samtalegrupper ") == "netvaerk-samtalegrupper"


async def test_new_indsats_from_the_template(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NewIndsatsScreen)
        await pilot.press(*"Netværksgrupper", "enter")  # the id follows the titel
        await pilot.press("enter", *"Forebyggende indsatser", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)  # the new indsats opens for writing
        assert app.screen.target.indsats_id == "netvaerksgrupper"
    data = file_at(repo_path, "main", "indsatser/netvaerksgrupper.md")
    doc = Document.parse(data)
    assert doc.section_titles() == list(FIELDS)
    assert doc.meta["titel"] == "Netværksgrupper"
    assert doc.meta["kategori"] == "Forebyggende indsatser"
    log = git(repo_path, "log", "-1", "--format=%an|%s").strip()
    assert log == "Mette Prøve|Netværksgrupper: ny indsats"


async def test_new_indsats_explains_what_is_wrong(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Fast kontaktperson", "ctrl+s")
        text = screen_text(app)
        assert "Der findes allerede en indsats med id 'fast-kontaktperson'." in text
        assert "Skriv en kategori" in text
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NewIndsatsScreen)
    assert git(repo_path, "rev-parse", "main") == head


async def test_rename_changes_only_the_titel_line_and_keeps_the_id(repo_path: Path) -> None:
    path = "indsatser/fast-kontaktperson.md"
    before = file_at(repo_path, "main", path)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, "fast-kontaktperson")
        await pilot.press("t")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await pilot.press(*"Kontaktperson for barnet", "ctrl+s", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "Kontaktperson for barnet" in screen_text(app)  # the overview reloaded
    after = file_at(repo_path, "main", path)
    assert changed_lines(before, after) == [
        "-titel: Fast kontaktperson",
        "+titel: Kontaktperson for barnet",
    ]


async def test_delete_asks_first_and_is_a_commit(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main").strip()
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, "aflastning")
        await pilot.press("d")
        assert "Slet indsatsen 'Støtteophold'?" in screen_text(app)
        await pilot.press("escape")  # changed my mind
        await settle(pilot)
        assert git(repo_path, "rev-parse", "main").strip() == head
        await pilot.press("d", "y")
        await settle(pilot)
        assert "aflastning" not in [r.id for r in app.screen.rows]  # type: ignore[attr-defined]
    assert (
        git(repo_path, "log", "-1", "--format=%an|%s").strip()
        == "Mette Prøve|Støtteophold: slettet"
    )
    assert git(repo_path, "rev-parse", "main~1").strip() == head
    assert "aflastning" not in git(repo_path, "ls-tree", "-r", "--name-only", "main")
