"""The network half of sync: fetch from and push to a Git remote through GitPython, with progress.

Which path does what, and why:
- Fetch and push (this module) go through GitPython's `git.Remote`. It runs git with
  `--progress` and parses what git reports: the progress lines (`RemoteProgress`) and the
  result of each pushed ref (`PushInfo`), text formats this package would otherwise parse by
  hand. Over a network GitPython's own cost is lost in the transfer. The other lines git
  writes (the remote hook's `remote: sn-tui: …`, ssh's refusal) tell a failure's kind.
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
from sn_tui.store.repo import RepoError

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


class RemoteFailed(RepoError):
    """The remote refused or could not be reached; `kind` says which, the sentence says why:
    `rejected` (by its hook, with the hook's reason), `diverged` (it moved on meanwhile),
    `auth` (the login or key was not accepted), `unreachable`."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


_HOOK_SAYS = "remote: sn-tui: "
_AUTH = ("Permission denied", "Authentication failed", "Host key verification failed")
_DIVERGED = ("Updates were rejected", "non-fast-forward", "fetch first", "[rejected]")


class _Lines(git.RemoteProgress):
    """Git's progress as lines of the catalogue, passed on only when the words change; every
    other line git writes is kept, to tell why a fetch or push failed."""

    def __init__(
        self, report: Progress | None, direction: Literal["fetch", "push"], remote: str
    ) -> None:
        super().__init__()
        self._report = report
        self._action = t(f"sync.{direction}", remote=remote)
        self._last = ""
        self.remote = remote

    def update(
        self,
        op_code: int,
        cur_count: str | float,
        max_count: str | float | None = None,
        message: str = "",
    ) -> None:
        stage = _STAGES.get(op_code & self.OP_MASK)
        if stage is None or self._report is None:
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

    def failure(self, exc: git.GitCommandError) -> RemoteFailed:
        """What went wrong, from what git and the remote's hook wrote."""
        lines = [*self.other_lines, *self.error_lines, *str(exc.stderr or "").splitlines()]
        lines = [line.replace("\x1b[K", "").strip() for line in lines]
        reasons = [line.removeprefix(_HOOK_SAYS) for line in lines if line.startswith(_HOOK_SAYS)]
        said = " ".join(lines)
        if reasons:
            reason = " ".join(dict.fromkeys(reasons))
            return RemoteFailed("rejected", t("remote.rejected", name=self.remote, reason=reason))
        if any(word in said for word in _AUTH):
            return RemoteFailed("auth", t("remote.auth_failed", name=self.remote))
        if any(word in said for word in _DIVERGED):
            return RemoteFailed("diverged", t("remote.diverged", name=self.remote))
        if "hook declined" in said:
            return RemoteFailed("rejected", t("remote.rejected_unexplained", name=self.remote))
        return RemoteFailed("unreachable", t("remote.unreachable", name=self.remote))


@contextmanager
def _remote(git_dir: Path, name: str) -> Iterator[git.Remote]:
    with git.Repo(git_dir) as repo:
        # As store/git.py's run_git: this repository whatever the caller's environment names,
        # and never a password prompt (a sync runs under the TUI or in the background).
        repo.git.update_environment(GIT_DIR=str(git_dir.resolve()), GIT_TERMINAL_PROMPT="0")
        # Not repo.remote(name), which insists on a configured remote: like `git fetch NAME`,
        # a name that is no remote is tried as an address.
        yield git.Remote(repo, name)


def fetch(git_dir: Path, remote: str, refspecs: Sequence[str], progress: Progress | None) -> None:
    """`git fetch --no-tags remote refspecs…`; RemoteFailed says why it could not."""
    lines = _Lines(progress, "fetch", remote)
    with _remote(git_dir, remote) as origin:
        try:
            origin.fetch(list(refspecs), progress=lines, no_tags=True)
        except git.GitCommandError as exc:
            raise lines.failure(exc) from exc


def push_commit(
    git_dir: Path, remote: str, commit: str, ref: str, progress: Progress | None
) -> None:
    """Make the remote's `ref` hold `commit`, never by force; RemoteFailed says why not
    (`diverged`: the remote moved on meanwhile)."""
    lines = _Lines(progress, "push", remote)
    with _remote(git_dir, remote) as origin:
        try:
            # GitPython cannot name a bare commit id in its per-ref results, so a push of one
            # reports through git's exit status alone: an exception is a refusal.
            origin.push(f"{commit}:{ref}", progress=lines)
        except git.GitCommandError as exc:
            raise lines.failure(exc) from exc


def push_new_tags(
    git_dir: Path, remote: str, tags: Sequence[str], progress: Progress | None
) -> int:
    """Push `tags` (full ref names) the remote lacks, never by force (an adopted tag never
    moves); how many it took. RemoteFailed where it took none and said why."""
    if not tags:
        return 0
    lines = _Lines(progress, "push", remote)
    with _remote(git_dir, remote) as origin:
        try:
            results = origin.push(list(tags), progress=lines)
        except git.GitCommandError as exc:
            raise lines.failure(exc) from exc
    return sum(1 for result in results if result.flags & git.PushInfo.NEW_TAG)
