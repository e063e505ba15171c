"""Who may record which review (rights from `adgang.yml`); refusals are sentences for the user."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sn_tui.domain.entry import Adgang, Indsats
from sn_tui.domain.reviews.errors import CommentRequired, ReviewRefused
from sn_tui.domain.reviews.records import Verdict
from sn_tui.i18n import t

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
        raise ReviewRefused(t("review.unknown_login", login=login))
    if group not in indsats.faggrupper:
        if not indsats.faggrupper:
            raise ReviewRefused(t("review.no_groups_required", indsats=indsats.id))
        required = ", ".join(indsats.faggrupper)
        raise ReviewRefused(
            t("review.group_not_required", group=group, indsats=indsats.id, required=required)
        )
    if group not in person.faggrupper:
        raise ReviewRefused(t("review.not_a_member", login=login, group=group))
    if not comment.strip():
        if verdict is Verdict.CHANGES_REQUESTED:
            raise CommentRequired(t("review.comment_required"))
        if verdict is Verdict.COMMENT:
            raise CommentRequired(t("review.comment_empty"))
    if verdict is Verdict.APPROVED and last_editor == login and forbids_own_approval(adgang.regler):
        raise ReviewRefused(t("review.own_edit", login=login, indsats=indsats.id))
