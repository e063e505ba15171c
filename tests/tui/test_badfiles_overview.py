"""Issue 16 §8 in the TUI: a malformed indsats on main, committed with plain git.

The overview lists every other indsats as before, with a visible line that names the bad file,
its line and why; the others open and save as usual.
"""

from __future__ import annotations

from pathlib import Path

from tui_support import git, on_screen, screen_text, settle

from sn_tui.domain.overview import GroupLine
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.widgets.indsats_list import IndsatsList

BAD = "indsatser/aflastning.md"


def _spoil(repo: Path, old: str, new: str) -> None:
    """Change the file's text with plain git, as someone with an editor and a clone would."""
    path = repo / BAD
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    git(repo, "-c", "user.name=Plain Git", "-c", "user.email=git@testrup.dk", "commit", "-qam", "x")


def _listed(app: SnApp) -> list[str]:
    lines = app.screen.query_one(IndsatsList)._lines
    return [line.id for line in lines if not isinstance(line, GroupLine)]


async def test_the_overview_shows_the_rest_and_a_line_for_the_bad_file(repo_path: Path) -> None:
    _spoil(repo_path, "titel:", "revideret: 2026-02-30\ntitel:")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await on_screen(pilot, f"✖ {BAD} kunne ikke læses", "linje 3", "'2026-02-30'")
        assert sorted(_listed(app)) == [
            "familiebehandling",
            "fast-kontaktperson",
            "oekonomisk-stoette",
            "plejefamilie",
        ]
        assert "Indsatserne kunne ikke indlæses" not in screen_text(app)
        await pilot.press("/", *"kontakt", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await on_screen(pilot, "Formål for fast kontaktperson.")
        await pilot.press("end", *" Også om aftenen.", "ctrl+s", *"Aftentimer", "enter")
        await settle(pilot)
        assert not app.screen.dirty
    shown = git(repo_path, "show", "main:indsatser/fast-kontaktperson.md")
    assert "Formål for fast kontaktperson. Også om aftenen." in shown
    assert "revideret: 2026-02-30" in git(repo_path, "show", f"main:{BAD}")  # left as it was


async def test_an_alias_bomb_in_a_titel_is_a_line_not_a_hang(repo_path: Path) -> None:
    laughs = ["l0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    laughs += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 9)]
    _spoil(repo_path, "titel: Støtteophold", "\n".join(laughs) + "\ntitel: *l8")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await on_screen(pilot, f"✖ {BAD} kunne ikke læses", "YAML-aliaser")
        assert "familiebehandling" in _listed(app)


async def test_the_comparison_names_the_bad_file_and_removes_nothing(repo_path: Path) -> None:
    _spoil(repo_path, "titel:", 'titel: "Støtteophold\nx:')  # an unclosed quote
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("c")  # the last adopted version against main
        await settle(pilot)
        await on_screen(pilot, f"✖ {BAD} i main (udkast) kunne ikke læses og er ikke sammenlignet")
        assert "0 fjernede" in screen_text(app)


async def test_an_adopted_version_with_a_bad_file_says_so(repo_path: Path) -> None:
    _spoil(repo_path, "titel:", "revideret: 2026-02-30\ntitel:")
    git(repo_path, "tag", "-a", "vedtaget/2026-04-01", "-m", "Vedtaget med plain git")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("o")  # the newest version: the one adopted with the bad file
        await settle(pilot)
        await on_screen(pilot, f"✖ {BAD} kunne ikke læses og er ikke med (linje 3)")
        assert "4 indsatser" in screen_text(app)


async def test_the_review_matrix_names_the_bad_file(repo_path: Path) -> None:
    _spoil(repo_path, "titel:", "revideret: 2026-02-30\ntitel:")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await on_screen(pilot, f"✖ {BAD} kunne ikke læses og er ikke med (linje 3)")
