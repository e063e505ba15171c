"""Where a review round stands: its part of the matrix, progress, and what is overdue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sn_tui.domain.reviews.matrix import Matrix, Progress
from sn_tui.domain.reviews.records import ReviewRound


@dataclass(frozen=True)
class RoundStatus:
    round: ReviewRound
    covered_groups: tuple[str, ...]  # as chosen at start; empty = every group
    covered_indsatser: tuple[str, ...]  # as chosen at start; empty = every indsats
    matrix: Matrix  # only the covered indsatser and groups
    today: dt.date

    @property
    def progress(self) -> Progress:
        return self.matrix.totals()

    @property
    def klar_count(self) -> int:
        return self.matrix.klar_count

    @property
    def indsats_count(self) -> int:
        return len(self.matrix.indsatser)

    @property
    def past_deadline(self) -> bool:
        return self.today > self.round.deadline

    @property
    def overdue(self) -> tuple[str, ...]:
        """Indsatser not klar after the deadline of a round still open."""
        if not self.past_deadline or not self.round.is_open:
            return ()
        return tuple(i for i in self.matrix.indsatser if not self.matrix.klar(i))

    def per_group(self) -> dict[str, Progress]:
        return {g: self.matrix.group_totals(g) for g in self.matrix.groups}
