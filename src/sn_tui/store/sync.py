"""Remote sync for several hosts: fetch, replay local saves on top, push `main` and adopted tags.

The remote is an ordinary Git remote of the content repository (default `origin`, or the one
named by `git config sn-tui.remote`). Local saves the remote lacks are replayed commit by commit
with the same field-by-field merge rules as a save; `main` moves only by compare-and-swap from
the commit it held, so a failed replay or a rejected push never loses a local save.

The network goes through GitPython (store/remote.py: fetch and push with progress); the rest
here is git plumbing (run_git, save.py), like every other read and save. `remote_name` stays
plumbing because the TUI asks it at every start, where GitPython's import would cost ~100 ms.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sn_tui.domain.entry import Person
from sn_tui.domain.merge import MergeConflict, merge_documents
from sn_tui.domain.sync import SyncResult
from sn_tui.i18n import t
from sn_tui.store.git import run_git
from sn_tui.store.lock import branch_lock
from sn_tui.store.repo import MAIN_REF, ContentRepo, RepoError
from sn_tui.store.save import SaveConflict, _build_commit, _refuse_dirty, _sync_worktree

if TYPE_CHECKING:
    from sn_tui.store.remote import Progress

MAX_ROUNDS = 5


class SyncError(RepoError):
    pass


def remote_name(repo: ContentRepo) -> str | None:
    proc = run_git(repo.git_dir, ["config", "--get", "sn-tui.remote"], check=False)
    name = proc.stdout.decode().strip()
    remotes = run_git(repo.git_dir, ["remote"], check=False).stdout.decode().split()
    if name:
        return name if name in remotes else None
    if "origin" in remotes:
        return "origin"
    return remotes[0] if len(remotes) == 1 else None


def _rev(repo: ContentRepo, ref: str) -> str | None:
    proc = run_git(repo.git_dir, ["rev-parse", "-q", "--verify", ref], check=False)
    return proc.stdout.decode().strip() or None


def _count(repo: ContentRepo, spec: str) -> int:
    proc = run_git(repo.git_dir, ["rev-list", "--count", spec], check=False)
    return int(proc.stdout.decode().strip() or 0)


def sync(
    repo: ContentRepo, remote: str | None = None, progress: Progress | None = None
) -> SyncResult:
    """Fetch, integrate and push until the remote holds every local save (or raise).
    `progress` gets git's progress of each fetch and push as a line of text."""
    from sn_tui.store.remote import fetch, push_commit, push_new_tags  # GitPython: only now

    name = remote or remote_name(repo)
    if name is None:
        raise SyncError(t("store.no_remote"))
    tracking = f"refs/sn-tui/remote/{name}/main"
    fetched = replayed = 0
    for _round in range(MAX_ROUNDS):
        refspecs = [f"+refs/heads/main:{tracking}", "refs/tags/vedtaget/*:refs/tags/vedtaget/*"]
        if not fetch(repo.git_dir, name, refspecs, progress):
            raise SyncError(t("store.fetch_failed", name=name))
        remote_head = _rev(repo, tracking)
        with branch_lock(repo.git_dir):
            local = repo.head()
            if remote_head is not None and local is not None:
                fetched += _count(repo, f"{local}..{remote_head}")
            new_head, count = _integrate(repo, local, remote_head)
            replayed += count
            if new_head != local and new_head is not None:
                moved = run_git(
                    repo.git_dir,
                    ["update-ref", "-m", "sn-tui: sync", MAIN_REF, new_head, local or ""],
                    check=False,
                )
                if moved.returncode != 0:
                    continue  # a local save came in meanwhile: start over, it is kept
                if repo.main_checked_out():
                    changed = repo.changed_paths(local, new_head)
                    _sync_worktree(repo, changed)
        if new_head is None:
            return SyncResult(name, fetched, replayed, False, 0, None)
        pushed = new_head != remote_head
        if pushed and not push_commit(repo.git_dir, name, new_head, "refs/heads/main", progress):
            continue  # refused (the remote moved on): the local save stays on main; fetch again
        if pushed:
            run_git(repo.git_dir, ["update-ref", tracking, new_head], check=False)
        tags = push_new_tags(repo.git_dir, name, _adopted_tags(repo), progress)
        return SyncResult(name, fetched, replayed, pushed, tags, new_head)
    raise SyncError(t("store.remote_kept_moving"))


def _integrate(repo: ContentRepo, local: str | None, remote: str | None) -> tuple[str | None, int]:
    """The commit `main` should hold: local, remote, or local's commits replayed onto remote."""
    if remote is None or local == remote:
        return local, 0
    if local is None:
        return remote, 0
    base = run_git(repo.git_dir, ["merge-base", local, remote], check=False).stdout.decode().strip()
    if base == remote:
        return local, 0  # remote is behind: just push
    if base == local:
        if repo.main_checked_out():
            _refuse_dirty(repo, repo.changed_paths(local, remote), local)
        return remote, 0  # fast-forward
    commits = (
        run_git(
            repo.git_dir, ["rev-list", "--reverse", "--topo-order", f"{base or remote}..{local}"]
        )
        .stdout.decode()
        .split()
    )
    head = remote
    for commit in commits:
        head = _replay(repo, commit, head)
    return head, len(commits)


def _replay(repo: ContentRepo, commit: str, onto: str) -> str:
    parent = run_git(repo.git_dir, ["rev-parse", f"{commit}^"]).stdout.decode().strip()
    changes: dict[str, bytes | None] = {}
    for path in repo.changed_paths(parent, commit):
        base, mine, theirs = (repo.read(c, path) for c in (parent, commit, onto))
        try:
            merged = merge_documents(base, mine, theirs)
        except MergeConflict as exc:
            raise SaveConflict(path, exc.conflicts, onto) from exc
        if merged != theirs:
            changes[path] = merged
    if not changes:
        return onto
    fmt = "%an%x00%ae%x00%aI%x00%B"
    info = run_git(repo.git_dir, ["log", "-1", f"--format={fmt}", commit]).stdout.decode()
    name, email, date, message = info.split("\0", 3)
    author = Person(login="", navn=name, email=email)
    return _build_commit(repo, onto, changes, author, message, dt.datetime.fromisoformat(date))


def _adopted_tags(repo: ContentRepo) -> list[str]:
    """The adopted versions' tags here, as full ref names; pushed without force, since an
    adopted tag never moves."""
    proc = run_git(repo.git_dir, ["for-each-ref", "--format=%(refname)", "refs/tags/vedtaget/"])
    return sorted(proc.stdout.decode().split())
