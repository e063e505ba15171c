"""What a push would change, read from Git for the push rules (`sn_tui.domain.push_rules`).

Used by the shared repository's pre-receive hook (the pushed objects are readable there, in
git's quarantine, through the environment git gives the hook) and by `sync` before it pushes.
"""

from __future__ import annotations

from collections.abc import Sequence

from sn_tui.domain.document import DocumentError, FrontmatterError
from sn_tui.domain.fields import INDSATS_DIR
from sn_tui.domain.push_rules import CommitFacts, RefUpdate
from sn_tui.domain.rights import groups_named, review_requirement_in
from sn_tui.store.git import run_git
from sn_tui.store.repo import ContentRepo


def ref_update(
    repo: ContentRepo, ref: str, old: str | None, new: str | None, known: Sequence[str]
) -> RefUpdate:
    """The update of `ref` from `old` to `new`; its commits are those `new` has and neither
    `old` nor the revisions `known` (e.g. `--all` in a hook: already on the remote) have."""
    if new is None or not ref.startswith("refs/heads/"):
        return RefUpdate(ref, old, new)
    fast_forward = old is None or repo.is_ancestor(old, new)
    excluded = [f"^{old}"] if old else []
    listed = run_git(
        repo.git_dir,
        ["rev-list", "--reverse", "--topo-order", new, *excluded, *_negated(known)],
    )
    commits = [commit_facts(repo, c) for c in listed.stdout.decode().split()]
    if old is not None and fast_forward:
        commits += _net_regrouping(repo, old, new, commits)
    return RefUpdate(ref, old, new, fast_forward, tuple(commits))


def _net_regrouping(
    repo: ContentRepo, old: str, new: str, commits: Sequence[CommitFacts]
) -> list[CommitFacts]:
    """The faggrupper the push changes as a whole that no single commit shows changing (a
    commit that breaks the frontmatter, then one that mends it with other groups): named
    at the pushed tip."""
    seen = {ident for facts in commits for ident in facts.faggrupper_changed}
    hidden = tuple(
        _indsats_id(path)
        for path in repo.changed_paths(old, new)
        if _is_indsats(path)
        and _indsats_id(path) not in seen
        and _regrouped(repo, path, new, [old])
    )
    return [CommitFacts(new, (), hidden)] if hidden else []


def _is_indsats(path: str) -> bool:
    return path.startswith(f"{INDSATS_DIR}/")


def _indsats_id(path: str) -> str:
    return path.removeprefix(f"{INDSATS_DIR}/").removesuffix(".md")


def _negated(known: Sequence[str]) -> list[str]:
    return ["--not", *known] if known else []


def commit_facts(repo: ContentRepo, commit: str) -> CommitFacts:
    """The files `commit` changes against every one of its parents (a merge brings in what a
    parent already had: that is not this commit's change), and whose faggrupper it changes."""
    line = run_git(repo.git_dir, ["rev-list", "--parents", "-n1", commit]).stdout.decode()
    parents = line.split()[1:]
    bases: list[str | None] = [*parents] or [None]
    changed = set.intersection(*(set(repo.changed_paths(base, commit)) for base in bases))
    paths = tuple(sorted(changed))
    regrouped = tuple(
        _indsats_id(path)
        for path in paths
        if _is_indsats(path) and _regrouped(repo, path, commit, parents)
    )
    return CommitFacts(commit, paths, regrouped)


def _regrouped(repo: ContentRepo, path: str, commit: str, parents: Sequence[str]) -> bool:
    """Whether the indsats at `path` existed before and `commit` changes its faggrupper."""
    after = _faggrupper(repo.read(commit, path))
    if after is None or not parents:
        return False
    befores = [_faggrupper(repo.read(parent, path)) for parent in parents]
    return all(before is not None and before != after for before in befores)


def _faggrupper(data: bytes | None) -> frozenset[str] | None:
    """The required faggrupper (their order means nothing); None for no file, and for a file
    whose frontmatter does not parse ('check' reports that one)."""
    if data is None:
        return None
    try:
        return groups_named(review_requirement_in(data))
    except (DocumentError, FrontmatterError):
        return None
