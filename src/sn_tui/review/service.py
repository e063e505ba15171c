"""The review service: record reviews, compute statuses, run review rounds.

Pure of Git: callers pass today's `Indsats` objects (with their blob ids), the `Adgang` rules,
the commit, and a `read_blob` callable for older texts. Every user-facing refusal is a
`ReviewRefused` with a Danish sentence. Reads use plain transactions; writes use
`Database.write()` (BEGIN IMMEDIATE on SQLite).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from sqlalchemy import Select, case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from sn_tui.model.danish import format_date
from sn_tui.model.entry import Adgang, Indsats
from sn_tui.review import labels
from sn_tui.review.codes import Status, Verdict
from sn_tui.review.content import ContentComparer, ReadBlob
from sn_tui.review.db import Database
from sn_tui.review.errors import ReviewRefused, RoundNotFound
from sn_tui.review.matrix import Cell, Mark, Matrix, column_order, decide_cell
from sn_tui.review.rights import check_may_record
from sn_tui.review.rounds import RoundStatus
from sn_tui.review.tables import (
    Review,
    ReviewRound,
    ReviewRoundGroup,
    ReviewRoundIndsats,
    utc_now,
)

CellKey = tuple[str, str]
Marks = dict[CellKey, tuple[Mark, Mark | None]]  # per cell: latest decision, latest approval
_UNDECIDED: tuple[None, None] = (None, None)
_VERDICT_OF_CODE = {v.value: v for v in Verdict}  # a dict lookup is ~10x faster than Verdict()


class ReviewService:
    """One per open database; safe to share between the TUI's worker threads."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._content = ContentComparer()
        # The latest marks of every cell, and the (row count, highest id) they were read at.
        self._marks: tuple[tuple[int, int | None], Marks] | None = None

    # ------------------------------------------------------------------ reviews
    def record(
        self,
        indsats: Indsats,
        group: str,
        person_login: str,
        verdict: Verdict | str,
        comment: str,
        commit: str,
        adgang: Adgang,
        last_editor: str | None,
    ) -> Review:
        """Store one review of today's text of `indsats`; raises `ReviewRefused`.

        `last_editor` is the login of whoever last changed the indsats file (for the rule
        against approving one's own text).
        """
        verdict = Verdict(verdict)
        check_may_record(indsats, group, person_login, verdict, comment, adgang, last_editor)
        if not indsats.blob:
            raise ValueError(f"indsats {indsats.id!r} has no blob id")
        review = Review(
            indsats_id=indsats.id,
            faggruppe=group,
            login=person_login,
            verdict=verdict.value,
            comment=comment.strip(),
            blob=indsats.blob,
            commit=commit,
        )
        with self.db.write() as session:
            session.add(review)
        return review

    def history(self, indsats_id: str, group: str | None = None) -> list[Review]:
        """Every review of an indsats (optionally one group's), newest first."""
        query = select(Review).where(col(Review.indsats_id) == indsats_id)
        if group is not None:
            query = query.where(col(Review.faggruppe) == group)
        query = query.order_by(col(Review.id).desc())
        with self.db.read() as session:
            return list(session.scalars(query))

    # ------------------------------------------------------------------ status
    def matrix(
        self,
        indsatser: Sequence[Indsats],
        read_blob: ReadBlob,
        groups: Sequence[str] | None = None,
    ) -> Matrix:
        """Status of every (indsats, required group); columns in `groups` order, then others."""
        marks = self._latest_marks()

        def same(old: str, new: str) -> bool:
            return self._content.same_content(old, new, read_blob)

        cells: dict[CellKey, Cell] = {}
        for indsats in indsatser:
            for group in indsats.faggrupper:
                decision, approval = marks.get((indsats.id, group), _UNDECIDED)
                cells[indsats.id, group] = decide_cell(indsats, group, decision, approval, same)
        return Matrix(tuple(i.id for i in indsatser), column_order(indsatser, groups), cells)

    def _latest_marks(self) -> Marks:
        """Every cell's latest decision and approval, re-read only when reviews were added.

        Reviews are only ever inserted, so the row count and highest id say whether anything
        changed; reading them first (the cheaper query) means a review that lands in between
        only makes the next call read again.
        """
        with self.db.read() as session:
            state = session.execute(select(func.count(), func.max(Review.id))).one()
            key = (int(state[0]), state[1])
            cached = self._marks
            if cached is not None and cached[0] == key:
                return cached[1]
            marks = _query_latest_marks(session)
        self._marks = (key, marks)
        return marks

    def since_approval(
        self, indsats: Indsats, group: str, read_blob: ReadBlob
    ) -> tuple[Indsats | None, Review | None]:
        """The text `group` last approved (parsed) and that approval; (None, None) if never.

        The text is None too when its blob can no longer be read.
        """
        query = (
            select(Review)
            .where(
                col(Review.indsats_id) == indsats.id,
                col(Review.faggruppe) == group,
                col(Review.verdict) == Verdict.APPROVED.value,
            )
            .order_by(col(Review.id).desc())
            .limit(1)
        )
        with self.db.read() as session:
            approval = session.scalars(query).first()
        if approval is None:
            return None, None
        try:
            old = Indsats.parse(read_blob(approval.blob), indsats.path, approval.blob)
        except (LookupError, ValueError):
            return None, approval
        return old, approval

    def queue(
        self, login: str, adgang: Adgang, indsatser: Sequence[Indsats], read_blob: ReadBlob
    ) -> list[Cell]:
        """What the person's groups still owe, in the order of `indsatser`."""
        person = adgang.person(login)
        if person is None or not person.faggrupper:
            return []
        mine = [i for i in indsatser if set(i.faggrupper) & set(person.faggrupper)]
        matrix = self.matrix(mine, read_blob)
        return [
            cell
            for indsats in mine
            for cell in matrix.row(indsats.id)
            if cell.group in person.faggrupper and cell.owed
        ]

    def summary_for_adoption(self, indsatser: Sequence[Indsats], read_blob: ReadBlob) -> str:
        """Plain-Danish review status per indsats and in total, for an adopted version's tag."""
        matrix = self.matrix(indsatser, read_blob)
        if not matrix.has_decisions:
            return labels.SUMMARY_NONE
        lines: list[str] = []
        for indsats_id in matrix.indsatser:
            progress = matrix.progress(indsats_id)
            if not progress.required:
                lines.append(labels.SUMMARY_NO_GROUPS.format(indsats=indsats_id))
                continue
            head = labels.SUMMARY_LINE.format(
                indsats=indsats_id, approved=progress.approved, required=progress.required
            )
            lines.append(", ".join([head, *_other_counts(progress.counts())]))
        totals = matrix.totals()
        head = labels.SUMMARY_TOTAL.format(
            klar=matrix.klar_count,
            indsatser=len(matrix.indsatser),
            approved=totals.approved,
            required=totals.required,
        )
        lines.append(", ".join([head, *_other_counts(totals.counts())]))
        return "\n".join(lines)

    # ------------------------------------------------------------------ rounds
    def start_round(
        self,
        name: str,
        deadline: dt.date,
        groups: Collection[str] | None = None,
        indsatser: Collection[str] | None = None,
        *,
        by: str,
    ) -> ReviewRound:
        """Start a round covering `groups` and `indsatser` (None or empty: all of them)."""
        name = name.strip()
        if not name:
            raise ReviewRefused(labels.ROUND_NAME_EMPTY)
        taken = ReviewRefused(labels.ROUND_NAME_TAKEN.format(name=name))
        try:
            with self.db.write() as session:
                if session.scalars(_round_by_name(name)).first() is not None:
                    raise taken
                round_ = ReviewRound(name=name, deadline=deadline, created_by=by)
                session.add(round_)
                session.flush()
                assert round_.id is not None
                session.add_all(
                    ReviewRoundGroup(round_id=round_.id, faggruppe=g)
                    for g in dict.fromkeys(groups or ())
                )
                session.add_all(
                    ReviewRoundIndsats(round_id=round_.id, indsats_id=i)
                    for i in dict.fromkeys(indsatser or ())
                )
        except IntegrityError:  # another process took the name between our check and insert
            raise taken from None
        return round_

    def get_round(self, ref: int | str) -> ReviewRound:
        """A round by id or name; raises `RoundNotFound`."""
        with self.db.read() as session:
            return _find_round(session, ref)

    def list_rounds(self) -> list[ReviewRound]:
        """Every round, newest first."""
        query = select(ReviewRound).order_by(col(ReviewRound.id).desc())
        with self.db.read() as session:
            return list(session.scalars(query))

    def current_round(self) -> ReviewRound | None:
        """The newest round still open."""
        return next((r for r in self.list_rounds() if r.is_open), None)

    def round_status(
        self,
        ref: int | str,
        indsatser: Sequence[Indsats],
        read_blob: ReadBlob,
        today: dt.date | None = None,
    ) -> RoundStatus:
        with self.db.read() as session:
            round_ = _find_round(session, ref)
            groups, covered = _round_scope(session, round_)
        chosen = [i for i in indsatser if not covered or i.id in covered]
        matrix = self.matrix(chosen, read_blob).restricted(None, groups)
        return RoundStatus(round_, groups, covered, matrix, today or dt.date.today())

    def close_round(self, ref: int | str, *, by: str) -> ReviewRound:
        with self.db.write() as session:
            round_ = _find_round(session, ref)
            if round_.closed_at is not None:
                raise ReviewRefused(
                    labels.ROUND_CLOSED.format(
                        name=round_.name, date=format_date(round_.closed_at.astimezone())
                    )
                )
            round_.closed_at = utc_now()
            round_.closed_by = by
            session.add(round_)
        return round_


