"""Saving is a compare-and-swap on `refs/heads/main`.

The commit is built with plumbing (a temporary index, `write-tree`, `commit-tree`) on top of the
commit `main` points at now, and `main` moves only if it still points there. If someone else
moved it since the edit began, files they did not touch are replayed on top; a file they touched
too is merged field by field, and the same field changed on both sides is a `SaveConflict`. An
advisory lock keeps writers from storming each other; compare-and-swap remains the guarantee.

In a checked-out clone the saved files are written back into the work tree, never through a
symlink: `indsatser/` or an indsats committed as a symlink with plain git could point out of
the work tree, so such a save is refused before anything is committed. The temporary files
of that write (`indsatser/.<id>.md.sn-tui-<pid>`) that a killed process left are removed by the
next save, and `.git/info/exclude` keeps plain git from committing them.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sn_tui.domain.entry import Person
from sn_tui.domain.errors import FieldsConflict
from sn_tui.domain.merge import FieldConflict, MergeConflict, merge_documents
from sn_tui.i18n import t
from sn_tui.store.git import run_git
from sn_tui.store.lock import branch_lock
from sn_tui.store.objects import commit_files
from sn_tui.store.repo import MAIN_REF, ContentRepo, RepoError
from sn_tui.store.work_tree import work_tree_file

MAX_ATTEMPTS = 60
# git holds refs/heads/main.lock for milliseconds; one this old was left by a killed process.
STALE_LOCK_SECONDS = 5.0
# The locks `update-ref` takes on main: the branch, HEAD (which points to it) and packed refs.
_REF_LOCKS = ("refs/heads/main.lock", "HEAD.lock", "packed-refs.lock")
_TEMP_SUFFIX = ".sn-tui-"
_LEFTOVER = re.compile(r"^\..+\.sn-tui-(\d+)$")
_EXCLUDE = ".*.sn-tui-*"


class SaveConflict(FieldsConflict, RepoError):
    """The same field was changed by someone else; carries base, mine and theirs per field."""

    def __init__(
        self, path: str, conflicts: list[FieldConflict], theirs_commit: str | None
    ) -> None:
        names = ", ".join(c.name for c in conflicts)
        message = t("store.save_conflict", count=len(conflicts), path=path, names=names)
        super().__init__(message, path, conflicts, theirs_commit)


class WorktreeDirty(RepoError):
    """The checked-out file has uncommitted changes that a save would overwrite."""


class Contention(RepoError):
    """`main` kept moving; nothing was written."""


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the new commit (or the unchanged head); whether others' work was merged."""

    commit: str | None
    changed: bool
    merged: bool
    paths: tuple[str, ...] = ()


def _identity_env(author: Person, when: dt.datetime | None) -> dict[str, str]:
    env = {
        "GIT_AUTHOR_NAME": author.navn,
        "GIT_AUTHOR_EMAIL": author.email,
        "GIT_COMMITTER_NAME": author.navn,
        "GIT_COMMITTER_EMAIL": author.email,
    }
    if when is not None:
        stamp = when.isoformat()
        env["GIT_AUTHOR_DATE"] = stamp
        env["GIT_COMMITTER_DATE"] = stamp
    return env


def save_files(
    repo: ContentRepo,
    changes: Mapping[str, bytes | None],
    *,
    base: str | None,
    author: Person,
    message: str,
    when: dt.datetime | None = None,
) -> SaveResult:
    """Commit `changes` (path -> new bytes, None deletes) made on top of commit `base`.

    Raises `SaveConflict` (nothing written) where another save changed the same field.
    """
    base_content = {p: (repo.read(base, p) if base else None) for p in changes}
    attempt = 0
    while True:
        attempt += 1
        with branch_lock(repo.git_dir):
            current = repo.head()
            merged = current != base
            final: dict[str, bytes | None] = {}
            for path, mine in changes.items():
                theirs = repo.read(current, path) if current else None
                try:
                    result = merge_documents(base_content[path], mine, theirs)
                except MergeConflict as exc:
                    raise SaveConflict(path, exc.conflicts, current) from exc
                if result != theirs:
                    final[path] = result
            if not final:
                return SaveResult(current, changed=False, merged=merged)
            sync = repo.main_checked_out()
            if sync:
                _refuse_dirty(repo, list(final), current)
            commit = _build_commit(repo, current, final, author, message, when)
            proc = run_git(
                repo.git_dir,
                ["update-ref", "-m", "sn-tui: gem", MAIN_REF, commit, current or ""],
                check=False,
            )
            if proc.returncode == 0:
                if sync:
                    _sync_worktree(repo, list(final))
                return SaveResult(commit, changed=True, merged=merged, paths=tuple(final))
            if any([_clear_stale_lock(repo.git_dir / name) for name in _REF_LOCKS]):
                continue
        if attempt >= MAX_ATTEMPTS:
            raise Contention(t("store.contention"))
        time.sleep(min(0.2, 0.002 * 2 ** min(attempt, 7)) * (0.5 + random.random()))


def _build_commit(
    repo: ContentRepo,
    parent: str | None,
    files: Mapping[str, bytes | None],
    author: Person,
    message: str,
    when: dt.datetime | None,
) -> str:
    if repo.writes_objects_directly:
        return commit_files(repo.git_dir, repo.cat, parent, files, author, message, when)
    return _plumbing_commit(repo, parent, files, author, message, when)


