"""The datagrundlag screen as a user meets it: `g` in the overview, a year's table with
enhedspriser and the change from the year before, `p`/`n` between years, `K` between the
indsats' and its kategori's chart, escape back; readable at 80×24 with NO_COLOR."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import on_screen, screen_text, settle

from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.datagrundlag.datagrundlag import DatagrundlagScreen

HEADER = "Indsats;Antal børn;Helårspersoner;Nettoudgift;Kilde"
YEARS = {
    2024: ["familiebehandling;50;40;4.000.000;Prisme", "plejefamilie;10;9;3.600.000;Prisme"],
    2025: ["familiebehandling;55;44;4.400.000;Prisme", "plejefamilie;8;8;3.200.000;Prisme",
           "Fast kontaktperson;20;12;960.000;Prisme"],
}  # fmt: skip


def with_datagrundlag(repo: Path, tmp_path: Path) -> Path:
    ws = Workspace.open(str(repo), "ole")
    try:
        for year, lines in YEARS.items():
            source = tmp_path / f"{year}.csv"
            source.write_bytes("\r\n".join([HEADER, *lines]).encode("cp1252"))
            ws.run_datagrundlag_import(ws.datagrundlag_import_plan(source, year))
    finally:
        ws.close()
    return repo


async def test_table_years_and_charts_by_keys(
    repo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = SnApp(str(with_datagrundlag(repo_path, tmp_path)), "mette")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, DatagrundlagScreen)
        await on_screen(pilot, "2025 (år 2024–2025): 83 børn, 8.560.000 kr. i alt")
        text = screen_text(app)
        # Anbringelse i plejefamilie: 3.200.000 kr. / 8 = 400.000 kr., down 11 % from 2024
        row = next(line for line in text.splitlines() if line.startswith(" Anbringelse"))
        assert row.split() == ["Anbringelse", "i", "plejefamil…", "8", "8", "3.200.000",
                               "400.000", "400.000", "-11", "%"]  # fmt: skip
        row = next(line for line in text.splitlines() if "Fast kontaktperson" in line)
        assert row.split()[2:] == ["20", "12", "960.000", "80.000", "48.000", "–"]
        # the first row (Danish order) is charted: its udgift over both years, as bars
        assert "Udgift over årene: Anbringelse i plejefamilie" in text
        bars = [line for line in text.splitlines() if "█" in line]
        assert [line.split()[0] for line in bars] == ["2024", "2025"]
        assert "3.600.000 kr." in bars[0] and "3.200.000 kr." in bars[1]
        assert all(len(line) <= 80 for line in text.splitlines())

        await pilot.press("K")
        await on_screen(pilot, "Udgift over årene for kategorien: Anbringelser")
        await pilot.press("down")  # Familiebehandling: Støttende indsatser
        await on_screen(pilot, "Udgift over årene for kategorien: Støttende indsatser")
        assert "5.360.000 kr." in screen_text(app)  # 4.400.000 + 960.000 in 2025

        await pilot.press("p")
        await on_screen(pilot, "2024 (år 2024–2025): 60 børn, 7.600.000 kr. i alt")
        assert "Fast kontaktperson" not in screen_text(app)
        await pilot.press("n")
        await on_screen(pilot, "2025 (år 2024–2025)")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DatagrundlagScreen)


async def test_without_datagrundlag_the_screen_says_how_to_import(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(200, 24)) as pilot:
        await settle(pilot)
        assert "g Datagrundlag" in screen_text(app)  # the footer names the key
        await pilot.press("g")
        await on_screen(pilot, "Der er intet datagrundlag endnu. Importér et med:")


async def test_the_editor_shows_the_latest_numbers_beside_the_budget(
    repo_path: Path, tmp_path: Path
) -> None:
    app = SnApp(str(with_datagrundlag(repo_path, tmp_path)), "mette")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")  # Familiebehandling, second in Støttende indsatser
        await on_screen(
            pilot,
            "Datagrundlag 2025: 55 børn, 44 helårspersoner, 4.400.000 kr. (80.000 kr. pr. barn)"
            " · budget 4.500.000 kr. (+2 % mod udgiften) · forventet 60 børn (+9 %)",
        )
