"""Stable ASCII codes for review verdicts and review statuses.

These codes are what the database stores and what `--format json` prints; the words a user reads
come from `sn_tui.reviewdb.labels`.
"""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """What one review says about one indsats text, for one faggruppe."""

    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    COMMENT = "comment"


class Status(StrEnum):
    """Where one (indsats, faggruppe) stands today."""

    APPROVED = "approved"  # the latest approval covers today's content
    STALE = "stale"  # approved, but the content changed since
    CHANGES_REQUESTED = "changes_requested"
    PENDING = "pending"  # no verdict yet


# Display and counting order: done first, then what needs attention.
STATUS_ORDER: tuple[Status, ...] = (
    Status.APPROVED,
    Status.STALE,
    Status.CHANGES_REQUESTED,
    Status.PENDING,
)
