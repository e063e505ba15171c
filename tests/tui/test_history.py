"""History of an indsats: its commits in Danish, what a commit changed, an old version read-only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable
from tui_support import git, screen_text, settle

from sn_tui.domain.diff.file import file_diff
from sn_tui.domain.diff.types import text_a
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.changes import ChangesScreen
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.indsats.history import HistoryScreen
from sn_tui.tui.widgets.field_editor import FieldEditor
from sn_tui.tui.widgets.indsats_list import IndsatsList


def test_what_a_commit_changed_is_the_comparison_diff() -> None:
    old = "---\ntitel: A\n---\n\n## Formaal\n\nx\n\n## Indhold\n\nHjælp hver uge.\n"
    new = "---\ntitel: B\n---\n\n## Formaal\n\nx\n\n## Indhold\n\nHjælp hver anden uge.\n"
    meta, fields = file_diff(old.encode(), new.encode(), ("Formaal", "Indhold"))
    assert [(m.key, m.before, m.after) for m in meta] == [("titel", "A", "B")]
    assert [f.name for f in fields] == ["Indhold"]
    assert [(op.kind, op.text) for op in fields[0].ops] == [
        ("equal", "Hjælp hver "),
        ("insert", "anden "),
        ("equal", "uge."),
    ]
    assert text_a(fields[0].ops) == "Hjælp hver uge."


def test_a_file_that_does_not_parse_counts_as_text() -> None:
    broken = b"---\ntitel: [\n---\n\n## Formaal\n\nx\n"
    meta, fields = file_diff(broken, None, ("Formaal",))
    assert [(m.key, m.kind) for m in meta] == [("(frontmatter)", "removed")]
    assert [(f.name, f.before, f.after) for f in fields] == [("Formaal", "x", "")]


async def open_history(pilot) -> HistoryScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    listing = pilot.app.screen.query_one(IndsatsList)
    await pilot.press("down")  # from Anbringelse i plejefamilie to Familiebehandling
    assert listing.current_id == "familiebehandling"
    await pilot.press("h")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


async def test_history_lists_commits_with_danish_dates(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        text = screen_text(app)
        assert "20. marts 2026 kl. 14.30" in text
        assert "Mette Prøve" in text
        assert "2. marts 2026 kl. 10.00" in text
        assert "Ole Test" in text
        assert "Familiebehandling: weekender" in text


async def test_what_a_commit_changed(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChangesScreen)
        text = screen_text(app)
        assert "Indhold" in text
        assert "også i weekenden" in text
        assert "Formål" not in text.split("Indhold")[1]  # only the changed field is shown


async def test_open_an_old_version_read_only(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("down", "o")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert "Skrivebeskyttet: versionen fra 2. marts 2026 kl. 10.00 af Ole Test" in screen_text(
            app
        )
        indhold = [e for e in editor.query(FieldEditor) if e.field_name == "Indhold"]
        assert indhold[0].text == "Indhold for familiebehandling."
        assert indhold[0].editor.read_only
        indhold[0].editor.focus()
        await pilot.press("x", "ctrl+s")
        await settle(pilot)
        assert indhold[0].text == "Indhold for familiebehandling."
        assert app.screen is editor
    assert git(repo_path, "rev-parse", "main") == head
