"""Bidi overrides and isolates in titles and fields are shown inert in the TUI: a titel can not
be made to read in another order than it is stored (U+202A–U+202E, U+2066–U+2069)."""

from __future__ import annotations

from pathlib import Path

from tui_support import screen_text, settle

from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.widgets.field_editor import FieldEditor

BIDI = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
TITEL = "Pleje \u202egnilrev\u202c familie"
FORMAAL = "Betaling \u2067 1000 kr. \u2069 pr. døgn \u202d."


async def test_titles_and_fields_show_bidi_controls_inert(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    ws.set_meta("plejefamilie", "titel", TITEL)
    ws.set_field("plejefamilie", "Formål", FORMAAL)
    ws.close()
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Pleje \ufffdgnilrev\ufffd familie" in text
        assert not any(ch in text for ch in BIDI)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        text = screen_text(app)
        assert "Betaling \ufffd 1000 kr. \ufffd pr. døgn \ufffd." in text
        assert not any(ch in text for ch in BIDI)
        assert app.screen.query(FieldEditor).first().text == FORMAAL  # the text itself is kept
