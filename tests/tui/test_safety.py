"""Read-only access, leaving with unsaved changes, text shown as text, language, Forord."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown
from tui_support import changed_lines, file_at, git, screen_text, settle

from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.dialogs.save_message import SaveMessageScreen
from sn_tui.tui.screens.dialogs.unsaved import UnsavedScreen
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.indsats.new_indsats import NewIndsatsScreen
from sn_tui.tui.screens.overview import OverviewScreen
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.field_editor import FieldEditor

HOSTILE = "Rød \x1b[31mtekst\x1b[0m og [bold]fed[/bold] \x07klokke"


async def test_unknown_login_reads_but_cannot_save(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    app = SnApp(str(repo_path), "gæst")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Kun læseadgang: login 'gæst' står ikke i adgang.yml" in screen_text(app)
        await pilot.press("n")
        assert not isinstance(app.screen, NewIndsatsScreen)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query_one(Banner).display
        field = editor.query(FieldEditor).first()
        assert field.editor.read_only
        await pilot.press("x", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SaveMessageScreen)
    assert git(repo_path, "rev-parse", "main") == head


async def test_leaving_with_unsaved_changes_asks(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main").strip()
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        await pilot.press("end", *" Mere.", "escape")
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.press("b")  # stay
        assert app.screen is editor
        await pilot.press("escape", "k")  # discard
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert git(repo_path, "rev-parse", "main").strip() == head
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("end", *" Mere.", "escape", "g")  # save, then leave
        assert isinstance(app.screen, SaveMessageScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
    assert git(repo_path, "rev-parse", "main~1").strip() == head


async def test_escape_sequences_and_markup_in_files_are_shown_as_text(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    ws.set_field("plejefamilie", "Formål", HOSTILE)
    ws.set_meta("plejefamilie", "titel", "Pleje [bold]familie[/bold] \x1b[2J")
    ws.close()
    path = "indsatser/plejefamilie.md"
    before = file_at(repo_path, "main", path)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Pleje [bold]familie[/bold] ␛[2J" in text
        assert "\x1b" not in text and "\x07" not in text
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Rød ␛[31mtekst␛[0m og [bold]fed[/bold]" in text
        assert "\x1b" not in text and "\x07" not in text
        formaal = app.screen.query(FieldEditor).first()
        assert formaal.text == HOSTILE  # the editor holds the real text
        indhold = app.screen.query(FieldEditor)[1]
        indhold.editor.focus()
        await pilot.press("end", *" Ny.", "ctrl+s", "enter")
        await settle(pilot)
    after = file_at(repo_path, "main", path)
    assert changed_lines(before, after) == [
        "-Indhold for anbringelse i plejefamilie.",
        "+Indhold for anbringelse i plejefamilie. Ny.",
    ]


async def test_english_catalogue(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Legal basis" in text and "Changed" in text
        assert "last adopted: 5. marts 2026" in text
        assert "Open" in text and "Filter" in text
        await pilot.press("enter")
        await settle(pilot)
        assert "Expected number" in screen_text(app)
        assert "Save" in screen_text(app)


async def test_forord_and_principper_are_editable_like_fields(repo_path: Path) -> None:
    before = file_at(repo_path, "main", "serviceniveau.md")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        names = [e.field_name for e in editor.query(FieldEditor)]
        assert names == ["Forord", "Principper for indsatsen"]
        await pilot.press("ctrl+home", *"Kære læser. ", "ctrl+s", "enter")
        await settle(pilot)
    after = file_at(repo_path, "main", "serviceniveau.md")
    changed = changed_lines(before, after)
    assert changed == [
        "-Her står, hvad vi vil gøre for børn og unge, og hvad de kan få hjælp til.",
        "+Kære læser. Her står, hvad vi vil gøre for børn og unge, og hvad de kan få hjælp til.",
    ]
    assert git(repo_path, "log", "-1", "--format=%an|%s").strip() == (
        "Mette Prøve|Serviceniveau: ændret Forord"
    )


async def test_preview_renders_the_fields_without_frontmatter(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        preview = app.screen.query_one(Markdown)
        assert preview.display
        text = screen_text(app)
        assert "Målgruppe/tildelingskriterier" in text
        assert "budget_kr" not in text and "økonomi" not in text
        await pilot.press("escape")
        assert app.screen.query(FieldEditor).first().editor.has_focus


async def test_a_folder_that_is_no_repository_ends_with_one_sentence(tmp_path: Path) -> None:
    app = SnApp(str(tmp_path / "findes-ikke"), "mette")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.return_code == 2
    assert app.open_error is not None and "findes ikke" in app.open_error
