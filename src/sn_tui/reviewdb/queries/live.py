"""Presence and drafts: what several people working at once need from the shared database.

Plain SQL (`sn_tui.reviewdb.queries.plain`): these run every few seconds in every session.

Presence: every session beats (`beat`) every few seconds with the indsats it has open; rows
older than `PRESENCE_TTL` are sessions that died and are ignored (and swept). Drafts: the
whole text of an unsaved edit, written every few seconds, offered back after a crash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sn_tui.reviewdb.clock import utc_now
from sn_tui.reviewdb.queries.plain import PlainDb

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


@dataclass(frozen=True)
class SavedDraft:
    """A person's unsaved edit of one indsats, as stored (see `tables.Draft`)."""

    login: str
    indsats_id: str
    base_commit: str
    content: str
    updated_at: dt.datetime


_DRAFT_COLUMNS = "login, indsats_id, base_commit, content, updated_at"
_PRESENT_COLUMNS = "login, host, indsats_id, editing, since, pid"


class LiveService:
    def __init__(self, db: PlainDb) -> None:
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
        db = self.db
        now = db.to_db(utc_now())
        for _attempt in range(3):
            try:
                with db.write() as tx:
                    found = tx.rows(
                        "SELECT indsats_id FROM presence WHERE session_id = ?", (session_id,)
                    )
                    if not found:
                        tx.run(
                            "INSERT INTO presence (session_id, login, host, pid, indsats_id,"
                            " editing, since, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (session_id, login, host, pid, indsats_id, editing, now, now),
                        )
                        return
                    moved = found[0][0] != indsats_id
                    tx.run(
                        "UPDATE presence SET login = ?, host = ?, pid = ?, indsats_id = ?,"
                        f" editing = ?, heartbeat_at = ?{', since = ?' if moved else ''}"
                        " WHERE session_id = ?",
                        (login, host, pid, indsats_id, editing, now)
                        + ((now,) if moved else ())
                        + (session_id,),
                    )
                return
            except db.driver.IntegrityError:  # two first beats of one session raced: again
                continue

    def leave(self, session_id: str) -> None:
        with self.db.write() as tx:
            tx.run("DELETE FROM presence WHERE session_id = ?", (session_id,))

    def others(self, session_id: str, indsats_id: str | None = None) -> list[Present]:
        """Live sessions other than this one (on one indsats, if given), longest first."""
        db = self.db
        cutoff = db.to_db(utc_now() - PRESENCE_TTL)
        sql = f"SELECT {_PRESENT_COLUMNS} FROM presence WHERE heartbeat_at >= ? AND session_id <> ?"
        params: tuple[object, ...] = (cutoff, session_id)
        if indsats_id is not None:
            sql += " AND indsats_id = ?"
            params += (indsats_id,)
        rows = db.rows(sql + " ORDER BY since", params)
        return [
            Present(login, host, key, bool(editing), db.from_db(since), int(pid))
            for login, host, key, editing, since, pid in rows
        ]

    def sweep(self) -> int:
        """Forget sessions that stopped beating long ago."""
        cutoff = self.db.to_db(utc_now() - PRESENCE_TTL * 20)
        with self.db.write() as tx:
            return tx.run("DELETE FROM presence WHERE heartbeat_at < ?", (cutoff,))

    # ------------------------------------------------------------------ drafts
    def save_draft(self, login: str, indsats_id: str, base_commit: str, content: str) -> None:
        db = self.db
        now = db.to_db(utc_now())
        key = (login, indsats_id)
        for _attempt in range(3):
            try:
                with db.write() as tx:
                    changed = tx.run(
                        "UPDATE draft SET base_commit = ?, content = ?, updated_at = ?"
                        " WHERE login = ? AND indsats_id = ?",
                        (base_commit, content, now, *key),
                    )
                    if not changed:
                        tx.run(
                            f"INSERT INTO draft ({_DRAFT_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                            (*key, base_commit, content, now),
                        )
                return
            except db.driver.IntegrityError:
                continue

    def draft(self, login: str, indsats_id: str) -> SavedDraft | None:
        found = self._drafts("login = ? AND indsats_id = ?", (login, indsats_id))
        return found[0] if found else None

    def drafts(self, login: str) -> list[SavedDraft]:
        return self._drafts("login = ? ORDER BY indsats_id", (login,))

    def _drafts(self, where: str, params: tuple[str, ...]) -> list[SavedDraft]:
        rows = self.db.rows(f"SELECT {_DRAFT_COLUMNS} FROM draft WHERE {where}", params)
        return [
            SavedDraft(login, key, base, content, self.db.from_db(updated))
            for login, key, base, content, updated in rows
        ]

    def discard_draft(self, login: str, indsats_id: str) -> None:
        with self.db.write() as tx:
            tx.run("DELETE FROM draft WHERE login = ? AND indsats_id = ?", (login, indsats_id))
