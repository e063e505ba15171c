"""Who may record which review (rights from `adgang.yml`); refusals are Danish sentences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sn_tui.domain.entry import Adgang, Indsats
from sn_tui.domain.review import Verdict
from sn_tui.reviewdb import labels
from sn_tui.reviewdb.errors import CommentRequired, ReviewRefused

FORBID_OWN_APPROVAL = "forbyd_egen_godkendelse"
"""Rule in `adgang.yml`'s `regler`: when true, nobody approves text they last edited."""
ALLOW_OWN_APPROVAL = "egen_godkendelse"
"""The same rule stated positively (as in the project brief): false forbids own approval."""


def forbids_own_approval(regler: Mapping[str, Any]) -> bool:
    return regler.get(FORBID_OWN_APPROVAL) is True or regler.get(ALLOW_OWN_APPROVAL) is False


def check_may_record(
    indsats: Indsats,
    group: str,
    login: str,
    verdict: Verdict,
    comment: str,
    adgang: Adgang,
    last_editor: str | None,
) -> None:
    """Raise `ReviewRefused` unless `login` may record `verdict` on `indsats` for `group`."""
    person = adgang.person(login)
    if person is None:
        raise ReviewRefused(labels.UNKNOWN_LOGIN.format(login=login))
    if group not in indsats.faggrupper:
        if not indsats.faggrupper:
            raise ReviewRefused(labels.NO_GROUPS_REQUIRED.format(indsats=indsats.id))
        required = ", ".join(indsats.faggrupper)
        raise ReviewRefused(
            labels.GROUP_NOT_REQUIRED.format(group=group, indsats=indsats.id, required=required)
        )
    if group not in person.faggrupper:
        raise ReviewRefused(labels.NOT_A_MEMBER.format(login=login, group=group))
    if not comment.strip():
        if verdict is Verdict.CHANGES_REQUESTED:
            raise CommentRequired(labels.COMMENT_REQUIRED)
        if verdict is Verdict.COMMENT:
            raise CommentRequired(labels.COMMENT_EMPTY)
    if verdict is Verdict.APPROVED and last_editor == login and forbids_own_approval(adgang.regler):
        raise ReviewRefused(labels.OWN_EDIT.format(login=login, indsats=indsats.id))
