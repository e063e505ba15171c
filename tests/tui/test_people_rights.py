"""Rights take effect at once in an open session: adgang.yml edited, committed or broken by
hand while the TUI runs (live poll on, real Git, keys pressed as a user would)."""

from __future__ import annotations

from pathlib import Path

from tui_support import git, until

from sn_tui.tui.app import SnApp
from sn_tui.tui.live.link import LiveSettings
from sn_tui.tui.widgets.banner import Banner

FAST = LiveSettings(heartbeat=0.2, poll=0.1, autosave=0.2, sync=0)
NEW_PERSON = "  signe:\n    navn: Signe Ny\n    faggrupper: [ppr]\n    roller: [redaktør]\n"


def banner(app: SnApp) -> str:
    widget = app.screen.query_one(Banner)
    return str(widget.render()) if widget.display else ""


def said(app: SnApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_an_uncommitted_edit_is_named_and_a_commit_takes_effect_at_once(
    repo_path: Path,
) -> None:
    app = SnApp(str(repo_path), "signe", live=FAST)
    async with app.run_test(size=(140, 40)) as pilot:
        await until(pilot, lambda: "står ikke i adgang.yml" in banner(app), "read-only banner")
        adgang = repo_path / "adgang.yml"
        adgang.write_text(adgang.read_text(encoding="utf-8") + NEW_PERSON, encoding="utf-8")
        await until(pilot, lambda: "ikke gemt i Git" in banner(app), "the uncommitted edit")
        assert "adgang.yml er ændret, men ikke gemt i Git" in said(app)
        assert app.read_only
        git(repo_path, "commit", "-qam", "Signe får adgang")
        await until(pilot, lambda: not app.read_only, "the new rights")
        assert app.sub_title == "Signe Ny"
        assert "roller redaktør; faggrupper ppr" in said(app)
        await until(pilot, lambda: banner(app) == "", "the banner gone")
        await pilot.press("r")  # the review column opens for a writer now, without a restart


async def test_adgang_broken_by_hand_keeps_the_session_running_read_only(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole", live=FAST)
    async with app.run_test(size=(140, 40)) as pilot:
        await until(pilot, lambda: app.person is not None, "ole's rights")
        (repo_path / "adgang.yml").write_text("personer:\n  ole: [\n", encoding="utf-8")
        git(repo_path, "commit", "-qam", "i stykker")
        await until(pilot, lambda: "YAML-fejl i linje" in banner(app), "the reason shown")
        assert app.read_only
        (repo_path / "adgang.yml").write_text(
            "personer:\n  ole:\n    navn: Ole\n    roller: [chef]\n", encoding="utf-8"
        )
        git(repo_path, "commit", "-qam", "ukendt rolle")
        await until(pilot, lambda: "rollen 'chef'" in banner(app), "the unknown role named")
        assert app.read_only and app.is_running
