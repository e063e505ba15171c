"""A concurrent save of the same field: the conflict screen, and nothing lost either way."""

from __future__ import annotations

from pathlib import Path

from tui_support import git, settle

from sn_tui.domain.document import Document
from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.conflict import ConflictScreen
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.widgets.field_editor import FieldEditor

PATH = "indsatser/fast-kontaktperson.md"
THEIRS = "Formål skrevet af Ole."
THEIRS_INDHOLD = "Indhold skrevet af Ole."


def concurrent_save(repo_path: Path) -> str:
    """Ole saves Formål and Indhold while Mette is editing."""
    ws = Workspace.open(str(repo_path), "ole")
    try:
        state = ws.edit_state("fast-kontaktperson")
        doc = state.document.with_field("Formål", THEIRS).with_field("Indhold", THEIRS_INDHOLD)
        result = ws.save_indsats("fast-kontaktperson", doc.to_bytes(), state.base)
        assert result.commit is not None
        return result.commit
    finally:
        ws.close()


async def edit_then_conflict(pilot, repo_path: Path) -> tuple[EditorScreen, str]:  # type: ignore[no-untyped-def]
    """Mette changes Formål and Tildeling; Ole saves meanwhile; Mette saves: a conflict."""
    await settle(pilot)
    await pilot.press("/", *"kontakt", "enter", "enter")
    await settle(pilot)
    editor = pilot.app.screen
    assert isinstance(editor, EditorScreen)
    await pilot.press("ctrl+a", "ctrl+k", *"Formål skrevet af Mette.")
    tildeling = next(e for e in editor.query(FieldEditor) if e.field_name == "Tildeling")
    tildeling.editor.focus()
    await pilot.press("ctrl+a", "ctrl+k", *"Tildeling ved Mette.")
    theirs_commit = concurrent_save(repo_path)
    await pilot.press("ctrl+s", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConflictScreen)
    return editor, theirs_commit


def saved_document(repo_path: Path) -> Document:
    return Document.parse(git(repo_path, "show", f"main:{PATH}").encode())


async def test_conflict_take_mine_keeps_their_other_changes(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor, theirs_commit = await edit_then_conflict(pilot, repo_path)
        conflict = app.screen
        assert isinstance(conflict, ConflictScreen)
        assert [c.name for c in conflict.conflicts] == ["Formål"]
        shown = [str(s.render()) for s in conflict.query(".side")]
        assert shown == ["Formål for fast kontaktperson.", THEIRS, "Formål skrevet af Mette."]
        await pilot.press("ctrl+o", "ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        assert not editor.dirty
    doc = saved_document(repo_path)
    assert doc.field("Formål") == "Formål skrevet af Mette."
    assert doc.field("Tildeling") == "Tildeling ved Mette."
    assert doc.field("Indhold") == THEIRS_INDHOLD  # their change to another field survives
    assert git(repo_path, "rev-parse", "main~1").strip() == theirs_commit
    assert git(repo_path, "log", "-1", "--format=%an").strip() == "Mette Prøve"


async def test_conflict_take_theirs_keeps_my_other_changes(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor, _theirs = await edit_then_conflict(pilot, repo_path)
        await pilot.press("ctrl+t", "ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        formaal = editor.query(FieldEditor).first()
        assert formaal.text == THEIRS  # the editor now shows what was saved
    doc = saved_document(repo_path)
    assert doc.field("Formål") == THEIRS
    assert doc.field("Tildeling") == "Tildeling ved Mette."
    assert doc.field("Indhold") == THEIRS_INDHOLD


async def test_conflict_edit_the_result_by_hand(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await edit_then_conflict(pilot, repo_path)
        conflict = app.screen
        assert isinstance(conflict, ConflictScreen)
        conflict.query_one(".result").focus()
        await pilot.press("end", *" Og Oles.")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert saved_document(repo_path).field("Formål") == "Formål skrevet af Mette. Og Oles."


async def test_cancelled_conflict_keeps_my_text_unsaved(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor, theirs_commit = await edit_then_conflict(pilot, repo_path)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor
        assert editor.dirty
        assert editor.query(FieldEditor).first().text == "Formål skrevet af Mette."
    assert git(repo_path, "rev-parse", "main").strip() == theirs_commit
