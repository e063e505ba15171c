"""What the shared repository accepts from a push: the rights of `adgang.yml`, applied to refs.

The same rules run in two places: the shared repository's pre-receive hook (the pusher is the
SSH login of the forced command, never a commit's author field, which anyone can set) and
`sn-tui sync` before it pushes, so a refusal is known and explained before anything is sent.

Pure: the caller reads Git and passes what changed; a refusal names its kind and its facts,
and the caller puts it into words from the catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sn_tui.domain.entry import Adgang
from sn_tui.domain.fields import ADGANG_FILE, FAGGRUPPER_FILE
from sn_tui.domain.rights import STEERING_ROLES

MAIN_BRANCH = "refs/heads/main"
ADOPTED_PREFIX = "refs/tags/vedtaget/"
ADMIN_ROLES = ("admin",)
RULE_FILES = (ADGANG_FILE, FAGGRUPPER_FILE)


@dataclass(frozen=True)
class CommitFacts:
    """What one pushed commit changes that the rules care about (each against every parent)."""

    commit: str
    paths: tuple[str, ...]  # files this commit changes
    faggrupper_changed: tuple[str, ...] = ()  # indsatser whose required faggrupper it changes


@dataclass(frozen=True)
class RefUpdate:
    """One ref a push moves: `old` None for a new ref, `new` None for a deletion."""

    ref: str
    old: str | None
    new: str | None
    fast_forward: bool = True  # `old` is an ancestor of `new`
    commits: Sequence[CommitFacts] = field(default_factory=tuple)  # new on the remote, oldest first


@dataclass(frozen=True)
class Refusal:
    """Why a ref update is refused: `kind` names the sentence, `facts` fill it in."""

    kind: str
    ref: str
    commit: str | None = None
    facts: dict[str, str] = field(default_factory=dict)


def judge(pusher: str, adgang: Adgang, update: RefUpdate) -> Refusal | None:
    """The first reason to refuse `update` by `pusher`, judged by the rights in `adgang` (the
    remote's, from before the push), or None when the remote accepts it."""
    person = adgang.person(pusher)
    if person is None:
        return Refusal("unknown_login", update.ref, facts={"login": pusher})
    if update.ref == MAIN_BRANCH:
        return _judge_main(person.has_role(*ADMIN_ROLES), person.has_role(*STEERING_ROLES), update)
    if update.ref.startswith(ADOPTED_PREFIX):
        tag = update.ref.removeprefix("refs/tags/")
        if update.old is not None and update.new is None:
            return Refusal("tag_deleted", update.ref, facts={"tag": tag})
        if update.old is not None:
            return Refusal("tag_moved", update.ref, facts={"tag": tag})
        if not person.has_role(*STEERING_ROLES):
            return Refusal("tag_rights", update.ref, facts={"tag": tag, "login": pusher})
        return None
    return Refusal("other_ref", update.ref, facts={"ref": update.ref})


def _judge_main(admin: bool, deciding: bool, update: RefUpdate) -> Refusal | None:
    if update.new is None:
        return Refusal("main_deleted", update.ref)
    if update.old is not None and not update.fast_forward:
        return Refusal("not_fast_forward", update.ref)
    for facts in update.commits:
        changed = [p for p in RULE_FILES if p in facts.paths]
        if changed and not admin:
            return Refusal("rule_file", update.ref, facts.commit, {"file": changed[0]})
        if facts.faggrupper_changed and not deciding:
            ident = facts.faggrupper_changed[0]
            return Refusal("faggrupper", update.ref, facts.commit, {"id": ident})
    return None
