"""The export dialog writes only into the user's export folder, under a bare file name.

Over SSH the TUI runs as the service account: a typed path must never reach that account's
own files (the review database, `~/.ssh/authorized_keys`). Driven with real key presses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_support import notices, on_screen, settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.dialogs.export_comparison import ExportDialog
from sn_tui.tui.screens.versions.compare import CompareScreen

NAME = "sammenligning-2026-03-05-main.md"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SN_EXPORT_DIR", str(tmp_path / "eksport"))
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    return tmp_path / "eksport" / "mette"


async def open_dialog(pilot: Pilot[object]) -> None:
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CompareScreen)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportDialog)


async def type_name(pilot: Pilot[object], name: str, *, to_field: bool = True) -> None:
    await pilot.press(*(["tab"] if to_field else []), "ctrl+a", "ctrl+k", *name, "ctrl+s")
    await settle(pilot)


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("../../.git/sn-tui.db", "indeholder / eller \\."),
        ("/root/.ssh/authorized_keys", "indeholder / eller \\."),
        ("..\\x.md", "indeholder / eller \\."),
        ("..", "må ikke begynde med punktum"),
    ],
)
async def test_a_path_is_refused_and_nothing_is_written(
    repo_path: Path, folder: Path, typed: str, sentence: str
) -> None:
    db = repo_path / ".git" / "sn-tui.db"
    before = db.read_bytes() if db.exists() else None
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot)
        await type_name(pilot, typed)
        assert isinstance(app.screen, ExportDialog)  # still open: the user can correct it
        await on_screen(pilot, sentence)
        assert not notices(app)
    assert (db.read_bytes() if db.exists() else None) == before
    assert not folder.exists() or not any(folder.iterdir())


async def test_a_bare_name_is_written_into_the_folder(repo_path: Path, folder: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot)
        await type_name(pilot, "a/b.md")
        assert isinstance(app.screen, ExportDialog)
        await on_screen(pilot, "uden mappe: 'a/b.md'")
        await type_name(pilot, "udvalg.md", to_field=False)
        assert isinstance(app.screen, CompareScreen)
    assert [p.name for p in folder.iterdir()] == ["udvalg.md"]
    assert "Familiebehandling" in (folder / "udvalg.md").read_text(encoding="utf-8")
    assert folder.stat().st_mode & 0o077 == 0  # the folder is the user's own


async def test_a_symlink_in_the_folder_is_replaced_not_followed(
    repo_path: Path, folder: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "authorized_keys"
    outside.write_text("ssh-ed25519 AAAA ole\n", encoding="utf-8")
    folder.mkdir(parents=True)
    (folder / NAME).symlink_to(outside)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot)
        await pilot.press("ctrl+s")  # the name the tool chose
        await settle(pilot)
    assert outside.read_text(encoding="utf-8") == "ssh-ed25519 AAAA ole\n"
    assert not (folder / NAME).is_symlink()
    assert "Familiebehandling" in (folder / NAME).read_text(encoding="utf-8")


async def test_over_ssh_the_message_is_the_command_that_fetches_it(
    repo_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.7 50000 10.0.0.1 22")
    monkeypatch.setenv("SN_SSH_HOST", "sn-tui@serviceniveau.testrup.dk")
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert notices(app) == [
        f"Sammenligningen er gemt i din eksportmappe som {NAME}. Hent den til din pc med: "
        f"ssh -T sn-tui@serviceniveau.testrup.dk hent {NAME} > {NAME}"
    ]
    assert (folder / NAME).is_file()
