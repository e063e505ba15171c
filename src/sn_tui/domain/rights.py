"""Who may change what in the content: the pure rules every writing path shares.

The faggrupper an indsats names are the groups that must review it. Changing them decides who
signs off, so it is a steering decision (godkender or admin), never one for the person the
requirement binds. Kept apart and small so that a Git hook can apply the same rule.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sn_tui.domain.document import Document

ROLES: tuple[str, ...] = ("redaktør", "godkender", "admin")
"""Every role adgang.yml may give; any other word is an error, not a lesser right."""

STEERING_ROLES: tuple[str, ...] = ("godkender", "admin")
"""Who adopts versions, runs review rounds and decides which faggrupper review an indsats."""

REVIEW_REQUIREMENT = "faggrupper"
"""The frontmatter key naming the faggrupper that must review an indsats."""

DEFAULT_GROUPS_RULE = "standard_faggrupper"
"""adgang.yml `regler:` key: the groups a new indsats requires (else every faggruppe)."""


def may_decide_review(roles: Collection[str]) -> bool:
    """Whether someone with `roles` may change which faggrupper must review an indsats."""
    return any(role in STEERING_ROLES for role in roles)


def required_groups(meta: Mapping[str, Any]) -> frozenset[str]:
    """The faggrupper an indsats' frontmatter requires (order and repeats do not matter)."""
    return groups_named(meta.get(REVIEW_REQUIREMENT))


def review_requirement_in(data: bytes) -> Any:
    """The `faggrupper` value of an indsats file as written (None when it has none; a list
    keeps its order, so a reordering shows as someone's change). Raises `DocumentError` or
    `FrontmatterError` for a file that does not read: `check` reports that one."""
    return Document.parse(data).meta.get(REVIEW_REQUIREMENT)


def groups_named(value: Any) -> frozenset[str]:
    """The faggrupper a `faggrupper` value names (order and repeats do not matter)."""
    if value is None:
        return frozenset()
    if isinstance(value, list | tuple):
        return frozenset(str(group) for group in value)
    return frozenset({str(value)})


def review_requirement_changed(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    return required_groups(old) != required_groups(new)


def default_groups(regler: Mapping[str, Any], all_groups: Sequence[str]) -> list[str]:
    """The faggrupper a new indsats requires: adgang.yml's `standard_faggrupper` if it names
    any, else every faggruppe in faggrupper.yml."""
    chosen = regler.get(DEFAULT_GROUPS_RULE)
    if isinstance(chosen, list) and chosen:
        return [str(group) for group in chosen]
    return list(all_groups)
