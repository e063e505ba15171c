"""The review matrix: one cell per (indsats, required faggruppe), its status, and tallies.

Pure data, no SQL: `sn_tui.reviewdb.queries.status.StatusReader` fills it from one query. A
cell's status comes from the latest *decision* (approval or request for changes; comments never
decide) and, for an approval, whether today's text has the same content as the approved blob.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from sn_tui.domain.entry import Indsats
from sn_tui.domain.reviews.records import STATUS_ORDER, Status, Verdict


class Mark(NamedTuple):
    """What the status needs to know of one review (the rest: `ReviewService.history`)."""

    review_id: int
    verdict: Verdict
    blob: str


@dataclass(frozen=True, slots=True)
class Cell:
    indsats_id: str
    group: str
    status: Status
    decision: Mark | None = None  # the latest approval or request for changes
    approval: Mark | None = None  # the latest approval (may predate the decision)
    changed_since_decision: bool = False  # today's content differs from the decided text

    @property
    def owed(self) -> bool:
        """The group still has to look: never decided, stale, or changes made since asked."""
        if self.status is Status.CHANGES_REQUESTED:
            return self.changed_since_decision
        return self.status in (Status.PENDING, Status.STALE)


SameContent = Callable[[str, str], bool]


def decide_cell(
    indsats: Indsats, group: str, decision: Mark | None, approval: Mark | None, same: SameContent
) -> Cell:
    """The cell for `group` on today's `indsats`, given its latest decision and approval."""
    if decision is None:
        return Cell(indsats.id, group, Status.PENDING, None, approval)
    unchanged = decision.blob == indsats.blob or same(decision.blob, indsats.blob)
    if decision.verdict is Verdict.APPROVED:
        status = Status.APPROVED if unchanged else Status.STALE
    else:
        status = Status.CHANGES_REQUESTED
    return Cell(indsats.id, group, status, decision, approval, not unchanged)


@dataclass(frozen=True)
class Progress:
    """Counts of cells by status; `label` is what the overview shows (`4/6`)."""

    approved: int = 0
    stale: int = 0
    changes_requested: int = 0
    pending: int = 0

    @classmethod
    def of(cls, cells: Iterable[Cell]) -> Progress:
        counts = Counter(cell.status for cell in cells)
        return cls(
            counts[Status.APPROVED],
            counts[Status.STALE],
            counts[Status.CHANGES_REQUESTED],
            counts[Status.PENDING],
        )

    def count(self, status: Status) -> int:
        return {
            Status.APPROVED: self.approved,
            Status.STALE: self.stale,
            Status.CHANGES_REQUESTED: self.changes_requested,
            Status.PENDING: self.pending,
        }[status]

    def counts(self) -> list[tuple[Status, int]]:
        """Non-zero counts in display order."""
        return [(s, self.count(s)) for s in STATUS_ORDER if self.count(s)]

    @property
    def required(self) -> int:
        return self.approved + self.stale + self.changes_requested + self.pending

    @property
    def klar(self) -> bool:
        """Every required group has a current approval, and at least one group is required:
        an indsats nobody must review is never klar."""
        return self.required > 0 and self.approved == self.required

    @property
    def label(self) -> str:
        return f"{self.approved}/{self.required}"


@dataclass(frozen=True)
class Matrix:
    """Indsatser (rows, in the order given) × faggrupper (columns)."""

    indsatser: tuple[str, ...]
    groups: tuple[str, ...]
    cells: Mapping[tuple[str, str], Cell] = field(default_factory=dict)

    @cached_property
    def _rows(self) -> dict[str, tuple[Cell, ...]]:
        return {
            i: tuple(self.cells[i, g] for g in self.groups if (i, g) in self.cells)
            for i in self.indsatser
        }

    def cell(self, indsats_id: str, group: str) -> Cell | None:
        """None where the group is not required to review the indsats."""
        return self.cells.get((indsats_id, group))

    def row(self, indsats_id: str) -> tuple[Cell, ...]:
        return self._rows.get(indsats_id, ())

    def column(self, group: str) -> tuple[Cell, ...]:
        return tuple(self.cells[i, group] for i in self.indsatser if (i, group) in self.cells)

    def progress(self, indsats_id: str) -> Progress:
        return Progress.of(self.row(indsats_id))

    def klar(self, indsats_id: str) -> bool:
        return self.progress(indsats_id).klar

    def group_totals(self, group: str) -> Progress:
        return Progress.of(self.column(group))

    def totals(self) -> Progress:
        return Progress.of(self.cells.values())

    @property
    def klar_count(self) -> int:
        return sum(1 for i in self.indsatser if self.klar(i))

    @property
    def has_decisions(self) -> bool:
        return any(cell.decision is not None for cell in self.cells.values())

    def restricted(
        self, indsatser: Collection[str] | None = None, groups: Collection[str] | None = None
    ) -> Matrix:
        """The part of the matrix a round covers (None or empty = everything)."""
        rows = tuple(i for i in self.indsatser if not indsatser or i in indsatser)
        cols = tuple(g for g in self.groups if not groups or g in groups)
        keep = set(rows)
        wanted = set(cols)
        cells = {k: c for k, c in self.cells.items() if k[0] in keep and k[1] in wanted}
        return Matrix(rows, cols, cells)


def column_order(indsatser: Sequence[Indsats], groups: Sequence[str] | None) -> tuple[str, ...]:
    """`groups` first (e.g. faggrupper.yml's order), then any other required group as met."""
    order = dict.fromkeys(groups or ())
    for indsats in indsatser:
        order.update(dict.fromkeys(indsats.faggrupper))
    return tuple(order)