def _other_counts(counts: list[tuple[Status, int]]) -> list[str]:
    return [labels.status_count(s, n) for s, n in counts if s is not Status.APPROVED]


def _query_latest_marks(session: Session) -> Marks:
    """Per (indsats, group) with a decision: the latest decision and latest approval.

    One query: a GROUP BY over the covering index `ix_review_matrix` finds the two review ids
    per cell ("latest" is the highest id: the order reviews were recorded in, immune to clock
    skew), and two primary-key joins fetch their verdict and blob.
    """
    is_approval = col(Review.verdict) == Verdict.APPROVED.value
    latest = (
        select(
            col(Review.indsats_id).label("indsats_id"),
            col(Review.faggruppe).label("faggruppe"),
            func.max(Review.id).label("decided_id"),
            func.max(case((is_approval, Review.id))).label("approved_id"),
        )
        .where(col(Review.verdict) != Verdict.COMMENT.value)
        .group_by(col(Review.indsats_id), col(Review.faggruppe))
        .subquery("latest")
    )
    decided = aliased(Review, name="decided")
    approved = aliased(Review, name="approved")
    query = (
        select(
            latest.c.indsats_id,
            latest.c.faggruppe,
            latest.c.decided_id,
            col(decided.verdict),
            col(decided.blob),
            latest.c.approved_id,
            col(approved.blob),
        )
        .join(decided, col(decided.id) == latest.c.decided_id)
        .outerjoin(approved, col(approved.id) == latest.c.approved_id)
    )
    marks: Marks = {}
    rows = session.connection().execute(query).all()
    for indsats_id, group, decided_id, verdict, blob, approved_id, approved_blob in rows:
        decision = Mark(decided_id, _VERDICT_OF_CODE[verdict], blob)
        approval = None
        if approved_id is not None:
            approval = Mark(approved_id, Verdict.APPROVED, approved_blob)
        marks[indsats_id, group] = (decision, approval)
    return marks


def _round_by_name(name: str) -> Select[ReviewRound]:
    return select(ReviewRound).where(col(ReviewRound.name) == name)


def _find_round(session: Session, ref: int | str) -> ReviewRound:
    found = session.scalars(_round_by_name(str(ref))).first()
    if found is None and (isinstance(ref, int) or ref.strip().isdigit()):
        found = session.get(ReviewRound, int(ref))
    if found is None:
        raise RoundNotFound(labels.ROUND_NOT_FOUND.format(ref=ref))
    return found


def _round_scope(session: Session, round_: ReviewRound) -> tuple[tuple[str, ...], tuple[str, ...]]:
    groups = session.scalars(
        select(col(ReviewRoundGroup.faggruppe)).where(col(ReviewRoundGroup.round_id) == round_.id)
    )
    indsatser = session.scalars(
        select(col(ReviewRoundIndsats.indsats_id)).where(
            col(ReviewRoundIndsats.round_id) == round_.id
        )
    )
    return tuple(groups), tuple(indsatser)
