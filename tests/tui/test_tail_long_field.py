"""Typing in a field taller than its box: what is typed stays in view, and the check's LIX
follows, although neither lays out the editor screen again (see SnTextArea._refresh_size)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from tui_support import checked, on_screen, settle, until

from sn_tui.domain.checks.legal.readability import format_lix
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen

LONG = " ".join(f"Sætning nummer {n} om hvad familien kan få af hjælp." for n in range(120))


async def test_typing_at_the_end_of_a_long_field_keeps_it_in_view(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        await pilot.press("/", *"kontakt", "enter", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await checked(pilot)
        field = next(e for e in screen.editors if e.field_name == "Målgruppe/tildelingskriterier")
        area = field.editor
        await pilot.press("tab", "tab", "end")
        assert area.has_focus
        area.post_message(events.Paste(" " + LONG))
        await until(pilot, lambda: area.text.endswith("hjælp."), "the pasted text")
        await pilot.pause()
        box = area.scrollable_content_region.height
        before = area.wrapped_document.height
        assert before > box  # taller than its box: the field scrolls
        typed = " Sidste ord skrevet her til sidst i feltet og lidt mere tekst efter det" * 2
        await pilot.press(*typed)
        await until(pilot, lambda: area.text.endswith(typed), "the typed text")
        assert area.wrapped_document.height > before  # the typing made new wrapped lines
        assert area.virtual_size.height == area.wrapped_document.height
        assert area.scroll_y == area.max_scroll_y > 0  # the cursor's line is in view
        await on_screen(pilot, "lidt mere tekst efter det")
        await checked(pilot)
        assert field.lix is not None
        label = str(field.query_one("Label").render())
        assert f"LIX {format_lix(field.lix)}" in label.replace("\xa0", " ")
