"""The network half of sync: fetch from and push to a Git remote through GitPython, with progress.

Which path does what, and why:
- Fetch and push (this module) go through GitPython's `git.Remote`. It runs git with
  `--progress` and parses what git reports: the progress lines (`RemoteProgress`) and the
  result of each pushed ref (`PushInfo`), text formats this package would otherwise parse by
  hand. Over a network GitPython's own cost is lost in the transfer.
- Everything local stays on the hand-written plumbing: reading objects (catfile.py,
  objects.py), refs (refs.py), building commits and moving `main` (save.py, sync.py). It is
  measured faster than GitPython for reads and saves, and it keeps GitPython's import (about
  100 ms) off every start and every save: `git` is imported by this module only, and this
  module only while a sync runs (store/sync.py imports it inside `sync`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import git

from sn_tui.i18n import t

Progress = Callable[[str], None]
"""Called with one line, "Henter fra origin: modtager objekter 45 %", each time it changes."""

_STAGES = {
    git.RemoteProgress.COUNTING: "counting",
    git.RemoteProgress.COMPRESSING: "compressing",
    git.RemoteProgress.WRITING: "writing",
    git.RemoteProgress.RECEIVING: "receiving",
    git.RemoteProgress.RESOLVING: "resolving",
    git.RemoteProgress.FINDING_SOURCES: "finding_sources",
}


class _Lines(git.RemoteProgress):
    """Git's progress as lines of the catalogue, passed on only when the words change."""

    def __init__(self, report: Progress, direction: Literal["fetch", "push"], remote: str):
        super().__init__()
        self._report = report
        self._action = t(f"sync.{direction}", remote=remote)
        self._last = ""

    def update(
        self,
        op_code: int,
        cur_count: str | float,
        max_count: str | float | None = None,
        message: str = "",
    ) -> None:
        stage = _STAGES.get(op_code & self.OP_MASK)
        if stage is None:
            return
        words = t(f"sync.stage_{stage}")
        if max_count:
            percent = int(float(cur_count) * 100 / float(max_count))
            line = t("sync.progress", action=self._action, stage=words, percent=percent)
        else:
            line = t(
                "sync.progress_count", action=self._action, stage=words, objects=int(cur_count)
            )
        if line != self._last:
            self._last = line
            self._report(line)


def _lines(
    progress: Progress | None, direction: Literal["fetch", "push"], remote: str
) -> _Lines | None:
    return _Lines(progress, direction, remote) if progress else None


@contextmanager
def _remote(git_dir: Path, name: str) -> Iterator[git.Remote]:
    with git.Repo(git_dir) as repo:
        # As store/git.py's run_git: this repository whatever the caller's environment names,
        # and never a password prompt (a sync runs under the TUI or in the background).
        repo.git.update_environment(GIT_DIR=str(git_dir.resolve()), GIT_TERMINAL_PROMPT="0")
        # Not repo.remote(name), which insists on a configured remote: like `git fetch NAME`,
        # a name that is no remote is tried as an address.
        yield git.Remote(repo, name)


def fetch(git_dir: Path, remote: str, refspecs: Sequence[str], progress: Progress | None) -> bool:
    """`git fetch --no-tags remote refspecs…`; False where git failed (no connection, a bad
    address, a fetched tag that would move a local one)."""
    with _remote(git_dir, remote) as origin:
        try:
            origin.fetch(list(refspecs), progress=_lines(progress, "fetch", remote), no_tags=True)
        except git.GitCommandError:
            return False
    return True


def push_commit(
    git_dir: Path, remote: str, commit: str, ref: str, progress: Progress | None
) -> bool:
    """Make the remote's `ref` hold `commit`, never by force; False where the remote refused
    (it moved on meanwhile) or could not be reached."""
    with _remote(git_dir, remote) as origin:
        try:
            # GitPython cannot name a bare commit id in its per-ref results, so a push of one
            # reports through git's exit status alone: an exception is a refusal.
            origin.push(f"{commit}:{ref}", progress=_lines(progress, "push", remote))
        except git.GitCommandError:
            return False
    return True


def push_new_tags(
    git_dir: Path, remote: str, tags: Sequence[str], progress: Progress | None
) -> int:
    """Push `tags` (full ref names) the remote lacks, never by force (an adopted tag never
    moves); how many the remote did not have. A tag the remote holds elsewhere stays there."""
    if not tags:
        return 0
    with _remote(git_dir, remote) as origin:
        try:
            results = origin.push(list(tags), progress=_lines(progress, "push", remote))
        except git.GitCommandError:
            return 0
    return sum(1 for result in results if result.flags & git.PushInfo.NEW_TAG)
