"""Several people at once: presence with names, who changed what on `main`, drafts, remote sync.

Glue between the store (Git) and the review database's presence and draft tables for one
session of one person. Every method does Git or database work: the TUI calls them from worker
threads. Presence and drafts are keyed by indsats id, or by `DOCUMENT_KEY` for the Forord and
Principper (`serviceniveau.md`, which no indsats id can be).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.domain.drafts import DraftPart, draft_parts
from sn_tui.domain.entry import Adgang
from sn_tui.domain.fields import INDSATS_DIR, SERVICENIVEAU_FILE, indsats_path

if TYPE_CHECKING:
    from sn_tui.domain.sync import ParkedChange, SyncResult
    from sn_tui.reviewdb.queries.live import LiveService
    from sn_tui.services.workspace import Workspace
    from sn_tui.store.remote import Progress

DOCUMENT_KEY = SERVICENIVEAU_FILE
SWEEP_EVERY = 100  # beats between sweeps of long-dead sessions


def key_path(key: str) -> str:
    """The repository path of what a presence or draft key names."""
    return SERVICENIVEAU_FILE if key == DOCUMENT_KEY else indsats_path(key)


@dataclass(frozen=True)
class Someone:
    """Another session on one indsats, as people read it."""

    login: str
    navn: str  # from adgang.yml, else the login
    editing: bool  # has unsaved changes
    since: dt.datetime  # opened it, or began editing it


Presence = Mapping[str, list[Someone]]
"""Key -> the other people who have it open, longest first."""


@dataclass(frozen=True)
class AuthorChanges:
    """What one author changed on `main` since the session last looked."""

    author: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class MainMove:
    """`main` moved from `old` to `new`: every path that changed, and who (others) changed what."""

    old: str | None
    new: str | None
    paths: frozenset[str]
    changes: tuple[AuthorChanges, ...]  # by others than this person, in the order they came
    titles: Mapping[str, str]  # indsats path -> titel, for naming what changed

    def authors_of(self, path: str) -> list[str]:
        return [c.author for c in self.changes if path in c.paths]


@dataclass(frozen=True)
class DraftOffer:
    """A draft to offer back: its text, the commit it began from, and what it changed."""

    key: str
    content: bytes
    base: str | None  # None: the commit is gone; the draft then applies to the saved text
    base_data: bytes | None
    updated_at: dt.datetime
    parts: list[DraftPart]
    saved_moved: bool  # someone saved this file since the draft began


class Collaboration:
    """One session (one app run) of one person in a workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self.session_id = uuid.uuid4().hex
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self._names: tuple[str | None, Adgang] | None = None
        self._beats = 0
        self._lock = threading.Lock()
        self.joined = False  # beat at least once: leaving has something to remove

    @property
    def live(self) -> LiveService:
        return self.ws.reviews.live

    # ------------------------------------------------------------------ presence
    def beat(self, key: str | None, editing: bool) -> Presence:
        """Say this session is alive with `key` open; everyone else's presence by key."""
        live = self.live
        live.beat(
            self.session_id,
            self.ws.login,
            host=self.host,
            pid=self.pid,
            indsats_id=key,
            editing=editing,
        )
        self.joined = True
        with self._lock:
            self._beats += 1
            sweep = self._beats % SWEEP_EVERY == 1
        if sweep:
            live.sweep()
        return self.presence()

    def presence(self) -> Presence:
        adgang = self._adgang()
        found: dict[str, dict[str, Someone]] = {}
        for other in self.live.others(self.session_id):
            if other.indsats_id is None or self._died_here(other.host, other.pid):
                continue
            person = adgang.person(other.login)
            someone = Someone(
                other.login, person.navn if person else other.login, other.editing, other.since
            )
            people = found.setdefault(other.indsats_id, {})
            known = people.get(other.login)
            if known is None or (someone.editing and not known.editing):
                people[other.login] = someone  # one line per person, editing wins
        return {
            key: sorted(people.values(), key=lambda s: s.since) for key, people in found.items()
        }

    def _died_here(self, host: str, pid: int) -> bool:
        """A session on this host whose process is gone (killed, or its connection dropped):
        no need to wait for its heartbeat to expire."""
        if host != self.host or pid <= 0:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:  # it exists, but belongs to another account
            return False
        return False

    def leave(self) -> None:
        if self.joined:
            self.live.leave(self.session_id)

    def _adgang(self) -> Adgang:
        head = self.ws.repo.head()
        with self._lock:
            cached = self._names
        if cached is not None and cached[0] == head:
            return cached[1]
        adgang = self.ws.repo.adgang(head)
        with self._lock:
            self._names = (head, adgang)
        return adgang

    # ------------------------------------------------------------------ main moving
    def main_stamp(self) -> tuple[object, ...]:
        return self.ws.repo.main_stamp()

    def head(self) -> str | None:
        return self.ws.repo.head()

    def review_stamp(self) -> int | None:
        """Changes when anyone records a review (see `StatusReader.review_stamp`)."""
        return self.ws.reviews.status.review_stamp()

    def main_moved(self, old: str | None, new: str | None) -> MainMove:
        """Who changed what between two heads (this person's own commits are left out)."""
        repo = self.ws.repo
        if new is None:
            return MainMove(old, new, frozenset(), (), {})
        person = self.ws.person()
        own = person.email.casefold() if person else None
        paths: set[str] = set()
        by_author: dict[str, dict[str, None]] = {}
        for info, changed in repo.changes_since(old, new):
            paths.update(changed)
            if own is not None and info.email.casefold() == own:
                continue
            by_author.setdefault(info.author, {}).update(dict.fromkeys(changed))
        titles: dict[str, str] = {}
        wanted = {p for p in paths if p.startswith(f"{INDSATS_DIR}/")}
        for commit in (new, old):
            if commit is None or not wanted - titles.keys():
                continue
            for item in repo.indsatser(commit).values():
                if item.path in wanted:
                    titles.setdefault(item.path, item.titel or item.id)
        changes = tuple(AuthorChanges(author, tuple(found)) for author, found in by_author.items())
        return MainMove(old, new, frozenset(paths), changes, titles)

    # ------------------------------------------------------------------ drafts
    def find_draft(self, key: str, head: str | None, saved: bytes | None) -> DraftOffer | None:
        """This person's draft of `key`, if it holds anything the saved text lacks.

        A draft that says nothing new (the same as the saved text, or as its own start) is
        thrown away here.
        """
        draft = self.live.draft(self.ws.login, key)
        if draft is None:
            return None
        repo = self.ws.repo
        content = draft.content.encode("utf-8")
        base_data = repo.read(draft.base_commit, key_path(key))
        parts = draft_parts(base_data, content, saved)
        if content in (saved, base_data) or not parts:
            self.discard_draft(key)
            return None
        base = draft.base_commit if base_data is not None else None
        moved = base is not None and base != head and base_data != saved
        return DraftOffer(key, content, base, base_data, draft.updated_at, parts, moved)

    def save_draft(self, key: str, base: str, content: bytes) -> None:
        self.live.save_draft(self.ws.login, key, base, content.decode("utf-8", "replace"))

    def discard_draft(self, key: str) -> None:
        self.live.discard_draft(self.ws.login, key)

    def waiting_drafts(self) -> list[tuple[str, str | None]]:
        """This person's drafts as (key, titel on `main` now; None for the document or a gone
        indsats): what a crash or a dropped connection left behind."""
        keys = [d.indsats_id for d in self.live.drafts(self.ws.login)]
        if not keys:
            return []
        head = self.ws.repo.head()
        items = self.ws.repo.indsatser(head) if head else {}
        return [(key, items[key].titel if key in items else None) for key in keys]

    # ------------------------------------------------------------------ remote
    def has_remote(self) -> bool:
        return self.ws.has_remote()

    def sync(self, progress: Progress | None = None) -> SyncResult:
        """Sync with the remote; `progress` gets git's progress as lines of text."""
        return self.ws.sync(progress=progress)

    def unsent(self) -> int:
        return self.ws.unsent()

    def parked_changes(self) -> list[ParkedChange]:
        return self.ws.parked_changes()

    def resolve_parked(self, path: str, choices: Mapping[str, str | None]) -> None:
        self.ws.resolve_parked(path, choices)
