"""Keys: help (F1 and ?), the command palette, remapping in keys.toml, quitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from tui_support import git, on_screen, screen_text, settle

from sn_tui.tui import keys
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.dialogs.unsaved import UnsavedScreen
from sn_tui.tui.screens.help import HelpScreen
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.indsats.new_indsats import NewIndsatsScreen
from sn_tui.tui.screens.overview import OverviewScreen
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar


def test_every_binding_has_an_id_and_a_described_action() -> None:
    for scope, specs in keys.SCOPES.items():
        for spec in specs:
            assert spec.id and spec.keys and spec.action, (scope, spec)
    assert not any(
        s.keys in ("ctrl+enter", "f1", "f2") for specs in keys.SCOPES.values() for s in specs
    )


def test_keymap_file_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\nsave = "ctrl+l, f2"\nbogus = "x"\nnew = 3\n', encoding="utf-8")
    keymap, problems = keys.load_keymap(path)
    assert keymap == {"save": "ctrl+l,f2"}
    assert len(problems) == 2
    assert "'bogus'" in problems[0]
    path.write_text("[keys\n", encoding="utf-8")
    assert keys.load_keymap(path)[0] == {}
    assert keys.load_keymap(tmp_path / "missing.toml") == ({}, [])


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_screen_lists_every_action(repo_path: Path, key: str) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 70)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for label in ("Ny", "Historik", "Gem", "Forhåndsvis", "Næste fund"):
            assert label in text
        assert "keys.toml" in text
        await pilot.press("end")  # the list is longer than the screen
        # the review queue, and the last scope: a draft to restore
        await on_screen(pilot, "Min kø", "Gendan kladden")
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)


def write_keymap(tmp_path: Path, toml: str) -> None:
    """The user's keys.toml, where the tests' XDG_CONFIG_HOME points."""
    config = tmp_path / "config" / "sn-tui"
    config.mkdir(parents=True)
    (config / "keys.toml").write_text(toml, encoding="utf-8")


async def test_user_keymap_remaps_keys_everywhere(repo_path: Path, tmp_path: Path) -> None:
    write_keymap(tmp_path, '[keys]\nnew = "a"\nsave = "ctrl+l"\n')
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        help_text = screen_text(app)
        assert " a " in help_text and "^l" in help_text
        await pilot.press("escape", "n")
        assert not isinstance(app.screen, NewIndsatsScreen)  # n is no longer "new"
        await pilot.press("a")
        assert isinstance(app.screen, NewIndsatsScreen)
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("end", "!", "ctrl+l", "enter")
        await settle(pilot)
    assert git(repo_path, "log", "-1", "--format=%an").strip() == "Mette Prøve"


async def test_command_palette_runs_actions(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert "Historik" in screen_text(app)
        await pilot.press(*"forord")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.target.is_document


async def test_q_quits_from_the_overview_but_types_in_an_editor(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("end", "q")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query("FieldEditor").first().text.endswith("q")  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")  # unsaved changes: ask first
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.press("b")
        assert app.screen is editor
        await pilot.press("ctrl+z", "escape")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0


async def test_the_footer_shows_the_users_keys_and_a_click_presses_one(
    repo_path: Path, tmp_path: Path
) -> None:
    write_keymap(tmp_path, '[keys]\nnew = "a"\n')
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        # the footer wraps between keys: its rows are the screen's last ones
        rows = screen_text(app).rstrip("\n").splitlines()[-footer.size.height :]
        shown = " ".join(rows)
        assert "a Ny" in shown and "n Ny" not in shown
        assert shown.count("Slet") == 1  # one key per action, as bound first
        row = next(n for n, text in enumerate(rows) if "a Ny" in text)
        start = rows[row].index("a Ny")
        await pilot.click(KeyFooter, offset=(start + 2, row))
        await settle(pilot)
        assert isinstance(app.screen, NewIndsatsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert footer.shown == app.screen.query_one(KeyFooter).shown


async def test_the_title_bar_follows_the_screen_and_its_icon_opens_the_palette(
    repo_path: Path,
) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Serviceniveau — Testrup Kommune — Mette Prøve" in screen_text(app).splitlines()[0]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("end", "!")
        await on_screen(pilot, "— ikke gemt")
        assert "ikke gemt" in screen_text(app).splitlines()[0]
        await pilot.click(TitleBar, offset=(1, 0))
        await settle(pilot)
        assert CommandPalette.is_open(app)
