"""Smaller defects found on a real SSH host (issue 16 §7), each as the user meets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_edit_save import PATH, open_fast_kontaktperson
from textual.widgets import DataTable
from tui_support import changed_lines, file_at, screen_text, settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.overview import OverviewScreen
from sn_tui.tui.screens.versions.compare import CompareScreen


async def test_a_budget_typed_the_danish_way_is_saved_and_then_not_unsaved(
    repo_path: Path,
) -> None:
    before = file_at(repo_path, "main", PATH)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_fast_kontaktperson(pilot)
        form = screen.form
        assert form is not None
        form.input("økonomi.budget_kr").focus()
        await pilot.press("ctrl+u", *"17.000.000", "ctrl+s", "enter")
        await settle(pilot)
        assert not screen.dirty
        assert not screen.title.startswith("●")
        assert form.input("økonomi.budget_kr").value == "17.000.000"  # as the user typed it
        await pilot.press("escape")  # no "save your changes?" question
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
    after = file_at(repo_path, "main", PATH)
    assert changed_lines(before, after) == ["-  budget_kr: 4500000", "+  budget_kr: 17000000"]


async def test_enter_in_the_export_dialog_exports(
    repo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hint says "enter eller ^s eksporterer": enter on the formats and in the path."""
    monkeypatch.setenv("SN_EXPORT_DIR", str(tmp_path))
    folder = tmp_path / "mette"  # each login's own export folder
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("down", "space", "enter")  # html chosen, enter on the formats
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (folder / "sammenligning-2026-03-05-main.html").is_file()
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab", "end", *["backspace"] * 3, *"-2.md", "enter")  # in the path
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
    assert (folder / "sammenligning-2026-03-05-main-2.md").is_file()


async def test_tables_fit_80_columns_and_cut_names_with_an_ellipsis(demo_path: Path) -> None:
    """The versions list and the comparison at the usual SSH size: every number whole, every
    cut name or date ends in …, and no column runs off the screen's edge."""
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        shown = screen_text(app)
        assert "Hanne V…" in shown and "Hanne Vestergaa " not in shown
        assert "Vedtage…" in shown  # the last column's heading, cut in the same way
        fits(app)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        shown = screen_text(app)
        for budget in ("+250.000 kr., +23 %", "-500.000 kr., -3 %", "+1.050.000 kr."):
            assert budget in shown
        assert "Familiebehand…" in shown
        fits(app)
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert "Hanne Vestergaard" in screen_text(app)  # wide enough: nothing cut
        assert "…" not in screen_text(app)


def fits(app: SnApp) -> None:
    table = app.screen.query_one(DataTable)
    assert table.virtual_size.width <= table.scrollable_content_region.width
