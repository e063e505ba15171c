"""Reading the serviceniveau: any revision, the overview of `main`, adopted versions, history.

Nothing here writes to the repository; what is derived from immutable objects (parsed entries,
the overview's rows) comes from the user's parse cache where it was read before. A first start
(no parse cache for this program yet) may read the overview in another process: `first_start`
says when, `send_overview` is that process's work and `cache_filled_by` lets this one wait for
its cache writes (see `sn_tui.tui.startup`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.cache.digest import sha1_hex
from sn_tui.domain.fields import MAIN
from sn_tui.domain.snapshot import Adoption, Revision, Snapshot
from sn_tui.i18n import t
from sn_tui.services.errors import NotFound
from sn_tui.services.session import Session
from sn_tui.store.repo import unreadable_sentence

__all__ = ["Overview", "Reading", "unreadable_sentence"]

if TYPE_CHECKING:
    from sn_tui.domain.entry import Indsats
    from sn_tui.domain.history import CommitInfo
    from sn_tui.domain.overview import OverviewRow
    from sn_tui.domain.unreadable import Unreadable


@dataclass(frozen=True)
class Overview:
    """What the overview shows first: `main`'s rows, the kommune and the last adoption."""

    head: str | None
    rows: list[OverviewRow]
    kommune: str
    adoption: Adoption | None
    unreadable: tuple[Unreadable, ...] = ()  # files the rows leave out, and why


