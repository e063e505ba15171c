"""Presence and drafts: what several people working at once need from the shared database.

Presence: every session beats (`beat`) every few seconds with the indsats it has open; rows
older than `PRESENCE_TTL` are sessions that died and are ignored (and swept). Drafts: the
whole text of an unsaved edit, written every few seconds, offered back after a crash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, delete, select

from sn_tui.review.db import Database
from sn_tui.review.tables import Draft, Presence, utc_now

PRESENCE_TTL = dt.timedelta(seconds=15)


@dataclass(frozen=True)
class Present:
    """Someone else's session, as the UI shows it."""

    login: str
    host: str
    indsats_id: str | None
    editing: bool
    since: dt.datetime
    pid: int = 0


class LiveService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ presence
    def beat(
        self,
        session_id: str,
        login: str,
        *,
        host: str = "",
        pid: int = 0,
        indsats_id: str | None = None,
        editing: bool = False,
    ) -> None:
        """Record that this session is alive and what it has open (an upsert)."""
        now = utc_now()
        for _attempt in range(3):
            try:
                with self.db.write() as session:
                    row = session.get(Presence, session_id)
                    if row is None:
                        row = Presence(session_id=session_id, login=login, since=now)
                    elif row.indsats_id != indsats_id:
                        row.since = now
                    row.login, row.host, row.pid = login, host, pid
                    row.indsats_id, row.editing, row.heartbeat_at = indsats_id, editing, now
                    session.add(row)
                return
            except IntegrityError:  # two first beats of one session raced: try again
                continue

    def leave(self, session_id: str) -> None:
        with self.db.write() as session:
            session.execute(delete(Presence).where(col(Presence.session_id) == session_id))

    def others(self, session_id: str, indsats_id: str | None = None) -> list[Present]:
        """Live sessions other than this one (on one indsats, if given), longest first."""
        cutoff = utc_now() - PRESENCE_TTL
        query = select(Presence).where(
            col(Presence.heartbeat_at) >= cutoff, col(Presence.session_id) != session_id
        )
        if indsats_id is not None:
            query = query.where(col(Presence.indsats_id) == indsats_id)
        with self.db.read() as session:
            rows = list(session.scalars(query.order_by(col(Presence.since))))
        return [Present(r.login, r.host, r.indsats_id, r.editing, r.since, r.pid) for r in rows]

    def sweep(self) -> int:
        """Forget sessions that stopped beating long ago."""
        cutoff = utc_now() - PRESENCE_TTL * 20
        with self.db.write() as session:
            result = session.execute(delete(Presence).where(col(Presence.heartbeat_at) < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)

    # ------------------------------------------------------------------ drafts
    def save_draft(self, login: str, indsats_id: str, base_commit: str, content: str) -> None:
        for _attempt in range(3):
            try:
                with self.db.write() as session:
                    row = session.get(Draft, (login, indsats_id))
                    if row is None:
                        row = Draft(
                            login=login,
                            indsats_id=indsats_id,
                            base_commit=base_commit,
                            content=content,
                        )
                    row.base_commit, row.content, row.updated_at = base_commit, content, utc_now()
                    session.add(row)
                return
            except IntegrityError:
                continue

    def draft(self, login: str, indsats_id: str) -> Draft | None:
        with self.db.read() as session:
            return session.get(Draft, (login, indsats_id))

    def drafts(self, login: str) -> list[Draft]:
        query = select(Draft).where(col(Draft.login) == login).order_by(col(Draft.indsats_id))
        with self.db.read() as session:
            return list(session.scalars(query))

    def discard_draft(self, login: str, indsats_id: str) -> None:
        with self.db.write() as session:
            session.execute(
                delete(Draft).where(col(Draft.login) == login, col(Draft.indsats_id) == indsats_id)
            )
