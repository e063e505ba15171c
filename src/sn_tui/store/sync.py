"""Remote sync for several hosts: fetch, replay local saves on top, push `main` and adopted tags.

The remote is an ordinary Git remote of the content repository (default `origin`, or the one
named by `git config sn-tui.remote`). Local saves the remote lacks are replayed commit by commit
with the same field-by-field merge rules as a save; `main` moves only by compare-and-swap from
the commit it held, so a failed replay or a rejected push never loses a local save. A file whose
replay meets a same-field conflict is parked (store/parked.py) and the rest goes on, so one
conflict never stops the others' sharing.

The remote's adopted tags are fetched beside, not onto, the local ones
(`refs/sn-tui/remote/<name>/tags/`): a tag of the same name on another commit is a clash to
report, never a failed fetch. What the remote's hook would refuse is asked first (`Guard`).

The network goes through GitPython (store/remote.py: fetch and push with progress); the rest
here is git plumbing (run_git, save.py), like every other read and save. `remote_name` stays
plumbing because the TUI asks it at every start, where GitPython's import would cost ~100 ms.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from sn_tui.domain.entry import Person
from sn_tui.domain.merge import MergeConflict, merge_documents
from sn_tui.domain.sync import SyncResult
from sn_tui.i18n import t
from sn_tui.store.git import run_git
from sn_tui.store.lock import branch_lock
from sn_tui.store.parked import park, parked
from sn_tui.store.repo import MAIN_REF, ContentRepo, RepoError
from sn_tui.store.save import _build_commit, _refuse_dirty, _sync_worktree

if TYPE_CHECKING:
    from sn_tui.store.remote import Progress

MAX_ROUNDS = 5
TAGS = "refs/tags/vedtaget/"
TAGS_NAME = "vedtaget/"


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


class Guard(Protocol):
    """What the remote would refuse, asked before anything is sent (the push rules)."""

    def main(self, remote: str | None, local: str) -> None:
        """Raise (a sentence naming commit and reason) if `main` may not move so."""

    def tag(self, tag: str) -> str | None:
        """Why the adopted version `tag` (full ref name) may not be sent, or None."""


def sync(
    repo: ContentRepo,
    remote: str | None = None,
    progress: Progress | None = None,
    *,
    push: bool = True,
    guard: Guard | None = None,
) -> SyncResult:
    """Fetch, integrate and push until the remote holds every local save (or raise).
    `progress` gets git's progress of each fetch and push as a line of text. Without `push`
    (a login that may only read) nothing is sent: `main` only follows the remote where it can
    without losing a local commit."""
    from sn_tui.store.remote import RemoteFailed, fetch, push_commit, push_new_tags

    name = remote or remote_name(repo)
    if name is None:
        raise SyncError(t("store.no_remote"))
    tracking = f"refs/sn-tui/remote/{name}/main"
    tag_tracking = f"refs/sn-tui/remote/{name}/tags/"
    fetched = replayed = 0
    for _round in range(MAX_ROUNDS):
        refspecs = [f"+refs/heads/main:{tracking}", f"+{TAGS}*:{tag_tracking}{TAGS_NAME}*"]
        fetch(repo.git_dir, name, refspecs, progress)
        notes = _take_remote_tags(repo, tag_tracking)
        remote_head = _rev(repo, tracking)
        with branch_lock(repo.git_dir):
            local = repo.head()
            if remote_head is not None and local is not None:
                fetched += _count(repo, f"{local}..{remote_head}")
            conflicted: dict[str, str] = {}
            if push:
                new_head, count, conflicted = _integrate(repo, local, remote_head)
            else:
                new_head, count = _follow(repo, local, remote_head), 0
            replayed += count
            if new_head != local and new_head is not None:
                for path, made_on in conflicted.items():  # in Git before main leaves it
                    park(repo, path, made_on, repo.read(local, path) if local else None)
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
        unsent = _ahead(repo, remote_head, new_head)
        waiting = tuple(p.path for p in parked(repo))
        if new_head is None or not push:
            return SyncResult(name, fetched, replayed, False, 0, new_head, notes, unsent, waiting)
        pushed = new_head != remote_head
        if pushed:
            if guard is not None:
                guard.main(remote_head, new_head)
            try:
                push_commit(repo.git_dir, name, new_head, MAIN_REF, progress)
            except RemoteFailed as exc:
                if exc.kind == "diverged":
                    continue  # the remote moved on: the local save stays on main; fetch again
                raise
            run_git(repo.git_dir, ["update-ref", tracking, new_head], check=False)
        sendable, refused = _new_tags(repo, tag_tracking, guard)
        tags = push_new_tags(repo.git_dir, name, sendable, progress)
        return SyncResult(
            name, fetched, replayed, pushed, tags, new_head, notes + refused, 0, waiting
        )
    raise SyncError(t("store.remote_kept_moving"))


def unsent_commits(repo: ContentRepo, name: str) -> int:
    """Commits on `main` the remote `name` lacked at the last sync (0 before the first)."""
    remote_head = _rev(repo, f"refs/sn-tui/remote/{name}/main")
    return _ahead(repo, remote_head, repo.head()) if remote_head else 0


def _ahead(repo: ContentRepo, remote: str | None, local: str | None) -> int:
    """How many commits `local` has that `remote` lacks."""
    if local is None:
        return 0
    return _count(repo, f"{remote}..{local}" if remote else local)


def _follow(repo: ContentRepo, local: str | None, remote: str | None) -> str | None:
    """Where `main` goes when nothing may be sent: to the remote's, if no local commit is lost."""
    if remote is None or local == remote:
        return local
    if local is None or repo.is_ancestor(local, remote):
        if local is not None and repo.main_checked_out():
            _refuse_dirty(repo, repo.changed_paths(local, remote), local)
        return remote
    return local


