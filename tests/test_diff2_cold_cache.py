"""`sn-tui diff` of an old version keeps `main`'s parsed indsatser in the user's parse cache
(the next start reads them) but not those only the old version holds (its result is cached)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import git, run_cli
from test_diff_cache import ADOPTED, _adopted_then_edited


def _cached_blobs(cache: Path) -> set[str]:
    (path,) = (cache / "sn-tui").glob("indsatser-*.sqlite3")
    with sqlite3.connect(path) as db:
        return {blob for (blob,) in db.execute("SELECT blob FROM entries")}


def _blobs(repo: Path, rev: str) -> set[str]:
    listing = git(repo, "ls-tree", rev, "indsatser/").splitlines()
    return {line.split()[2] for line in listing}


def test_a_diff_caches_mains_indsatser_and_not_an_old_versions(
    repo_path: Path, own_cache: Path
) -> None:
    _adopted_then_edited(repo_path)  # and a file main cannot read: never cached
    for old in (own_cache / "sn-tui").glob("indsatser-*"):  # start the diff with none cached
        old.unlink()

    diff = run_cli("diff", ADOPTED, "main", "--format", "json", cwd=repo_path)

    assert diff.returncode == 0, diff.stderr
    main, adopted = _blobs(repo_path, "main"), _blobs(repo_path, f"vedtaget/{ADOPTED}")
    assert adopted - main  # the edited indsats
    unreadable = git(repo_path, "rev-parse", "main:indsatser/knaekket.md").strip()
    assert _cached_blobs(own_cache) == main - {unreadable}
