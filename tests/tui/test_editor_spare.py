"""The editor made ahead while the overview is read (`screens/indsats/spare.py`): opening one
indsats after another, by keys, shows only the second one's text, check, rights, drafts and
undo history."""

from __future__ import annotations

from pathlib import Path

from test_live import app_for, draft_text, field, open_indsats
from textual.pilot import Pilot
from textual.widgets import Static
from tui_support import settle, until

from sn_tui.domain.edits import FAGGRUPPER
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.dialogs.unsaved import UnsavedScreen
from sn_tui.tui.screens.indsats import spare
from sn_tui.tui.screens.indsats.draft import DraftScreen
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.overview import OverviewScreen
from sn_tui.tui.widgets.findings_list import check_summary


def the_spare(app: SnApp) -> EditorScreen:
    made = spare._spares.get(app)
    assert made is not None, "the overview makes the next editor while it is read"
    return made


async def spare_ready(pilot: Pilot[int]) -> EditorScreen:
    await settle(pilot)
    await until(pilot, lambda: spare._spares.get(pilot.app) is not None, "the spare editor")  # type: ignore[arg-type]
    return the_spare(pilot.app)  # type: ignore[arg-type]


async def test_a_then_b_shows_b_only(repo_path: Path) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        made = await spare_ready(pilot)
        a = await open_indsats(pilot, "kontakt")
        assert a is made  # the spare was shown, not a new screen
        await until(pilot, lambda: a.checked is not None, "A's check")
        await pilot.press("end", *" Fra A.")
        await until(
            pilot,
            lambda: "Fra A." in (draft_text(repo_path, "mette", "fast-kontaktperson") or ""),
            "A's autosaved draft",
        )
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, UnsavedScreen), "the question")
        await pilot.press("k")  # discard
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen), "the overview")
        made = await spare_ready(pilot)
        assert made is not a

        b = await open_indsats(pilot, "behandling")
        assert b is made
        assert b.target.indsats_id == "familiebehandling"
        assert not isinstance(app.screen, DraftScreen)  # A's draft is not offered in B
        assert field(b, "Formål").text == "Formål for familiebehandling."
        assert all("Fra A." not in e.text for e in b.editors)
        assert not b.dirty and b.link.written is None
        assert "Familiebehandling" in b.title
        form = b.form
        assert form is not None and form.input("titel").value == "Familiebehandling"
        # B's check line, for B's text
        await until(pilot, lambda: b.checked is not None, "B's check")
        assert b.checked == b.current_bytes()
        assert app.workspace is not None
        report = app.workspace.check_edit(b.target.path, b.current_bytes(), b.base)
        shown = b.query_one("#check-summary", Static).render()
        assert str(shown) == check_summary(report, b.target.path).plain
        # undo in B starts at B's saved text
        assert field(b, "Formål").editor.has_focus
        await pilot.press("ctrl+z", "ctrl+z")
        assert field(b, "Formål").text == "Formål for familiebehandling."
        assert not b.dirty
        await pilot.press("end", *" B.", "ctrl+z")
        assert all("Fra A." not in e.text for e in b.editors)


async def test_rights_and_locks_are_those_of_b(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")  # a redaktør, not a godkender
    async with app.run_test(size=(100, 40)) as pilot:
        await spare_ready(pilot)
        a = await open_indsats(pilot, "kontakt")
        assert a.form is not None and a.form.field(FAGGRUPPER).disabled
        await pilot.press("escape")
        await spare_ready(pilot)
        b = await open_indsats(pilot, "behandling")
        assert b is not a
        assert b.form is not None and b.form.field(FAGGRUPPER).disabled
        assert b.query_one("#faggrupper-note").display
        assert not b.read_only and not field(b, "Formål").editor.read_only


async def test_a_godkender_may_choose_faggrupper_in_every_opened_indsats(
    repo_path: Path,
) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(100, 40)) as pilot:
        for words in ("kontakt", "behandling"):
            await spare_ready(pilot)
            screen = await open_indsats(pilot, words)
            assert screen.form is not None and not screen.form.field(FAGGRUPPER).disabled
            assert not screen.query_one("#faggrupper-note").display
            await pilot.press("escape")


async def test_an_unknown_login_gets_read_only_editors(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ukendt")
    async with app.run_test(size=(100, 40)) as pilot:
        for words in ("kontakt", "behandling"):
            await spare_ready(pilot)
            screen = await open_indsats(pilot, words)
            assert screen.read_only
            assert all(e.editor.read_only for e in screen.editors)
            await pilot.press("x")
            assert not screen.dirty
            await pilot.press("escape")


async def test_the_forord_after_an_indsats_has_its_own_fields(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await spare_ready(pilot)
        a = await open_indsats(pilot, "kontakt")
        await pilot.press("escape")
        await spare_ready(pilot)
        await pilot.press("f")
        await until(
            pilot,
            lambda: isinstance(app.screen, EditorScreen) and app.screen.original is not None,
            "the Forord",
        )
        doc = app.screen
        assert isinstance(doc, EditorScreen) and doc is not a
        assert doc.target.is_document and doc.form is None
        assert [e.field_name for e in doc.editors] == ["Forord", "Principper for indsatsen"]
        assert field(doc, "Forord").text.startswith("Her står")


async def test_opening_again_at_once_after_escape_shows_the_text(repo_path: Path) -> None:
    """Enter straight after escape: the next editor may still be being made (or not yet begun)."""
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        shown = [await open_indsats(pilot, "kontakt")]
        for _ in range(3):
            await pilot.press("escape", "enter")
            await until(pilot, lambda: opened_anew(app, shown), "the editor again")
            again = app.screen
            assert isinstance(again, EditorScreen)
            assert field(again, "Formål").text == "Formål for fast kontaktperson."
            assert not again.dirty
            await until(pilot, lambda: shown_checked(app), "its check")
            shown.append(again)


def opened_anew(app: SnApp, shown: list[EditorScreen]) -> bool:
    screen = app.screen
    return isinstance(screen, EditorScreen) and screen not in shown and screen.original is not None


def shown_checked(app: SnApp) -> bool:
    screen = app.screen
    return isinstance(screen, EditorScreen) and screen.checked is not None


async def test_an_editor_opened_while_it_is_still_being_made_shows_the_text(
    repo_path: Path,
) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await spare_ready(pilot)
        await pilot.press("/", *"kontakt", "enter")
        spare._spares.pop(app).remove()
        spare.make_spare(app)  # as the overview does when it is shown again
        made = the_spare(app)
        await pilot.press("enter")
        await until(
            pilot, lambda: made.original is not None and made.checked is not None, "the text"
        )
        assert app.screen is made
        assert field(made, "Formål").text == "Formål for fast kontaktperson."
        assert made.query_one("#switcher").display
