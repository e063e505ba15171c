"""Reviews as the CLI and the TUI use them: the review service joined to the Git repository.

The review package knows nothing of Git; here a review is bound to the blob id of the text the
person read, the last editor is found in Git history, and the database is opened lazily:
plain SQL for statuses, presence and drafts (`sn_tui.reviewdb.queries.plain`), SQLModel only
when a review is recorded or a round run (the SQL machinery costs ~40 MB and most of a
second to import).

What it returns is pure: the records, matrix and round status of `sn_tui.domain.reviews.records*`
(`sn_tui.reviewdb.service` turns its rows into them), and what it raises derives from
`sn_tui.domain.reviews.errors` or `sn_tui.services.errors`, so a front end needs neither SQLModel
nor the database package.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sn_tui.domain.danish import format_date
from sn_tui.domain.entry import Adgang, Indsats, Person
from sn_tui.domain.fields import indsats_path
from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.domain.diff.types import FieldChange, MetaChange
    from sn_tui.domain.reviews.matrix import Cell, Matrix
    from sn_tui.domain.reviews.records import Review, ReviewRound
    from sn_tui.domain.reviews.rounds import RoundStatus
    from sn_tui.reviewdb.queries.live import LiveService
    from sn_tui.reviewdb.queries.plain import PlainDb
    from sn_tui.reviewdb.queries.status import StatusReader
    from sn_tui.reviewdb.service import ReviewService
    from sn_tui.store.repo import ContentRepo


@dataclass(frozen=True)
class SinceApproval:
    """What a group approved, and what has changed since, field by field."""

    approved: Indsats | None
    review: Review | None
    changes: list[FieldChange]
    meta: list[MetaChange]  # frontmatter keys that count as content (not `faggrupper`)


@dataclass(frozen=True)
class IndsatsReviews:
    """Everything the review panel shows for one indsats, as of `main` now."""

    indsats: Indsats
    cells: tuple[Cell, ...]  # one per required faggruppe, in the indsats' order
    history: list[Review]  # every review, newest first
    since: dict[str, SinceApproval]  # for each group whose approval is stale


def database_url(arg: str | None, git_dir: os.PathLike[str] | str) -> str:
    from pathlib import Path

    from sn_tui.reviewdb.location import default_sqlite_url, stored_url

    return (
        arg
        or os.environ.get("SN_DATABASE_URL")
        or stored_url(Path(git_dir))
        or default_sqlite_url(Path(git_dir))
    )


class ReviewedWorkspace(Protocol):
    """What reviews need of the workspace (`sn_tui.services.workspace.Workspace`), named here
    so that the workspace, which holds a `Reviews`, and this module do not import each other."""

    repo: ContentRepo
    login: str

    def adgang(self) -> Adgang: ...

    def indsatser(self, rev: str = "main") -> list[Indsats]: ...

    def steering(self, doing: str) -> Person: ...


class Reviews:
    """Reviews of the indsatser in one workspace's repository."""

    def __init__(self, workspace: ReviewedWorkspace, db_url: str | None = None) -> None:
        self.ws = workspace
        self.url = database_url(db_url, workspace.repo.git_dir)
        self._plain: PlainDb | None = None
        self._status: StatusReader | None = None
        self._service: ReviewService | None = None
        self._lock = threading.Lock()

    @property
    def plain(self) -> PlainDb:
        """The database for what runs all the time (presence, drafts, statuses): plain SQL."""
        with self._lock:
            if self._plain is None:
                from sn_tui.reviewdb.queries.plain import open_plain

                self._plain = open_plain(self.url)
            return self._plain

    @property
    def status(self) -> StatusReader:
        plain = self.plain
        with self._lock:
            if self._status is None:
                from sn_tui.reviewdb.queries.status import StatusReader

                self._status = StatusReader(plain)
            return self._status

    @property
    def service(self) -> ReviewService:
        """Recording reviews, history and rounds (SQLModel: imported on first use)."""
        status = self.status
        with self._lock:
            if self._service is None:
                from sn_tui.reviewdb.connection import open_database
                from sn_tui.reviewdb.service import ReviewService

                self._service = ReviewService(open_database(self.url), status)
            return self._service

    @property
    def live(self) -> LiveService:
        """Presence and drafts, in the same database as the reviews."""
        from sn_tui.reviewdb.queries.live import LiveService

        return LiveService(self.plain)

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
        if self._plain is not None:
            self._plain.close()

    # ------------------------------------------------------------------ Git side
    def read_blob(self, blob: str) -> bytes:
        from sn_tui.store.repo import RepoError

        try:
            return self.ws.repo.read_blob(blob)
        except RepoError as exc:
            raise KeyError(blob) from exc

    def last_editor(self, indsats_id: str) -> str | None:
        """The login of whoever last changed the indsats (matched by e-mail in adgang.yml)."""
        history = self.ws.repo.history(indsats_path(indsats_id), limit=1)
        if not history:
            return None
        email = history[0].email.casefold()
        for login, person in self.ws.adgang().personer.items():
            if person.email.casefold() == email:
                return login
        return None

    def _indsats(self, indsats_id: str) -> tuple[Indsats, str]:
        from sn_tui.services.errors import NotFound

        head = self.ws.repo.head()
        entry = self.ws.repo.indsats(head, indsats_id) if head else None
        if entry is None or head is None:
            raise NotFound(t("review.indsats_not_found", indsats=indsats_id))
        return entry, head

    def _current(self, rev: str = "main") -> list[Indsats]:
        return self.ws.indsatser(rev)

    # ------------------------------------------------------------------ reviews
    def record(self, indsats_id: str, group: str, verdict: str, comment: str = "") -> Review:
        """A review of today's text on `main`, by the logged-in person."""
        entry, head = self._indsats(indsats_id)
        return self.service.record(
            entry,
            group,
            self.ws.login,
            verdict,
            comment,
            head,
            self.ws.adgang(),
            self.last_editor(indsats_id),
        )

    def history(self, indsats_id: str) -> list[Review]:
        return self.service.history(indsats_id)

    def matrix(self, rev: str = "main", indsatser: Sequence[Indsats] | None = None) -> Matrix:
        """Status of every indsats at `rev` (or of `indsatser`, already read from `rev`)."""
        groups = [g.id for g in self.ws.repo.faggrupper(self.ws.repo.resolve(rev).commit)]
        rows = self._current(rev) if indsatser is None else indsatser
        return self.status.matrix(rows, self.read_blob, groups)

    def queue(self) -> list[Cell]:
        return self.service.queue(self.ws.login, self.ws.adgang(), self._current(), self.read_blob)

    def since_approval(self, indsats_id: str, group: str) -> SinceApproval:
        entry, _head = self._indsats(indsats_id)
        return self._since(entry, group)

    def _since(self, entry: Indsats, group: str) -> SinceApproval:
        from sn_tui.domain.diff.compare import field_diff
        from sn_tui.domain.diff.meta import meta_diff
        from sn_tui.domain.reviews.content import NOT_CONTENT_META

        approved, review = self.service.since_approval(entry, group, self.read_blob)
        if approved is None:
            return SinceApproval(None, review, [], [])
        meta = [
            m
            for m in meta_diff(approved.meta, entry.meta)
            if m.key.split(".", 1)[0] not in NOT_CONTENT_META
        ]
        return SinceApproval(approved, review, field_diff(approved, entry), meta)

    def of_indsats(self, indsats_id: str) -> IndsatsReviews:
        """Status per required group, the history, and what changed since stale approvals."""
        from sn_tui.domain.reviews.records import Status

        entry, _head = self._indsats(indsats_id)
        cells = self.status.matrix([entry], self.read_blob).row(entry.id)
        since = {c.group: self._since(entry, c.group) for c in cells if c.status is Status.STALE}
        return IndsatsReviews(entry, cells, self.history(indsats_id), since)

    def summary(self, commit: str) -> str:
        indsatser = list(self.ws.repo.indsatser(commit).values())
        return self.service.summary_for_adoption(indsatser, self.read_blob)

    # ------------------------------------------------------------------ rounds
    def _require_round_rights(self) -> None:
        self.ws.steering("styre en høringsrunde")

    def start_round(
        self,
        name: str,
        deadline: dt.date,
        groups: Collection[str] | None = None,
        indsatser: Collection[str] | None = None,
    ) -> ReviewRound:
        from sn_tui.services.errors import InvalidInput

        self._require_round_rights()
        known_groups = {g.id for g in self.ws.repo.faggrupper(self.ws.repo.head())}
        for group in groups or ():
            if group not in known_groups:
                raise InvalidInput(t("review.group_unknown", group=group))
        known = {i.id for i in self._current()}
        for ident in indsatser or ():
            if ident not in known:
                raise InvalidInput(t("review.indsats_not_found", indsats=ident))
        return self.service.start_round(name, deadline, groups, indsatser, by=self.ws.login)

    def round_status(self, ref: str | None = None) -> RoundStatus:
        from sn_tui.services.errors import NotFound

        chosen = ref if ref is not None else self._current_round_name()
        if chosen is None:
            raise NotFound(t("review.no_open_round"))
        return self.service.round_status(chosen, self._current(), self.read_blob)

    def current_round_status(
        self, indsatser: Sequence[Indsats] | None = None
    ) -> RoundStatus | None:
        """Where the newest open round stands (None: no round is open)."""
        name = self._current_round_name()
        if name is None:
            return None
        rows = self._current() if indsatser is None else indsatser
        return self.service.round_status(name, rows, self.read_blob)

    def _current_round_name(self) -> str | None:
        return self.status.open_round_name()

    def close_round(self, ref: str) -> ReviewRound:
        self._require_round_rights()
        return self.service.close_round(ref, by=self.ws.login)

    def extend_round(self, ref: str, deadline: dt.date) -> ReviewRound:
        """A new deadline for an open round (not one in the past)."""
        from sn_tui.services.errors import InvalidInput

        self._require_round_rights()
        if deadline < dt.date.today():
            raise InvalidInput(t("people.round_deadline_past", deadline=format_date(deadline)))
        return self.service.extend_round(ref, deadline)

    def not_klar(self) -> list[str]:
        """The indsatser on `main` not klar now: what a new round covers unless told otherwise."""
        matrix = self.matrix()
        return [i for i in matrix.indsatser if not matrix.klar(i)]

    def my_open_rounds(self) -> list[RoundStatus]:
        """The open rounds that ask this person's faggrupper for something (their part only).
        Asked at every start: with no round open (most days), plain SQL says so and SQLModel
        (~1 s of processor time to import, beside the user's first keys) stays unloaded."""
        person = self.ws.adgang().person(self.ws.login)
        if person is None or not person.faggrupper or self._current_round_name() is None:
            return []
        found = []
        rows = self._current()
        for r in self.service.list_rounds():
            if not r.is_open:
                continue
            status = self.service.round_status(r.id, rows, self.read_blob)
            mine = [g for g in person.faggrupper if g in status.matrix.groups]
            if mine:
                found.append(status)
        return found

    def list_rounds(self) -> list[ReviewRound]:
        return self.service.list_rounds()
