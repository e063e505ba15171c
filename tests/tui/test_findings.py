"""Check findings beside the field they concern, updated as the user types, with LIX."""

from __future__ import annotations

import subprocess
from pathlib import Path

from textual.pilot import Pilot
from tui_support import checked, on_screen, screen_text, settle, until

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.widgets.field_editor import FieldEditor
from sn_tui.tui.widgets.findings_list import FindingsList


async def open_indsats(pilot: Pilot[object], search: str) -> EditorScreen:
    await settle(pilot)
    await pilot.press("/", *search, "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    await checked(pilot)
    return screen


def field(screen: EditorScreen, name: str) -> FieldEditor:
    return next(e for e in screen.editors if e.field_name == name)


def codes(editor: FieldEditor) -> list[str]:
    return [f.code for f in editor.findings.findings]


async def test_a_clean_indsats_says_so_and_shows_lix(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        screen = await open_indsats(pilot, "kontakt")
        text = screen_text(app)
        assert "Tjek: ingen fejl eller advarsler" in text
        kvalitet = field(screen, "Kvalitetskrav til leverandør")
        assert kvalitet.lix is not None and kvalitet.lix > 0
        assert "LIX " in str(kvalitet.query_one("Label").render())
        assert not any(e.findings.display for e in screen.editors)


async def test_findings_appear_beside_the_field_as_you_type(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        screen = await open_indsats(pilot, "kontakt")
        await pilot.press("tab", "tab", "end", *" Indsatsen ydes ikke til børn under 6 år.")
        maalgruppe = field(screen, "Målgruppe/tildelingskriterier")
        assert maalgruppe.editor.has_focus
        await until(pilot, lambda: codes(maalgruppe) == ["vurdering-phrase"])
        assert codes(field(screen, "Formål")) == []
        await on_screen(
            pilot,
            "▲ advarsel: Formuleringen kan læses som en afvisning",
            "Forslag: Skriv fx",
            "Tjek: 0 fejl, 1 advarsel",
        )

        # softening the sentence takes the warning away again
        await pilot.press("home", "shift+end", "delete")
        await pilot.press(*"Indsatsen ydes som udgangspunkt ikke til børn under 6 år.")
        await until(pilot, lambda: codes(maalgruppe) == [])
        assert not maalgruppe.findings.display
        await on_screen(pilot, "Tjek: ingen fejl eller advarsler")


async def test_errors_in_other_fields_and_the_next_finding_key(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    # tall enough that Lovhjemmel, below the phone warning's explanation, is on screen
    async with app.run_test(size=(110, 64)) as pilot:
        screen = await open_indsats(pilot, "kontakt")
        await pilot.press("tab", "end", *" Ring til 20 30 40 50.")
        lovhjemmel = field(screen, "Lovhjemmel")
        lovhjemmel.editor.focus()
        await pilot.pause()
        await pilot.press("ctrl+a", "shift+end", "delete", *"SEL 52, stk. 3, nr. 5.")
        indhold = field(screen, "Indhold")
        await until(pilot, lambda: codes(lovhjemmel) == ["lovhjemmel-repealed"])
        assert codes(indhold) == ["persondata-phone"]
        assert screen.query_one("#file-findings", FindingsList).findings == []
        await on_screen(pilot, "§ 32, stk. 1, nr. 7, i barnets lov")

        # ctrl+n goes from the top to each field with a finding in turn, and wraps around
        field(screen, "Formål").editor.focus()
        await pilot.pause()
        await pilot.press("ctrl+n")
        assert indhold.editor.has_focus
        await pilot.press("f8")
        assert lovhjemmel.editor.has_focus
        await pilot.press("ctrl+n")
        assert indhold.editor.has_focus


def commit_exception(repo_path: Path, exception: str, *replace: tuple[str, str]) -> None:
    """Give fast-kontaktperson an `undtagelser` entry (and other edits), committed with git."""
    path = repo_path / "indsatser" / "fast-kontaktperson.md"
    text = path.read_text().replace("økonomi:", f"undtagelser:\n{exception}økonomi:")
    for old, new in replace:
        text = text.replace(old, new)
    path.write_text(text)
    subprocess.run(["git", "-C", str(repo_path), "commit", "-qam", "Undtagelse"], check=True)


async def test_an_accepted_warning_stays_visible_with_its_reason(repo_path: Path) -> None:
    commit_exception(
        repo_path,
        "  - regel: vurdering-phrase\n    felt: Målgruppe/tildelingskriterier\n"
        "    begrundelse: Juristen har vurderet formuleringen.\n",
        (
            "Målgruppe/tildelingskriterier for fast kontaktperson.",
            "Målgruppe/tildelingskriterier for fast kontaktperson. "
            "Indsatsen ydes ikke til børn under 6 år.",
        ),
    )
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        screen = await open_indsats(pilot, "kontakt")
        maalgruppe = field(screen, "Målgruppe/tildelingskriterier")
        assert codes(maalgruppe) == ["vurdering-phrase-accepted"]
        assert maalgruppe.findings.active == []
        shown = screen_text(app)
        assert "✓ Accepteret: Formuleringen" in shown
        assert "Begrundelse: Juristen har vurderet formuleringen." in shown
        assert "Tjek: ingen fejl eller advarsler · 1 accepteret" in shown


async def test_a_stale_exception_is_listed_above_the_fields(repo_path: Path) -> None:
    commit_exception(repo_path, "  - regel: termer-outdated\n    begrundelse: Citat fra loven.\n")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_indsats(pilot, "kontakt")
        general = screen.query_one("#file-findings", FindingsList)
        assert [f.code for f in general.findings] == ["undtagelse-unused"]
        assert not any(e.findings.display for e in screen.editors)
        # from the bottom of the form, the next-finding key scrolls back up to it
        field(screen, "Lovhjemmel").editor.focus()
        editors = screen.query_one("#editors")
        # scrolled out of sight once the focus has scrolled the form (after its layout)
        await until(pilot, lambda: not editors.region.contains_region(general.region))
        await pilot.press("ctrl+n")
        await until(pilot, lambda: editors.region.contains_region(general.region))


async def test_the_document_needs_an_individual_assessment(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        await pilot.press("f")  # Forord og principper
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await checked(pilot)
        principper = field(screen, "Principper for indsatsen")
        principper.editor.focus()
        await pilot.pause()
        await pilot.press("ctrl+a", "shift+down", "shift+end", "delete", *"Vi hjælper.")
        await until(pilot, lambda: codes(principper) == ["vurdering-missing"])
        await on_screen(pilot, "konkret og individuel vurdering")
