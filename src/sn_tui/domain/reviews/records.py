"""Reviews as the front ends see them: verdict and status codes, their symbols, and the records.

The codes are what the database stores and what `--format json` prints; the words a user reads
are in the catalogue (`review.status_<code>`, `review.verdict_<code>` in `sn_tui.i18n`). The
records are what the review service returns: frozen copies of the database's rows
(`sn_tui.reviewdb.tables`), so no front end holds an ORM object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


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

STATUS_SYMBOLS: Final[dict[Status, str]] = {
    Status.APPROVED: "✓",
    Status.STALE: "!",
    Status.CHANGES_REQUESTED: "✗",
    Status.PENDING: "·",
}
"""One character per status, so a table reads without colour (CLI and TUI alike)."""


@dataclass(frozen=True)
class Review:
    """One verdict by one person, for one faggruppe, on one exact text (a Git blob)."""

    id: int  # increasing: higher is newer
    indsats_id: str
    faggruppe: str
    login: str
    verdict: str  # a `Verdict` code
    comment: str
    blob: str  # the Git blob id of the indsats file judged
    commit: str  # the commit the reviewer was looking at
    created_at: dt.datetime

    @property
    def verdict_code(self) -> Verdict:
        return Verdict(self.verdict)


@dataclass(frozen=True)
class ReviewRound:
    """A høringsrunde: every covered faggruppe is asked to sign off every covered indsats."""

    id: int
    name: str
    deadline: dt.date
    created_by: str
    created_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
