"""Every cell's status, from the latest marks in the database (plain SQL, see `plain`).

The overview's review column, the matrix, the queue and the rounds all start here; this is
the one read that runs on every start of the TUI, so it needs no SQLAlchemy.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from sn_tui.domain.entry import Indsats
from sn_tui.domain.reviews.content import ContentComparer, ReadBlob
from sn_tui.domain.reviews.matrix import Cell, Mark, Matrix, column_order, decide_cell
from sn_tui.domain.reviews.records import Verdict
from sn_tui.reviewdb.queries.plain import PlainDb

CellKey = tuple[str, str]
Marks = dict[CellKey, tuple[Mark, Mark | None]]  # per cell: latest decision, latest approval
_UNDECIDED: tuple[None, None] = (None, None)
_VERDICT_OF_CODE = {v.value: v for v in Verdict}  # a dict lookup is ~10x faster than Verdict()

_LATEST_MARKS = f"""
SELECT latest.indsats_id, latest.faggruppe, latest.decided_id, decided.verdict, decided.blob,
       latest.approved_id, approved.blob
FROM (
    SELECT indsats_id, faggruppe, MAX(id) AS decided_id,
           MAX(CASE WHEN verdict = '{Verdict.APPROVED.value}' THEN id END) AS approved_id
    FROM review
    WHERE verdict <> '{Verdict.COMMENT.value}'
    GROUP BY indsats_id, faggruppe
) AS latest
JOIN review AS decided ON decided.id = latest.decided_id
LEFT OUTER JOIN review AS approved ON approved.id = latest.approved_id
"""
"""Per (indsats, group) with a decision: the latest decision and the latest approval.

A GROUP BY over the covering index `ix_review_matrix` finds the two review ids per cell
("latest" is the highest id: the order reviews were recorded in, immune to clock skew), and two
primary-key joins fetch their verdict and blob."""

_OPEN_ROUND = "SELECT name FROM review_round WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1"
"""The newest round still open (as `ReviewService.current_round` finds it)."""


class StatusReader:
    """Cell statuses; safe to share between threads."""

    def __init__(self, db: PlainDb) -> None:
        self.db = db
        self._content = ContentComparer()
        self._lock = threading.Lock()
        # The latest marks of every cell, and the (row count, highest id) they were read at.
        self._marks: tuple[tuple[int, int | None], Marks] | None = None

    def matrix(
        self,
        indsatser: Sequence[Indsats],
        read_blob: ReadBlob,
        groups: Sequence[str] | None = None,
    ) -> Matrix:
        """Status of every (indsats, required group); columns in `groups` order, then others."""
        marks = self.latest_marks()

        def same(old: str, new: str) -> bool:
            return self._content.same_content(old, new, read_blob)

        cells: dict[CellKey, Cell] = {}
        for indsats in indsatser:
            for group in indsats.faggrupper:
                decision, approval = marks.get((indsats.id, group), _UNDECIDED)
                cells[indsats.id, group] = decide_cell(indsats, group, decision, approval, same)
        return Matrix(tuple(i.id for i in indsatser), column_order(indsatser, groups), cells)

    def review_stamp(self) -> int | None:
        """The newest review's id (reviews are only ever inserted): a change means someone
        recorded a review. One index lookup, cheap enough to ask every second."""
        highest = self.db.rows("SELECT MAX(id) FROM review")[0][0]
        return None if highest is None else int(highest)

    def open_round_name(self) -> str | None:
        """The name of the newest round still open; None when every round is closed. Plain
        SQL: the matrix screen asks on every opening, and most days no round is open, so
        SQLAlchemy (~1 s to import) is not needed at all."""
        found = self.db.rows(_OPEN_ROUND)
        return str(found[0][0]) if found else None

    def latest_marks(self) -> Marks:
        """Every cell's latest decision and approval, re-read only when reviews were added.

        Reviews are only ever inserted, so the row count and highest id say whether anything
        changed; reading them first (the cheaper query) means a review that lands in between
        only makes the next call read again.
        """
        count, highest = self.db.rows("SELECT COUNT(*), MAX(id) FROM review")[0]
        key = (int(count), None if highest is None else int(highest))
        with self._lock:
            cached = self._marks
        if cached is not None and cached[0] == key:
            return cached[1]
        marks: Marks = {}
        for ident, group, decided_id, verdict, blob, approved_id, approved_blob in self.db.rows(
            _LATEST_MARKS
        ):
            decision = Mark(decided_id, _VERDICT_OF_CODE[verdict], blob)
            approval = None
            if approved_id is not None:
                approval = Mark(approved_id, Verdict.APPROVED, approved_blob)
            marks[ident, group] = (decision, approval)
        with self._lock:
            self._marks = (key, marks)
        return marks
