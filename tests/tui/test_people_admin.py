"""The admin screen driven by keys: people and faggrupper added, changed and removed as
commits of adgang.yml and faggrupper.yml (real Git), bad input refused with nothing written;
and the slettede view restoring a deleted indsats."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from tui_support import file_at, git, notices, screen_text, settle, until

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.people.deleted_screen import DeletedScreen
from sn_tui.tui.screens.people.forms import RemoveGroupForm
from sn_tui.tui.screens.people.people_screen import PeopleScreen


async def open_people(pilot: Pilot[object]) -> PeopleScreen:
    await settle(pilot)
    await pilot.press("P")
    await until(pilot, lambda: isinstance(pilot.app.screen, PeopleScreen), "the admin screen")
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    await until(pilot, lambda: bool(screen.people), "the people")
    return screen


async def test_an_admin_adds_a_person_with_faggrupper_and_roles_as_choices(
    repo_path: Path,
) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_people(pilot)
        head = git(repo_path, "rev-parse", "main")
        await pilot.press("a", *"Signe S", "tab", *"Signe", "ctrl+s")  # a space in the login
        await until(pilot, lambda: any("ugyldigt" in n for n in notices(app)), "the refusal")
        assert git(repo_path, "rev-parse", "main") == head
        await pilot.press("a", *"signe", "tab", *"Signe Ny", "tab", "tab")
        # faggrupper: the list shows names; the second one (PPR in the test data) is chosen
        await pilot.press("down", "space", "tab", "down", "space", "ctrl+s")
        await until(pilot, lambda: any(p.login == "signe" for p in screen.people), "signe")
        signe = next(p for p in screen.people if p.login == "signe")
        assert signe.navn == "Signe Ny" and signe.roller == ("redaktør", "godkender")
        assert len(signe.faggrupper) == 1
        assert git(repo_path, "log", "-1", "--format=%an: %s").strip() == (
            "Ole Test: Adgang: Signe Ny (signe) tilføjet"
        )
        assert git(repo_path, "status", "--porcelain") == ""


async def test_a_faggruppe_in_use_is_removed_only_after_choosing_for_its_indsatser(
    repo_path: Path,
) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_people(pilot)
        await pilot.press("tab")  # to the faggrupper
        await pilot.press("a", *"jura", "tab", *"Jurister", "ctrl+s")
        await until(pilot, lambda: any(g.id == "jura" for g in screen.groups), "jura")
        await pilot.press("home")  # the first faggruppe: myndighed, which indsatser require
        first = screen.groups[0].id
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, RemoveGroupForm), "the question")
        assert "Hvad skal der ske med" in screen_text(app)
        await pilot.press("ctrl+s")  # the default: the indsatser lose the requirement
        await until(pilot, lambda: all(g.id != first for g in screen.groups), "removed")
        text = file_at(repo_path, "main", "indsatser/familiebehandling.md").decode()
        assert f"faggrupper: [{first}" not in text and first not in text.split("---")[1]
        assert git(repo_path, "status", "--porcelain") == ""


async def test_a_deleted_indsats_is_restored_from_the_slettede_view(repo_path: Path) -> None:
    git(repo_path, "rm", "-q", "indsatser/aflastning.md")
    git(repo_path, "commit", "-qm", "Støtteophold: slettet")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, DeletedScreen), "slettede")
        screen = app.screen
        assert isinstance(screen, DeletedScreen)
        await until(pilot, lambda: bool(screen.found), "the deleted indsats")
        assert screen.found[0].id == "aflastning"
        await pilot.press("enter")
        await until(pilot, lambda: any("gendannet" in n for n in notices(app)), "restored")
        assert (repo_path / "indsatser" / "aflastning.md").is_file()
        assert "gendannet" in git(repo_path, "log", "-1", "--format=%s")


async def test_a_godkender_picks_the_new_indsats_faggrupper_by_name(repo_path: Path) -> None:
    from sn_tui.tui.screens.indsats.new_indsats import NewIndsatsScreen

    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewIndsatsScreen), "the dialog")
        assert "Forebyggende indsatser" in screen_text(app)  # the starter categories offered
        await pilot.press(*"Skolestøtte", "tab", "tab", *"Støttende indsatser", "tab")
        choices = [str(o.prompt) for o in app.screen.query_one("#groups").options]  # type: ignore[attr-defined]
        await pilot.press(*["down"] * choices.index("PPR"), "space", "ctrl+s")
        await until(
            pilot, lambda: "indsatser/skolestoette.md" in git(repo_path, "ls-files"), "made"
        )
        text = file_at(repo_path, "main", "indsatser/skolestoette.md").decode()
        assert "faggrupper: [ppr]" in text