def _refs(repo: ContentRepo, prefix: str) -> dict[str, str]:
    """Full ref name -> object id, for the refs under `prefix`."""
    proc = run_git(repo.git_dir, ["for-each-ref", "--format=%(refname) %(objectname)", prefix])
    return dict(line.split(" ", 1) for line in proc.stdout.decode().splitlines() if line)


def _take_remote_tags(repo: ContentRepo, tag_tracking: str) -> tuple[str, ...]:
    """The remote's adopted versions made local; one that is here on another commit is a
    clash, reported with both commits and left as it is on each side."""
    local = _refs(repo, TAGS)
    clashes: list[str] = []
    for ref, oid in sorted(_refs(repo, tag_tracking).items()):
        tag_ref = TAGS + ref.removeprefix(tag_tracking + TAGS_NAME)
        mine = local.get(tag_ref)
        if mine is None:
            run_git(repo.git_dir, ["update-ref", tag_ref, oid, ""], check=False)
        elif mine != oid:
            tag = tag_ref.removeprefix("refs/tags/")
            here, there = (_rev(repo, f"{o}^{{commit}}") or o for o in (mine, oid))
            clashes.append(t("remote.tag_clash", tag=tag, mine=here[:10], theirs=there[:10]))
    return tuple(clashes)


def _new_tags(
    repo: ContentRepo, tag_tracking: str, guard: Guard | None
) -> tuple[list[str], tuple[str, ...]]:
    """The adopted versions the remote lacks that it would take, and why the others not."""
    remote = {ref.removeprefix(tag_tracking + TAGS_NAME) for ref in _refs(repo, tag_tracking)}
    missing = [ref for ref in sorted(_refs(repo, TAGS)) if ref.removeprefix(TAGS) not in remote]
    sendable: list[str] = []
    refused: list[str] = []
    for ref in missing:
        reason = guard.tag(ref) if guard is not None else None
        if reason is None:
            sendable.append(ref)
        else:
            refused.append(reason)
    return sendable, tuple(refused)


def _integrate(
    repo: ContentRepo, local: str | None, remote: str | None
) -> tuple[str | None, int, dict[str, str]]:
    """The commit `main` should hold: local, remote, or local's commits replayed onto remote;
    with the files whose replay met a conflict (path -> the commit the change was made on):
    those keep the remote's text on `main` and are parked, the rest goes on."""
    if remote is None or local == remote:
        return local, 0, {}
    if local is None:
        return remote, 0, {}
    base = run_git(repo.git_dir, ["merge-base", local, remote], check=False).stdout.decode().strip()
    if base == remote:
        return local, 0, {}  # remote is behind: just push
    if base == local:
        if repo.main_checked_out():
            _refuse_dirty(repo, repo.changed_paths(local, remote), local)
        return remote, 0, {}  # fast-forward
    commits = (
        run_git(
            repo.git_dir, ["rev-list", "--reverse", "--topo-order", f"{base or remote}..{local}"]
        )
        .stdout.decode()
        .split()
    )
    head = remote
    conflicted: dict[str, str] = {}
    for commit in commits:
        head = _replay(repo, commit, head, conflicted)
    return head, len(commits), conflicted


def _replay(repo: ContentRepo, commit: str, onto: str, conflicted: dict[str, str]) -> str:
    parent = run_git(repo.git_dir, ["rev-parse", f"{commit}^"]).stdout.decode().strip()
    changes: dict[str, bytes | None] = {}
    for path in repo.changed_paths(parent, commit):
        base, mine, theirs = (repo.read(c, path) for c in (parent, commit, onto))
        try:
            merged = merge_documents(base, mine, theirs)
        except MergeConflict:
            conflicted.setdefault(path, parent)  # the first change that met theirs
            continue
        if merged != theirs:
            changes[path] = merged
    if not changes:
        return onto
    fmt = "%an%x00%ae%x00%aI%x00%B"
    info = run_git(repo.git_dir, ["log", "-1", f"--format={fmt}", commit]).stdout.decode()
    name, email, date, message = info.split("\0", 3)
    author = Person(login="", navn=name, email=email)
    return _build_commit(repo, onto, changes, author, message, dt.datetime.fromisoformat(date))
