"""Comparing two versions in the TUI: the summary and list, one indsats side by side or inline,
stepping through changes with n/N, and exporting the comparison in every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable
from tui_support import notices, screen_text, settle

from sn_tui.export.common import format_total_change
from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.presenters.diff_rows import change_count, entries
from sn_tui.tui.screens.versions.compare import CompareScreen
from sn_tui.tui.screens.versions.compare_fields import CompareFieldsScreen
from sn_tui.tui.screens.versions.versions import VersionsScreen
from sn_tui.tui.widgets.diff_row import DiffRow

SRC = Path(__file__).resolve().parents[2] / "src"
A, B = "vedtaget/2025-01-22", "vedtaget/2025-10-08"


def cli(repo: Path, *args: str, user: str = "mette") -> subprocess.CompletedProcess[bytes]:
    """`sn-tui` as a separate process, as a committee secretary would run it."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "SN_USER": user}
    return subprocess.run(
        [sys.executable, "-m", "sn_tui", *args], cwd=repo, capture_output=True, env=env, check=True
    )


async def compare_demo_versions(pilot) -> CompareScreen:  # type: ignore[no-untyped-def]
    """Mark the first adopted version A and the second B on the versions screen, compare."""
    screen = await start_comparing(pilot)
    await settle(pilot)
    return screen


async def start_comparing(pilot) -> CompareScreen:  # type: ignore[no-untyped-def]
    """As `compare_demo_versions`, without waiting for the comparison."""
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    versions = pilot.app.screen
    assert isinstance(versions, VersionsScreen)
    while versions.current() != A:
        await pilot.press("down")
    await pilot.press("a", "up", "b", "c")
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    assert (screen.a, screen.b) == (A, B)
    return screen


async def open_entry(pilot, screen: CompareScreen, key: str) -> CompareFieldsScreen:  # type: ignore[no-untyped-def]
    while (current := screen.current()) is not None and current.key != key:
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)
    fields = pilot.app.screen
    assert isinstance(fields, CompareFieldsScreen)
    assert fields.entry.key == key
    return fields


async def test_comparing_two_adopted_versions_shows_the_cli_summary(demo_path: Path) -> None:
    summary = json.loads(cli(demo_path, "diff", A, B, "--format", "json").stdout)["summary"]
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await compare_demo_versions(pilot)
        text = screen_text(app)
        assert (
            f"{summary['added']} tilføjede · {summary['removed']} fjernede · "
            f"{summary['changed']} ændrede · {summary['unchanged']} uændrede indsatser"
        ) in text
        budget = summary["economy"]["budget_kr"]
        total = format_total_change(budget["before"], budget["after"], money=True)
        assert f"Økonomi i alt: {total}" in text
        assert "160.730.000 kr." in total  # Danish thousands separators
        assert "A: vedtaget/2025-01-22 — vedtaget 22. januar 2025" in text
        table = screen.query_one(DataTable)
        assert table.row_count == summary["added"] + summary["removed"] + summary["changed"]
        ws = Workspace.open(str(demo_path), "mette")
        expected = entries(ws.compare(A, B))
        ws.close()
        for row, entry in zip(table.ordered_rows, expected, strict=True):
            assert str(table.get_cell(row.key, "changes")) == str(change_count(entry))
        assert "praktiktilbud" in [e.key for e in expected if e.status == "added"]


async def test_side_by_side_and_inline_show_a_moved_paragraph(demo_path: Path) -> None:
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await compare_demo_versions(pilot)
        fields = await open_entry(pilot, screen, "fast-kontaktperson")
        assert fields.mode == "side"
        text = screen_text(app)
        assert "A: vedtaget/2025-01-22" in text and "B: vedtaget/2025-10-08" in text
        assert "Budget: 7.200.000 kr." in text and "Budget: 7.650.000 kr." in text
        assert "(Flyttet herfra til Levering af ydelsen, afsnit 2)" in text
        await pilot.press("s")
        await settle(pilot)
        assert fields.mode == "inline"
        assert all(row.mode == "inline" for row in fields.query(DiffRow))
        text = screen_text(app)
        assert "Budget: 7.200.000 kr. → 7.650.000 kr., +6 %" in text
        assert "(Flyttet hertil fra Indhold, afsnit 2)" in text
        assert "inline" in text
        await pilot.press("s")
        await settle(pilot)
        assert fields.mode == "side"
        assert "Budget: 7.200.000 kr." in screen_text(app)
        await pilot.press("escape")
        assert app.screen is screen


