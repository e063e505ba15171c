"""The review service: record reviews, compute statuses, run review rounds.

Pure of Git: callers pass today's `Indsats` objects (with their blob ids), the `Adgang` rules,
the commit, and a `read_blob` callable for older texts. Every user-facing refusal is a
`ReviewRefused` with a sentence from the catalogue. Reads use plain transactions; writes use
`Database.write()` (BEGIN IMMEDIATE on SQLite). Rows never leave this module: reviews and rounds
are returned as the frozen records of `sn_tui.domain.reviews.records`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from sn_tui.domain.danish import format_date
from sn_tui.domain.entry import Adgang, Indsats
from sn_tui.domain.reviews.content import ReadBlob
from sn_tui.domain.reviews.errors import ReviewRefused, RoundNotFound
from sn_tui.domain.reviews.matrix import Cell
from sn_tui.domain.reviews.records import Review, ReviewRound, Status, Verdict
from sn_tui.domain.reviews.rounds import RoundStatus
from sn_tui.i18n import DEFAULT, t, text_in
from sn_tui.reviewdb.clock import utc_now
from sn_tui.reviewdb.connection import Database
from sn_tui.reviewdb.queries.plain import open_plain
from sn_tui.reviewdb.queries.status import StatusReader
from sn_tui.reviewdb.rights import check_may_record
from sn_tui.reviewdb.tables import Review as ReviewRow
from sn_tui.reviewdb.tables import ReviewRound as RoundRow
from sn_tui.reviewdb.tables import ReviewRoundGroup, ReviewRoundIndsats


class ReviewService:
    """One per open database; safe to share between the TUI's worker threads."""

    def __init__(self, db: Database, status: StatusReader | None = None) -> None:
        """`status`: the reader of cell statuses to share (else one on a plain connection of
        its own, closed with `close`)."""
        self.db = db
        self._own_status = status is None
        self.status = status or StatusReader(open_plain(db.url))

    def close(self) -> None:
        """Close the database (and the status reader's connection, if this service made it)."""
        if self._own_status:
            self.status.db.close()
        self.db.close()

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
        row = ReviewRow(
            indsats_id=indsats.id,
            faggruppe=group,
            login=person_login,
            verdict=verdict.value,
            comment=comment.strip(),
            blob=indsats.blob,
            commit=commit,
        )
        with self.db.write() as session:
            session.add(row)
        return _review(row)

    def history(self, indsats_id: str, group: str | None = None) -> list[Review]:
        """Every review of an indsats (optionally one group's), newest first."""
        query = select(ReviewRow).where(col(ReviewRow.indsats_id) == indsats_id)
        if group is not None:
            query = query.where(col(ReviewRow.faggruppe) == group)
        query = query.order_by(col(ReviewRow.id).desc())
        with self.db.read() as session:
            return [_review(row) for row in session.scalars(query)]

    # ------------------------------------------------------------------ status
    def since_approval(
        self, indsats: Indsats, group: str, read_blob: ReadBlob
    ) -> tuple[Indsats | None, Review | None]:
        """The text `group` last approved (parsed) and that approval; (None, None) if never.

        The text is None too when its blob can no longer be read.
        """
        query = (
            select(ReviewRow)
            .where(
                col(ReviewRow.indsats_id) == indsats.id,
                col(ReviewRow.faggruppe) == group,
                col(ReviewRow.verdict) == Verdict.APPROVED.value,
            )
            .order_by(col(ReviewRow.id).desc())
            .limit(1)
        )
        with self.db.read() as session:
            row = session.scalars(query).first()
        if row is None:
            return None, None
        approval = _review(row)
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
        matrix = self.status.matrix(mine, read_blob)
        return [
            cell
            for indsats in mine
            for cell in matrix.row(indsats.id)
            if cell.group in person.faggrupper and cell.owed
        ]

    def summary_for_adoption(self, indsatser: Sequence[Indsats], read_blob: ReadBlob) -> str:
        """Plain-Danish review status per indsats and in total, for an adopted version's tag.

        Danish whatever the user's language: the tag is the kommune's record, like its trailers.
        """
        matrix = self.status.matrix(indsatser, read_blob)
        if not matrix.has_decisions:
            return _danish("review.summary_none")
        lines: list[str] = []
        for indsats_id in matrix.indsatser:
            progress = matrix.progress(indsats_id)
            if not progress.required:
                lines.append(_danish("review.summary_no_groups", indsats=indsats_id))
                continue
            head = _danish(
                "review.summary_line",
                indsats=indsats_id,
                approved=progress.approved,
                required=progress.required,
            )
            lines.append(", ".join([head, *_other_counts(progress.counts())]))
        totals = matrix.totals()
        head = _danish(
            "review.summary_total",
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
            raise ReviewRefused(t("review.round_name_empty"))
        taken = ReviewRefused(t("review.round_name_taken", name=name))
        try:
            with self.db.write() as session:
                if session.scalars(_round_by_name(name)).first() is not None:
                    raise taken
                row = RoundRow(name=name, deadline=deadline, created_by=by)
                session.add(row)
                session.flush()
                assert row.id is not None
                session.add_all(
                    ReviewRoundGroup(round_id=row.id, faggruppe=g)
                    for g in dict.fromkeys(groups or ())
                )
                session.add_all(
                    ReviewRoundIndsats(round_id=row.id, indsats_id=i)
                    for i in dict.fromkeys(indsatser or ())
                )
        except IntegrityError:  # another process took the name between our check and insert
            raise taken from None
        return _round(row)

    def get_round(self, ref: int | str) -> ReviewRound:
        """A round by id or name; raises `RoundNotFound`."""
        with self.db.read() as session:
            return _round(_find_round(session, ref))

    def list_rounds(self) -> list[ReviewRound]:
        """Every round, newest first."""
        query = select(RoundRow).order_by(col(RoundRow.id).desc())
        with self.db.read() as session:
            return [_round(row) for row in session.scalars(query)]

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
            row = _find_round(session, ref)
            groups, covered = _round_scope(session, row)
        chosen = [i for i in indsatser if not covered or i.id in covered]
        matrix = self.status.matrix(chosen, read_blob).restricted(None, groups)
        return RoundStatus(_round(row), groups, covered, matrix, today or dt.date.today())

    def close_round(self, ref: int | str, *, by: str) -> ReviewRound:
        with self.db.write() as session:
            row = _open_round(session, ref)
            row.closed_at = utc_now()
            row.closed_by = by
            session.add(row)
        return _round(row)

    def extend_round(self, ref: int | str, deadline: dt.date) -> ReviewRound:
        """Give an open round a new deadline."""
        with self.db.write() as session:
            row = _open_round(session, ref)
            row.deadline = deadline
            session.add(row)
        return _round(row)


def _open_round(session: Session, ref: int | str) -> RoundRow:
    """The round `ref` for a change; one that is closed already is refused."""
    row = _find_round(session, ref)
    if row.closed_at is not None:
        closed = format_date(row.closed_at.astimezone())
        raise ReviewRefused(t("review.round_closed", name=row.name, date=closed))
    return row


def _review(row: ReviewRow) -> Review:
    assert row.id is not None  # rows read or written back have their id
    return Review(
        row.id,
        row.indsats_id,
        row.faggruppe,
        row.login,
        row.verdict,
        row.comment,
        row.blob,
        row.commit,
        row.created_at,
    )


def _round(row: RoundRow) -> ReviewRound:
    assert row.id is not None
    return ReviewRound(
        row.id,
        row.name,
        row.deadline,
        row.created_by,
        row.created_at,
        row.closed_at,
        row.closed_by,
    )


def _danish(key: str, /, *, count: int | None = None, **fields: object) -> str:
    """A catalogue string in Danish, for text stored in the repository."""
    return text_in(DEFAULT, key, count=count, **fields)


def _other_counts(counts: list[tuple[Status, int]]) -> list[str]:
    """`1 forældet`, `2 forældede`: the summary's counts of what is not approved."""
    return [
        _danish(f"review.summary_count_{s.value}", count=n)
        for s, n in counts
        if s is not Status.APPROVED
    ]


def _round_by_name(name: str) -> Select[RoundRow]:
    return select(RoundRow).where(col(RoundRow.name) == name)


def _find_round(session: Session, ref: int | str) -> RoundRow:
    found = session.scalars(_round_by_name(str(ref))).first()
    if found is None and (isinstance(ref, int) or ref.strip().isdigit()):
        found = session.get(RoundRow, int(ref))
    if found is None:
        raise RoundNotFound(t("review.round_not_found", ref=ref))
    return found


def _round_scope(session: Session, round_: RoundRow) -> tuple[tuple[str, ...], tuple[str, ...]]:
    groups = session.scalars(
        select(col(ReviewRoundGroup.faggruppe)).where(col(ReviewRoundGroup.round_id) == round_.id)
    )
    indsatser = session.scalars(
        select(col(ReviewRoundIndsats.indsats_id)).where(
            col(ReviewRoundIndsats.round_id) == round_.id
        )
    )
    return tuple(groups), tuple(indsatser)
