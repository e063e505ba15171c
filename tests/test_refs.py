"""Reading `main` from Git's ref files agrees with `git rev-parse` in every layout Git uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import git, make_repo
from sn_tui.store.refs import UNKNOWN, read_ref
from sn_tui.store.repo import MAIN_REF, ContentRepo


def _rev_parse(repo: Path) -> str:
    return git(repo, "rev-parse", "main").strip()


def test_a_loose_ref_is_read_from_its_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", bare=True)
    assert (repo / MAIN_REF).is_file()
    assert read_ref(repo, MAIN_REF) == _rev_parse(repo)


def test_a_packed_ref_is_read_from_packed_refs(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", bare=True)
    git(repo, "pack-refs", "--all")
    assert not (repo / MAIN_REF).exists()
    assert read_ref(repo, MAIN_REF) == _rev_parse(repo)


def test_a_loose_ref_wins_over_an_older_packed_one(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", bare=True)
    git(repo, "pack-refs", "--all")
    first = _rev_parse(repo)
    tree = git(repo, "rev-parse", "main^{tree}").strip()
    newer = git(repo, "commit-tree", tree, "-p", first, "-m", "nyere").strip()
    git(repo, "update-ref", MAIN_REF, newer)
    assert read_ref(repo, MAIN_REF) == newer != first


def test_a_repository_without_main_has_none(tmp_path: Path) -> None:
    repo = tmp_path / "empty.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(repo))
    assert read_ref(repo, MAIN_REF) is None
    assert ContentRepo.open(repo).head() is None


def test_what_it_cannot_read_for_sure_is_left_to_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", bare=True)
    head = _rev_parse(repo)
    git(repo, "symbolic-ref", "refs/heads/alias", MAIN_REF)
    assert read_ref(repo, "refs/heads/alias") == UNKNOWN
    (repo / MAIN_REF).write_text("ikke et objekt-id\n")
    assert read_ref(repo, MAIN_REF) == UNKNOWN
    assert ContentRepo.open(repo).head() is None  # what `git rev-parse` says of a broken ref
    (repo / MAIN_REF).write_text(head + "\n")
    assert ContentRepo.open(repo).head() == head


@pytest.mark.parametrize("bare", [True, False])
def test_head_follows_every_save(tmp_path: Path, bare: bool) -> None:
    repo = make_repo(tmp_path / "repo", bare=bare)
    content = ContentRepo.open(repo)
    assert content.head() == _rev_parse(repo)
    git(repo, "pack-refs", "--all")
    assert content.head() == _rev_parse(repo)
    content.close()
