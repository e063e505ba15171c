"""A process killed with SIGKILL never costs a reported save, never blocks the next one, and
leaves the draft of the edit it had not saved, ready to restore."""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import cli_env, git
from sn_tui.services.workspace import Workspace
from sn_tui.store.repo import ContentRepo
from sn_tui.store.save import STALE_LOCK_SECONDS, WorktreeDirty, save_files

WORKER = Path(__file__).parent / "crash_worker.py"
INDSATS = "familiebehandling"
PATH = f"indsatser/{INDSATS}.md"
SAVES = 200

sys.path.insert(0, str(WORKER.parent))
from crash_worker import edit_text  # noqa: E402


class Worker:
    """One run of crash_worker.py in its own process group; its output lines in a queue."""

    def __init__(self, repo: Path, first: int, last: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(repo), "ole", INDSATS, str(first), str(last)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
            start_new_session=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def kill(self, *, whole_group: bool) -> list[str]:
        """SIGKILL the worker (and with `whole_group` the git it may be running); its output."""
        if whole_group:
            os.killpg(self.proc.pid, signal.SIGKILL)
        else:
            self.proc.kill()
        self.proc.wait(timeout=30)
        assert self.proc.stderr is not None
        self.errors = self.proc.stderr.read()
        return self.drain()

    def drain(self) -> list[str]:
        out = []
        while (line := self.lines.get(timeout=30)) is not None:
            out.append(line)
        return out

    def wait_for(self, accept: Callable[[str], bool]) -> str:
        while True:
            line = self.lines.get(timeout=60)
            assert line is not None, self.proc.stderr.read() if self.proc.stderr else ""
            if accept(line):
                return line


@pytest.mark.slow
def test_kill_9_during_200_saves_loses_nothing_reported(repo_path: Path) -> None:
    rng = random.Random(20261123)
    reported: dict[int, str] = {}
    kills = 0
    while len(reported) < SAVES:
        first = max(reported, default=0) + 1
        worker = Worker(repo_path, first, SAVES)
        worker.wait_for(lambda line: line == "ready")
        time.sleep(rng.uniform(0.0, 1.0))  # a random point in the saves: the crash is the test
        lines = worker.kill(whole_group=kills % 3 == 2)
        kills += 1
        for line in lines:
            kind, number, commit = line.split()
            if kind == "done":
                reported[int(number)] = commit
        assert kills < 100, f"no progress after a kill: {worker.errors[-1500:]}"
    assert kills >= 3

    # every save the worker reported done is in main's history with its text
    history = set(git(repo_path, "rev-list", "main").split())
    for number, commit in reported.items():
        assert commit in history
        text = git(repo_path, "show", f"{commit}:{PATH}")
        assert edit_text(number) in text or any(
            edit_text(later) in text for later in range(number + 1, SAVES + 1)
        )
    assert edit_text(SAVES) in git(repo_path, "show", f"main:{PATH}")
    fsck = subprocess.run(
        ["git", "-C", str(repo_path), "fsck", "--strict", "--no-dangling"],
        capture_output=True,
        text=True,
    )
    assert fsck.returncode == 0, fsck.stderr

    # the user typed one more edit and the connection died before they saved it
    worker = Worker(repo_path, SAVES + 1, SAVES)
    worker.wait_for(lambda line: line.startswith("drafted"))
    worker.kill(whole_group=True)
    workspace = Workspace.open(str(repo_path), "ole")
    try:
        draft = workspace.reviews.live.draft("ole", INDSATS)
        assert draft is not None
        assert edit_text(SAVES + 1) in draft.content
        assert draft.base_commit == workspace.repo.head()
        # and nothing blocks the next save: the restored draft saves as one more commit
        result = workspace.save_indsats(INDSATS, draft.content.encode(), draft.base_commit)
        assert result.changed
        # A git killed in the last round may have left index.lock: until it is old enough to
        # be surely stale the checkout may lag behind main, and the next save catches it up.
        lock = repo_path / ".git" / "index.lock"
        if lock.exists():
            time.sleep(max(0.0, STALE_LOCK_SECONDS - (time.time() - lock.stat().st_mtime)))
            workspace.set_field(INDSATS, "Formål", "Efter nedbruddene.")
    finally:
        workspace.close()
    git_locks = (repo_path / ".git").rglob("*.lock")
    assert [p.name for p in git_locks if not p.name.startswith("sn-tui-")] == []
    assert git(repo_path, "status", "--porcelain") == ""


@pytest.mark.parametrize("name", ["refs/heads/main.lock", "HEAD.lock"])
def test_a_ref_lock_left_by_a_killed_git_does_not_block_saving(repo_path: Path, name: str) -> None:
    lock = repo_path / ".git" / name
    lock.write_text(git(repo_path, "rev-parse", "main"))
    old = time.time() - 60
    os.utime(lock, (old, old))
    workspace = Workspace.open(str(repo_path), "ole")
    try:
        result = workspace.set_field(INDSATS, "Indhold", "Efter et nedbrud.")
    finally:
        workspace.close()
    assert result.changed
    assert not lock.exists()
    assert "Efter et nedbrud." in git(repo_path, "show", f"main:{PATH}")


def test_an_index_lock_left_by_a_killed_git_does_not_block_saving(repo_path: Path) -> None:
    lock = repo_path / ".git" / "index.lock"
    lock.write_bytes(b"")
    old = time.time() - 60
    os.utime(lock, (old, old))
    workspace = Workspace.open(str(repo_path), "ole")
    try:
        workspace.set_field(INDSATS, "Indhold", "Efter et nedbrud.")
    finally:
        workspace.close()
    assert not lock.exists()
    assert git(repo_path, "status", "--porcelain") == ""


def test_a_file_left_behind_by_a_killed_save_is_brought_up_to_date(repo_path: Path) -> None:
    # main moves on as a save does, but the checked-out file and index are not written back
    workspace = Workspace.open(str(repo_path), "ole")
    try:
        state = workspace.edit_state(INDSATS)
        data = state.document.with_field("Indhold", "Gemt, men ikke skrevet ud.").to_bytes()
        no_checkout = ContentRepo(workspace.repo.git_dir, None)
        try:
            save_files(
                no_checkout, {PATH: data}, base=state.base, author=workspace.writer(), message="x\n"
            )
        finally:
            no_checkout.close()
        assert "Gemt, men" not in (repo_path / PATH).read_text()
        result = workspace.set_field(INDSATS, "Formål", "Næste gem.")
    finally:
        workspace.close()
    assert result.changed
    on_disk = (repo_path / PATH).read_text()
    assert "Gemt, men ikke skrevet ud." in on_disk and "Næste gem." in on_disk
    assert git(repo_path, "status", "--porcelain") == ""


def test_the_users_own_uncommitted_change_still_refuses_the_save(repo_path: Path) -> None:
    target = repo_path / PATH
    target.write_text(target.read_text().replace("Indhold", "Indhold (mit eget)", 1))
    workspace = Workspace.open(str(repo_path), "ole")
    try:
        with pytest.raises(WorktreeDirty):
            workspace.set_field(INDSATS, "Formål", "Noget andet.")
    finally:
        workspace.close()


def test_opening_the_git_folder_of_a_checkout_saves_into_the_checkout(repo_path: Path) -> None:
    workspace = Workspace.open(str(repo_path / ".git"), "ole")
    try:
        workspace.set_field(INDSATS, "Formål", "Gemt via .git-mappen.")
    finally:
        workspace.close()
    assert not (repo_path / ".git" / "indsatser").exists()
    assert "Gemt via .git-mappen." in (repo_path / PATH).read_text()
    assert git(repo_path, "status", "--porcelain") == ""
