"""Cheap questions to Git that need no `ContentRepo`: where a repository's Git folder is, and
what many names point at, each in one `git` process.

For a command that may be answered from the user's cache without reading a single file
(`sn-tui diff` of two versions compared before), so it loads none of the reading machinery.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from sn_tui.store.git import git_env, run_git


def locate(path: Path) -> tuple[Path, Path | None] | None:
    """(Git folder, work tree or None for a bare repository) of the repository at `path`, or
    None where `path` is in none."""
    # One git process answers all three; --show-toplevel fails (last) in a bare repository.
    asks = ["--absolute-git-dir", "--is-bare-repository", "--show-toplevel"]
    proc = subprocess.run(
        ["git", "-C", str(path), "rev-parse", *asks],
        capture_output=True,
        env=git_env(),
        check=False,
    )
    out = proc.stdout.decode("utf-8", "surrogateescape").splitlines()
    if len(out) < 2:
        return None
    git_dir = Path(out[0])
    work_tree: Path | None = None
    if out[1].strip() != "true":
        if len(out) > 2:
            work_tree = Path(out[2])
        elif git_dir.name == ".git":  # opened at the .git folder of a checked-out repository
            work_tree = git_dir.parent
    return git_dir, work_tree


def object_ids(git_dir: Path, names: Sequence[str]) -> list[tuple[str, str] | None]:
    """(object id, type) for each of `names` (`main:adgang.yml`, `v1^{commit}`), None for a
    name that points at nothing; all in one `git cat-file --batch-check`. A name must be one
    line without surrounding blanks (the caller checks)."""
    if not names:
        return []
    text = "".join(f"{name}\n" for name in names).encode("utf-8", "surrogateescape")
    proc = run_git(git_dir, ["cat-file", "--batch-check"], input=text, check=False)
    lines = proc.stdout.decode("utf-8", "surrogateescape").splitlines()
    if proc.returncode != 0 or len(lines) != len(names):
        raise OSError(f"git cat-file --batch-check -> {proc.returncode}")
    found: list[tuple[str, str] | None] = []
    for line in lines:
        parts = line.split()
        # "<id> <type> <size>"; else "<name> missing" / "<name> ambiguous" (names have no blanks)
        found.append((parts[0], parts[1]) if len(parts) == 3 and parts[2].isdigit() else None)
    return found