class Reading(Session):
    """The use cases that read: snapshots, indsatser, files, versions and the overview."""

    def resolve(self, name: str) -> Revision:
        """A revision by name: `main`, `vedtaget/2026-03-12`, `2026-03-12`, a tag or a commit."""
        return self.repo.resolve(name)

    def snapshot(self, rev: str = MAIN) -> Snapshot:
        return self.repo.snapshot(rev)

    def indsatser(self, rev: str = MAIN) -> list[Indsats]:
        return self.listing(rev)[0]

    def listing(self, rev: str = MAIN) -> tuple[list[Indsats], tuple[Unreadable, ...]]:
        """The readable indsatser at `rev` by kategori and titel, and the files that could not
        be read (every front end shows those too: nothing vanishes silently)."""
        from sn_tui.domain.danish import sort_key

        # the indsatser and the files that could not be read, as `snapshot` has them, without
        # the datagrundlag years a snapshot also reads (10 years × 1,000 rows: ~60 ms)
        commit = self.repo.resolve(rev).commit
        found, unreadable = self.repo.read_indsatser(commit)
        document = self.repo.read_serviceniveau(commit)[1]
        items = sorted(found.values(), key=lambda i: (sort_key(i.kategori), sort_key(i.titel)))
        return items, (document, *unreadable) if document else tuple(unreadable)

    def unreadable(self, *revs: str) -> list[Unreadable]:
        """The files at each of `revs` that could not be read (each with its line and why),
        each problem once."""
        found: dict[Unreadable, None] = {}
        for revision in self.repo.resolve_all(revs or (MAIN,)):
            found.update(dict.fromkeys(self.repo.unreadable(revision.commit)))
        return list(found)

    def indsatser_at_commit(self, commit: str | None) -> list[Indsats]:
        """Every readable indsats at `commit` in the repository's order (none for None, an
        empty repository): no revision to resolve, for views that index the entries."""
        return list(self.repo.indsatser(commit).values()) if commit else []

    def indsats_at(self, indsats_id: str, rev: str = MAIN) -> tuple[Revision, Indsats]:
        """One indsats as of revision `rev`, with that revision resolved; NotFound if absent."""
        revision = self.repo.resolve(rev)
        entry = self.repo.indsats(revision.commit, indsats_id)
        if entry is None:
            raise NotFound(t("services.no_such_indsats", id=indsats_id, version=revision.label))
        return revision, entry

    def read_blob(self, blob: str) -> bytes:
        """A file's bytes by its blob id (e.g. `Indsats.blob`)."""
        return self.repo.read_blob(blob)

    def files(self, rev: str = MAIN) -> dict[str, bytes]:
        return self.repo.read_files(self.repo.resolve(rev).commit)

    def file_history(self, path: str) -> list[CommitInfo]:
        """The commits on `main` that touched `path` (following renames), newest first."""
        return self.repo.history(path)

    # ------------------------------------------------------------------ adopted versions
    def versions(self) -> list[Adoption]:
        """Adopted versions, newest first."""
        return self.repo.adoptions()

    def version_in_force(self, day: dt.date) -> Adoption | None:
        """The adopted version in force on `day` (by ikrafttræden, else adoption date)."""
        from sn_tui.domain.versions import in_force

        return in_force(self.repo.adoptions(), day)

    # ------------------------------------------------------------------ the overview
    def overview(self) -> Overview:
        """The overview of `main` as it is now (rows from the cache where they were before)."""
        repo = self.repo
        head = repo.head()
        if head is None:
            return Overview(None, [], "", repo.last_adoption())
        doc, problem = repo.read_serviceniveau(head)
        adoption = repo.last_adoption()
        adopted_commit = None
        if adoption is not None:
            adopted_commit = adoption.commit or repo.resolve(adoption.tag).commit
        # Keyed by the two indsats folders' tree ids, the rows are found without listing and
        # hashing both folders' 2,000 entries (~8 ms of every start, twice that beside the
        # start's own work on the other thread).
        key = self._rows_key(head, adopted_commit)
        found = self._cached_rows(key) if key else None
        if found is None:
            adopted = repo.tree_entries(adopted_commit) if adopted_commit else None
            found = self.overview_rows(head, adopted, key=key)
        rows, unreadable = found
        if problem is not None:
            unreadable = (problem, *unreadable)
        return Overview(head, rows, doc.kommune if doc else "", adoption, unreadable)

    def first_start(self) -> bool:
        """True until this program has read this repository for this user: the parse cache
        named by the code stamp does not exist yet, so the overview parses every indsats."""
        return not self.repo.cache_exists()

    def send_overview(self, send: Callable[[Overview], None]) -> None:
        """Read the overview and hand it to `send`; only then write what the reading parsed to
        the user's cache (encoding and committing 1,000 entries takes ~80 ms)."""
        with self.repo.holding_cache_writes():
            send(self.overview())

    def cache_filled_by(self, wait: Callable[[], object]) -> None:
        """Another process is still writing the user's parse cache (`send_overview`): the next
        read from it first runs `wait`, so it finds the entries instead of parsing them again."""
        self.repo.cache_filled_by(wait)

    def overview_rows(
        self, head: str, adopted: Mapping[str, str] | None, *, key: str | None = None
    ) -> tuple[list[OverviewRow], tuple[Unreadable, ...]]:
        """The overview's rows at commit `head` (`adopted`: the last adopted version's
        path -> blob id), and the indsats files that could not be read; from the user's cache
        when these same files were shown before: a start then reads ~150 KB of rows instead
        of every indsats' text. `key`: the cache key, if the caller knows one that names
        `head`'s and the adopted version's files (else one is made from both listings)."""
        from sn_tui.domain.overview import OverviewRow, build_rows

        if key is None:
            current = self.repo.tree_entries(head)
            # the parse cache's file is named by the code stamp: rows of other code are not there
            facts = (sorted(current.items()), sorted((adopted or {}).items()))
            digest = sha1_hex(repr(facts).encode())
            key = f"overview-rows:{digest}"
        found = self._cached_rows(key)
        if found is not None:
            return found
        readable, unreadable = self.repo.read_indsatser(head)
        rows = build_rows(readable.values(), adopted, index=False)
        names = [f.name for f in dataclasses.fields(OverviewRow)]  # astuple deep-copies: slow
        self.repo.remember(
            key,
            {
                "rows": [[getattr(row, n) for n in names] for row in rows],
                "unreadable": [[u.path, u.line, u.code, u.message] for u in unreadable],
            },
        )
        return rows, tuple(unreadable)

    def _rows_key(self, head: str, adopted_commit: str | None) -> str | None:
        """The overview rows' cache key from the object ids of the indsats folder at `head`
        and at the last adopted version's commit (None: no such id can be had). The rows and
        the unreadable files are made from these two folders alone, and an id names every
        file in its folder."""
        current = self.repo.folder_id(head)
        adopted = "none" if adopted_commit is None else self.repo.folder_id(adopted_commit)
        if current is None or adopted is None:
            return None
        return f"overview-rows-folders:{current}:{adopted}"

    def _cached_rows(self, key: str) -> tuple[list[OverviewRow], tuple[Unreadable, ...]] | None:
        """The rows and unreadable files `overview_rows` kept under `key` (None: not kept)."""
        from sn_tui.domain.overview import OverviewRow
        from sn_tui.domain.unreadable import Unreadable

        hit, data = self.repo.cached(key)
        if not hit:
            return None
        rows = [OverviewRow(*values) for values in data["rows"]]
        return rows, tuple(Unreadable(*values) for values in data["unreadable"])
