"""The shared repository's rules for pushes, in words: the hook's verdict and sync's own check.

The rules are `sn_tui.domain.push_rules`; the facts come from Git (`sn_tui.store.push_facts`);
here a refusal becomes one Danish sentence naming the commit and the reason. The rights are
those of `adgang.yml` on the receiving side's `main` before the push, so nobody grants
themselves a role in the push that uses it.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sn_tui.domain.push_rules import MAIN_BRANCH, Refusal, judge
from sn_tui.i18n import t
from sn_tui.store.push_facts import ref_update
from sn_tui.store.repo import ContentRepo, RepoError
from sn_tui.store.serve import PUSHER_ENV


class PushRefused(RepoError):
    """A push the shared repository refuses (or would refuse): the sentence says why."""


@dataclass(frozen=True)
class Pushed:
    """One line of a pre-receive hook's input: `ref` moves from `old` to `new`."""

    ref: str
    old: str | None
    new: str | None

    @classmethod
    def parse(cls, line: str) -> Pushed:
        old, new, ref = line.split()
        return cls(ref, _present(old), _present(new))


def _present(oid: str) -> str | None:
    """Git's all-zero id (40 or 64 digits) means no object: a new or a deleted ref."""
    return None if set(oid) == {"0"} else oid


def refusal_sentence(refusal: Refusal) -> str:
    facts: dict[str, object] = {**refusal.facts, "commit": (refusal.commit or "")[:10]}
    return t(f"remote.refused.{refusal.kind}").format(**facts)


def pusher() -> str:
    """Who pushes: the login the forced command named, else the OS account (never a commit's
    author, and never `$SN_USER`, which anyone can set)."""
    named = os.environ.get(PUSHER_ENV)
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def judge_received(repo_path: Path, login: str, lines: Iterable[str]) -> list[str]:
    """The hook's verdict on one push: a sentence per refused ref (none: accepted)."""
    updates = [Pushed.parse(line) for line in lines if line.strip()]
    repo = ContentRepo.open(repo_path)
    try:
        head = repo.head()
        pushed_main = next((u.new for u in updates if u.ref == MAIN_BRANCH), None)
        adgang = repo.adgang(head or pushed_main)
        refusals = [
            judge(login, adgang, ref_update(repo, u.ref, u.old, u.new, ["--all"])) for u in updates
        ]
    finally:
        repo.close()
    return [refusal_sentence(r) for r in refusals if r is not None]


def check_outgoing(repo: ContentRepo, login: str, remote_main: str | None, local_main: str) -> None:
    """Refuse, before anything is sent, what the remote's hook would refuse of `main` moving
    from `remote_main` to `local_main`: the sentence names the first such commit and why."""
    adgang = repo.adgang(remote_main or local_main)
    refusal = judge(login, adgang, ref_update(repo, MAIN_BRANCH, remote_main, local_main, []))
    if refusal is not None:
        raise PushRefused(t("remote.not_sent", reason=refusal_sentence(refusal)))


def tag_refusal(repo: ContentRepo, login: str, tag: str) -> str | None:
    """Why the remote would refuse the new adopted version `tag` from `login`, or None."""
    refusal = judge(login, repo.adgang(repo.head()), ref_update(repo, tag, None, tag, []))
    return None if refusal is None else refusal_sentence(refusal)