def visible_in(row: DiffRow, body: VerticalScroll) -> bool:
    top, bottom = row.region.y, row.region.bottom
    return body.region.y <= top and bottom <= body.region.bottom


async def test_n_and_shift_n_step_through_changes(demo_path: Path) -> None:
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await compare_demo_versions(pilot)
        fields = await open_entry(pilot, screen, "praktiktilbud")  # added: every field a change
        count = fields.diff_layout.count
        assert count > 8
        body = fields.query_one("#body", VerticalScroll)
        assert fields.current is None and body.scroll_y == 0
        for n in range(count):
            await pilot.press("n")
            await settle(pilot)
            assert fields.current == n
            row = fields.row_of(n)
            assert row is not None and row.has_class("-current")
            assert visible_in(row, body), n
            assert f"Ændring {n + 1} af {count}" in screen_text(app)
        assert body.scroll_y > 0  # the last changes were below the first screen
        assert sum(r.has_class("-current") for r in fields.query(DiffRow)) == 1
        await pilot.press("N", "N")
        await settle(pilot)
        assert fields.current == count - 3
        assert visible_in(fields.row_of(count - 3), body)  # type: ignore[arg-type]
        await pilot.press("n", "n", "n")  # past the last: round to the first
        await settle(pilot)
        assert fields.current == 0
        assert visible_in(fields.row_of(0), body)  # type: ignore[arg-type]


async def export_with_keys(pilot, fmt_index: int, name: str | None) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await settle(pilot)
    await pilot.press(*["down"] * fmt_index, "space")
    if name is not None:
        await pilot.press("tab", "ctrl+a", "ctrl+k", *name)
    await pilot.press("ctrl+s")
    await settle(pilot)


@pytest.mark.parametrize(("index", "fmt"), list(enumerate(["md", "html", "docx", "json", "pdf"])))
async def test_export_in_each_format(
    repo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: int, fmt: str
) -> None:
    monkeypatch.setenv("SN_EXPORT_DIR", str(tmp_path / "eksport"))
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    folder = tmp_path / "eksport" / "mette"
    target = folder / f"udvalg.{fmt}"
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await export_with_keys(pilot, index, target.name)
        assert isinstance(app.screen, CompareScreen)
        assert f"Sammenligningen er skrevet til {target}." in notices(app)
    assert target.is_file()
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary left
    data = target.read_bytes()
    if fmt == "docx":
        import docx

        document = docx.Document(str(target))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "vedtaget 5. marts 2026" in text
        return
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
        return
    expected = cli(repo_path, "diff", "vedtaget/2026-03-05", "main", "--format", fmt).stdout
    assert data == expected  # the same service and renderer as `sn-tui diff`
    if fmt == "md":
        text = data.decode()
        assert "Familiebehandling" in text and "også i weekenden" in text
        assert "Økonomisk støtte til efterskole" in text  # the added indsats
    if fmt == "json":
        assert json.loads(data)["summary"]["changed"] == 1


async def test_export_default_name_and_an_unwritable_folder(
    repo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "eksport"
    monkeypatch.setenv("SN_EXPORT_DIR", str(base))
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await export_with_keys(pilot, 2, None)
        default = base / "mette" / "sammenligning-2026-03-05-main.docx"
        assert default.is_file()
        (base / "mette" / "x.md").mkdir()  # a folder where the file should go
        await export_with_keys(pilot, 0, "x.md")
        assert isinstance(app.screen, CompareScreen)
        assert any("Filen x.md kunne ikke skrives i din eksportmappe" in n for n in notices(app))
        assert "Traceback" not in screen_text(app)
    assert sorted(p.name for p in (base / "mette").iterdir()) == [default.name, "x.md"]
