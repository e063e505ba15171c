"""The import screen as a user meets it: `I` in the overview, a file from the admin's import
folder, the mapping side by side, a piece moved to another field with `f`, then ctrl+s."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import git, notices, on_screen, screen_text, settle, until

from import_docs import heading_docx
from sn_tui.domain.document import Document
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.importing.import_screen import ImportScreen
from sn_tui.tui.screens.overview import OverviewScreen

FIELDS_OF_PAGE = {
    "Formål": "Børnene mødes med andre børn i samme situation.",
    "Lovhjemmel": "§ 30, stk. 1, nr. 2, i barnets lov.",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    place = tmp_path / "import"
    place.mkdir()
    monkeypatch.setenv("SN_IMPORT_DIR", str(place))
    heading_docx(
        place / "netvaerk.docx",
        {"Forebyggende indsatser": {"Netværksgrupper": FIELDS_OF_PAGE}},
        extra={"Netværksgrupper": ("Formål", "Mødested|Grupperne mødes i familiehuset.")},
    )
    return place


async def test_choose_adjust_and_import(repo_path: Path, folder: Path) -> None:
    before = int(git(repo_path, "rev-list", "--count", "main"))
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await on_screen(pilot, "netvaerk.docx", f"Filer i {folder}")
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("enter")
        await on_screen(pilot, "Netværksgrupper → indsatser/netvaerksgrupper.md (ny)")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        text = screen_text(app)
        assert "Netværksgrupper › Formål: Børnene mødes" in text
        assert "≈ Formål" in text  # "Mødested" matched no field and went to the one before it
        await pilot.press("down")  # the "Mødested" piece
        await on_screen(pilot, "Grupperne mødes i familiehuset.")
        await pilot.press("f")  # Formål -> Indhold
        await until(pilot, lambda: "Lagt i Indhold." in notices(app), "the move")
        await until(pilot, lambda: "≈ Formål" not in screen_text(app), "the row moved")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen), "the overview")
        await settle(pilot)
        assert any(n.startswith("Importeret: 1 nye og 0 opdaterede") for n in notices(app))
        await on_screen(pilot, "Netværksgrupper")
    assert int(git(repo_path, "rev-list", "--count", "main")) == before + 1
    doc = Document.parse(git(repo_path, "show", "main:indsatser/netvaerksgrupper.md"))
    assert doc.field("Formål") == FIELDS_OF_PAGE["Formål"]
    # the moved piece keeps its label
    assert doc.field("Indhold") == "**Mødested**\n\nGrupperne mødes i familiehuset."
    assert doc.meta["kategori"] == "Forebyggende indsatser"
    assert git(repo_path, "log", "-1", "--format=%an").strip() == "Mette Prøve"


async def test_without_a_folder_the_screen_says_how(
    repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SN_IMPORT_DIR", raising=False)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await on_screen(pilot, "Administratoren har ikke sat en importmappe op")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen), "the overview")


async def test_a_bad_file_is_one_sentence_and_nothing_written(
    repo_path: Path, folder: Path
) -> None:
    (folder / "netvaerk.docx").unlink()
    (folder / "gammel.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await on_screen(pilot, "gammel.docx")
        await pilot.press("enter")
        await on_screen(pilot, "gammel.docx er i det gamle Word-format (.doc)")
        await pilot.press("ctrl+s")  # nothing to import: the key does nothing
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
    assert git(repo_path, "rev-parse", "main") == head


async def test_read_only_login_has_no_import_key(repo_path: Path, folder: Path) -> None:
    app = SnApp(str(repo_path), "fremmed")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
