"""The dagsordenpunkt from the compare screen: `d` (shown in the footer and the help) asks for
a format, a file and the indstilling's text through the export dialog, and writes the agenda
item with the comparison attached, as `sn-tui dagsorden` does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from tui_support import notices, on_screen, screen_text, settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.help import HelpScreen
from sn_tui.tui.screens.versions.compare import CompareScreen

INDSTILLING = "Udvalget godkender serviceniveauet."


def texts_after(document: Any, heading: str) -> str:
    texts = [p.text for p in document.paragraphs]
    return texts[texts.index(heading) + 1]


async def open_compare(pilot) -> None:  # type: ignore[no-untyped-def]
    """The versions screen's default comparison: the last adopted version against main."""
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CompareScreen)


async def test_d_writes_the_dagsordenpunkt_as_word(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SN_EXPORT_DIR", str(tmp_path))
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    target = tmp_path / "mette" / "punkt.docx"  # the login's own export folder
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_compare(pilot)
        bottom = screen_text(app).rstrip("\n").splitlines()[-1]
        assert "d Dagsordenpunkt" in bottom
        await pilot.press("d")
        await settle(pilot)
        assert "Dagsordenpunkt for ændringen" in screen_text(app)
        await pilot.press("tab", "ctrl+a", "ctrl+k", *target.name)
        await pilot.press("tab", *INDSTILLING, "enter")
        await settle(pilot)
        await pilot.app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert f"Dagsordenpunktet er skrevet til {target}." in notices(app)
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in (
        "Indstilling",
        "Sagsfremstilling",
        "Økonomiske konsekvenser",
        "Høring",
        "Lovgrundlag",
        "Bilag",
    ):
        assert section in headings
    assert texts_after(document, "Indstilling") == INDSTILLING
    body = document.element.body.xml
    assert "<w:ins " in body and "<w:del " in body  # the bilag's tracked changes


async def test_the_default_file_is_named_for_the_agenda_and_the_format(
    demo_path: Path,
) -> None:
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_compare(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("down", "space")  # docx -> pdf
        await on_screen(pilot, "dagsordenpunkt-2026-06-03-main.pdf")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_help_names_the_dagsordenpunkt_key(demo_path: Path) -> None:
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(100, 70)) as pilot:
        await open_compare(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        pages = 0
        while "Dagsordenpunkt" not in screen_text(app) and pages < 10:
            await pilot.press("pagedown")  # the list of every key is longer than the screen
            await pilot.pause()
            pages += 1
        compare_lines = [line for line in screen_text(app).splitlines() if "Dagsordenpunkt" in line]
        assert compare_lines and compare_lines[0].split()[0] == "d"