def _plumbing_commit(
    repo: ContentRepo,
    parent: str | None,
    files: Mapping[str, bytes | None],
    author: Person,
    message: str,
    when: dt.datetime | None,
) -> str:
    """The same commit built by git's own plumbing (used for SHA-256 repositories)."""
    index = repo.git_dir / f"sn-tui-index-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    env = {"GIT_INDEX_FILE": str(index)}
    try:
        run_git(
            repo.git_dir, ["read-tree", parent] if parent else ["read-tree", "--empty"], env=env
        )
        lines: list[str] = []
        for path, content in files.items():
            if content is None:
                lines.append(f"0 {'0' * 64}\t{path}")  # this path serves SHA-256 repositories
            else:
                blob = run_git(repo.git_dir, ["hash-object", "-w", "--stdin"], input=content)
                lines.append(f"100644 {blob.stdout.decode().strip()}\t{path}")
        run_git(
            repo.git_dir,
            ["update-index", "--index-info"],
            input=("\n".join(lines) + "\n").encode(),
            env=env,
        )
        tree = run_git(repo.git_dir, ["write-tree"], env=env).stdout.decode().strip()
    finally:
        index.unlink(missing_ok=True)
    args = ["commit-tree", tree, "-F", "-"]
    if parent:
        args[2:2] = ["-p", parent]
    proc = run_git(repo.git_dir, args, input=message.encode(), env=_identity_env(author, when))
    return proc.stdout.decode().strip()


def _clear_stale_lock(lock: Path) -> bool:
    """Remove a git lock file that a killed git process left behind; True if there was one.

    Called while holding the branch lock, so no sn-tui save is behind it; a plain git command
    holds such a lock for milliseconds, far less than `STALE_LOCK_SECONDS`.
    """
    try:
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return False
    if age < STALE_LOCK_SECONDS:
        return False
    lock.unlink(missing_ok=True)
    return True


def _blob_id(repo: ContentRepo, content: bytes | None) -> str | None:
    if content is None:
        return None
    proc = run_git(repo.git_dir, ["hash-object", "--stdin"], input=content)
    return proc.stdout.decode().strip()


def _only_behind(repo: ContentRepo, path: str, on_disk: bytes | None) -> bool:
    """True if the checked-out file (and its index entry) hold a recent version of `main`'s.

    That is what a save killed between moving `main` and writing the file back leaves. Nothing
    the user wrote can be lost by overwriting it: that text is in `main`'s history. An edit, a
    staged change or a file git does not know is the user's work and is kept.
    """
    assert repo.work_tree is not None
    listed = run_git(
        repo.git_dir, ["ls-files", "-s", "--", path], work_tree=repo.work_tree, check=False
    ).stdout.split()
    indexed = listed[1].decode() if len(listed) > 1 else None
    log = run_git(
        repo.git_dir,
        ["log", "-n", "20", "--format=", "--raw", "--no-abbrev", MAIN_REF, "--", path],
        check=False,
    ).stdout.decode()
    versions: set[str | None] = set()
    for line in log.splitlines():
        if line.startswith(":"):
            old, new = line.split()[2:4]
            versions.update(None if set(oid) == {"0"} else oid for oid in (old, new))
    return indexed in versions and _blob_id(repo, on_disk) in versions


def _refuse_dirty(repo: ContentRepo, paths: list[str], head: str | None) -> None:
    """Refuse if a checked-out file differs from `main` (uncommitted changes would be lost)."""
    assert repo.work_tree is not None
    for path in paths:
        target = work_tree_file(repo.work_tree, path)
        committed = repo.read(head, path) if head else None
        on_disk = target.read_bytes() if target.is_file() else None
        if on_disk != committed and not _only_behind(repo, path, on_disk):
            raise WorktreeDirty(t("store.worktree_dirty", path=path))


def _sync_worktree(repo: ContentRepo, paths: list[str]) -> None:
    """Write the saved files into the checked-out tree and index, so `git status` stays clean."""
    assert repo.work_tree is not None
    head = repo.head()
    _exclude_temporaries(repo.git_dir)
    for folder in {work_tree_file(repo.work_tree, p).parent for p in paths}:
        _remove_leftovers(folder)
    for path in paths:
        target = work_tree_file(repo.work_tree, path)
        content = repo.read(head, path) if head else None
        if content is None:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_beside(target, content)
    # A concurrent plain-git user may hold index.lock; the commit is safe in any case, and a
    # file left behind is brought up to date by the next save (see `_only_behind`).
    for _attempt in range(2):
        proc = run_git(
            repo.git_dir,
            ["update-index", "-q", "--add", "--remove", "--", *paths],
            work_tree=repo.work_tree,
            check=False,
        )
        if proc.returncode == 0 or not _clear_stale_lock(repo.git_dir / "index.lock"):
            break


def _write_beside(target: Path, content: bytes) -> None:
    """Write `target` whole: a new temporary file beside it (never through a symlink), renamed."""
    tmp = target.with_name(f".{target.name}{_TEMP_SUFFIX}{os.getpid()}")
    tmp.unlink(missing_ok=True)  # this process's own, left by a save that failed midway
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files that processes killed midway through a save left here."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        found = _LEFTOVER.match(name)
        if found and not _alive(int(found.group(1))):
            (folder / name).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a process id: leave the file be
    return True


def _exclude_temporaries(git_dir: Path) -> None:
    """Make plain git ignore the save's temporary files (`git add -A` never commits one)."""
    exclude = git_dir / "info" / "exclude"
    try:
        text = exclude.read_text(encoding="utf-8") if exclude.exists() else ""
        if _EXCLUDE in text.splitlines():
            return
        exclude.parent.mkdir(parents=True, exist_ok=True)
        sep = "" if not text or text.endswith("\n") else "\n"
        with exclude.open("a", encoding="utf-8") as handle:
            handle.write(f"{sep}# sn-tui: temporary files of a save\n{_EXCLUDE}\n")
    except OSError:
        return  # an unwritable exclude file costs nothing but the guard
