"""`check` remembers each indsats' rule results by its path and text, in the user's cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from conftest import make_repo
from sn_tui.cache.parsed import cache_path
from sn_tui.domain.checks.runner import CheckStopped, memo_key, run_checks
from sn_tui.services.workspace import Workspace

WARNED = " Indsatsen ydes ikke til børn under 6 år. Ring til 20 30 40 50."


class DictMemo:
    """A memo in a dict, counting what is asked for and what is stored."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.stored: list[str] = []

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        return {k: self.data[k] for k in keys if k in self.data}

    def put_many(self, items: Mapping[str, Any]) -> None:
        self.stored += list(items)
        self.data.update(items)


def _files(tmp_path: Path) -> dict[str, bytes]:
    ws = Workspace.open(str(make_repo(tmp_path / "repo")), "ole")
    ws.set_field("familiebehandling", "Målgruppe/tildelingskriterier", "Børn." + WARNED, force=True)
    files = ws.files("main")
    ws.close()
    return files


def test_a_remembered_result_is_the_same_result(tmp_path: Path) -> None:
    files = _files(tmp_path)
    memo = DictMemo()
    first = run_checks(files, memo=memo)
    assert len(memo.stored) == 2  # both indsatser
    assert {f.code for f in first.findings} >= {"vurdering-phrase", "persondata-phone"}
    again = run_checks(files, memo=memo)
    assert again == first
    assert len(memo.stored) == 2  # nothing computed again
    assert run_checks(files) == first  # and the same as without a memo


def test_a_changed_file_is_checked_again_and_a_broken_entry_is_ignored(tmp_path: Path) -> None:
    files = _files(tmp_path)
    memo = DictMemo()
    run_checks(files, memo=memo)
    path = "indsatser/fast-kontaktperson.md"
    files[path] = files[path].replace(b"## Form\xc3\xa5l\n", b"## Form\xc3\xa5l\n\nNyt.\n")
    familie = "indsatser/familiebehandling.md"
    memo.data[memo_key(familie, files[familie].decode())] = {"findings": "ødelagt"}
    report = run_checks(files, memo=memo)
    assert len(memo.stored) == 4  # the changed file, and the broken entry computed afresh
    assert report == run_checks(files)


def test_the_workspace_keeps_results_in_the_users_cache(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    ws = Workspace.open(str(repo), "ole")
    first = ws.check_report()
    git_dir = ws.repo.git_dir
    ws.close()
    with sqlite3.connect(cache_path(git_dir)) as db:
        assert db.execute("SELECT count(*) FROM checks").fetchone()[0] == 2
    ws = Workspace.open(str(repo), "ole")
    assert ws.check_report() == first
    ws.set_field("familiebehandling", "Formål", "Et nyt formål." + WARNED, force=True)
    changed = ws.check_report()
    ws.close()
    assert "vurdering-phrase" in {f.code for f in changed.findings}
    with sqlite3.connect(cache_path(git_dir)) as db:
        assert db.execute("SELECT count(*) FROM checks").fetchone()[0] == 3


def test_a_stopped_check_keeps_what_it_had_done(tmp_path: Path) -> None:
    files = _files(tmp_path)
    memo = DictMemo()
    asked: list[int] = []

    def stop_at_the_second() -> bool:
        asked.append(1)
        return len(asked) == 2

    with pytest.raises(CheckStopped):
        run_checks(files, memo=memo, stop=stop_at_the_second)
    assert len(memo.stored) == 1  # the first indsats' results were kept, the second not begun
    full = run_checks(files, memo=memo, stop=lambda: False)
    assert len(memo.stored) == 2  # only the one not done before is computed now
    assert full == run_checks(files)
