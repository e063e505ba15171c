"""Comparing versions: two revisions field by field, rendered as a file, and one commit's
changes to one file.

Rendered comparisons are kept in the user's cache, keyed by the two commits and everything else
that shapes the rendering, so asking again for the same pair serves the file as it was.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from sn_tui.cache.comparisons import Rendered
from sn_tui.services.reading import Reading

if TYPE_CHECKING:
    from sn_tui.domain.datagrundlag.table import Row
    from sn_tui.domain.diff.types import Comparison, IndsatsChange
    from sn_tui.domain.entry import Indsats
    from sn_tui.domain.snapshot import Revision, Snapshot
    from sn_tui.services.outcomes import FileChanges, FirstChanges

TEMPLATE_FILE = "skabelon.docx"  # the kommune's own Word template, in the content repository
MAX_DIFFS = 4_000
"""Indsats diffs kept in memory by their two (blob, path) pairs: a comparison opened again, or
of another version against the same draft, diffs only what it has not diffed before."""

_diffs: dict[tuple[str, str, str, str], IndsatsChange | None] = {}
_diffs_lock = threading.Lock()


def diff_kept(a: Indsats, b: Indsats) -> IndsatsChange | None:
    """`diff_indsats(a, b)`, kept by both sides' blob ids and paths (blobs never change)."""
    from sn_tui.domain.diff.compare import diff_indsats

    if not a.blob or not b.blob:
        return diff_indsats(a, b)
    key = (a.blob, a.path, b.blob, b.path)
    with _diffs_lock:
        if key in _diffs:
            return _diffs[key]
    found = diff_indsats(a, b)
    with _diffs_lock:
        if len(_diffs) >= MAX_DIFFS:
            _diffs.pop(next(iter(_diffs)))  # the oldest
        _diffs[key] = found
    return found


class _Abandoned(Exception):
    """The comparison is no longer wanted."""


class _LaterYears(Mapping[int, Sequence["Row"]]):
    """A version's datagrundlag years, read when first looked at (10 years of 1,000 rows take
    ~50 ms, and only the exports of a comparison show them)."""

    def __init__(self, read: Callable[[], Mapping[int, Sequence[Row]]]) -> None:
        self._read = read
        self._years: Mapping[int, Sequence[Row]] | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> Mapping[int, Sequence[Row]]:
        with self._lock:
            if self._years is None:
                self._years = self._read()
            return self._years

    def __getitem__(self, year: int) -> Sequence[Row]:
        return self._loaded()[year]

    def __iter__(self) -> Iterator[int]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


class Comparing(Reading):
    """The use cases that compare versions and render the comparison."""

    def compare(self, a: str, b: str) -> Comparison:
        """What changed from version `a` to version `b` (adopted versions, main or revisions)."""
        from sn_tui.domain.diff.compare import compare

        return compare(self.snapshot(a), self.snapshot(b))

    def compare_first(
        self,
        a: str,
        b: str,
        first: Callable[[FirstChanges], bool],
        count: int = 50,
        wanted: Callable[[], bool] = lambda: True,
    ) -> Comparison | None:
        """`compare(a, b)`, with the start of its list given to `first` before any text is
        diffed or either version read whole: only the files whose blob differs are read for it.
        `first` returns False, or `wanted` (asked between every step after it) turns False,
        when the comparison is no longer wanted (the screen was left): then None, without
        reading or diffing the rest. Diffs are kept (`diff_kept`); the datagrundlag years,
        which only the exports show, are read when first looked at."""
        from sn_tui.domain.diff.compare import compare

        rev_a, rev_b = self.repo.resolve_all([a, b])
        if not first(self._first_changes(rev_a, rev_b, count)):
            return None

        def diff(x: Indsats, y: Indsats) -> IndsatsChange | None:
            if not wanted():
                raise _Abandoned
            return diff_kept(x, y)

        try:
            snap_a = self._snapshot_for_comparing(rev_a)
            if not wanted():
                return None
            snap_b = self._snapshot_for_comparing(rev_b)
            return compare(snap_a, snap_b, diff=diff)
        except _Abandoned:
            return None

    def _snapshot_for_comparing(self, rev: Revision) -> Snapshot:
        """`repo.snapshot_of(rev)` with its datagrundlag years read on first use."""
        from sn_tui.domain.snapshot import Snapshot

        serviceniveau, problem = self.repo.read_serviceniveau(rev.commit)
        indsatser, unreadable = self.repo.read_indsatser(rev.commit)
        return Snapshot(
            revision=rev,
            serviceniveau=serviceniveau,
            indsatser=indsatser,
            unreadable=tuple([problem, *unreadable] if problem else unreadable),
            datagrundlag=_LaterYears(functools.partial(self.repo.datagrundlag, rev.commit)),
        )

    def _first_changes(self, rev_a: Revision, rev_b: Revision, count: int) -> FirstChanges:
        from sn_tui.domain.fields import SERVICENIVEAU_FILE
        from sn_tui.domain.ordering import in_reading_order
        from sn_tui.services.outcomes import FirstChanges

        repo = self.repo
        pairs_a = set(repo.tree_entries(rev_a.commit).items())
        pairs_b = set(repo.tree_entries(rev_b.commit).items())
        only_a, only_b = pairs_a - pairs_b, pairs_b - pairs_a
        parsed = repo.entries(sorted(only_a | only_b))

        def by_id(pairs: set[tuple[str, str]]) -> dict[str, Indsats]:
            out: dict[str, Indsats] = {}
            for path, blob in sorted(pairs):
                entry = parsed.get(blob)
                if entry is not None:
                    out[entry.id] = entry if entry.path == path else replace(entry, path=path)
            return out

        old, new = by_id(only_a), by_id(only_b)
        changed = in_reading_order(new[i] for i in new if i in old)[:count]
        document_changed = repo.blob_id(rev_a.commit, SERVICENIVEAU_FILE) != repo.blob_id(
            rev_b.commit, SERVICENIVEAU_FILE
        )
        return FirstChanges(
            rev_a,
            rev_b,
            document_changed,
            tuple((old[e.id], e) for e in changed),
            tuple(in_reading_order(new[i] for i in new if i not in old)),
            tuple(in_reading_order(old[i] for i in old if i not in new)),
        )

    def render_comparison(self, comparison: Comparison, fmt: str, *, color: bool = False) -> bytes:
        """A comparison as a file in `fmt`; a draft's tracked changes carry this person's name."""
        from sn_tui.export import render_comparison

        template = self.word_template() if fmt in ("docx", "pdf") else None
        return render_comparison(
            comparison,
            fmt,
            color=color,
            author=self._author_name(),
            template=template[1] if template else None,
        )

    def render_document(self, rev: str, fmt: str) -> tuple[Snapshot, bytes]:
        """The whole serviceniveau at `rev` as a file in `fmt`, with the snapshot it shows (its
        revision, and the files it had to leave out)."""
        from sn_tui.export import render_document

        snapshot = self.snapshot(rev)
        template = self.word_template() if fmt in ("docx", "pdf") else None
        data = render_document(snapshot, fmt, template=template[1] if template else None)
        return snapshot, data

    def word_template(self) -> tuple[str, bytes] | None:
        """The kommune's own Word template on `main` (blob id and bytes), or None: the look of
        every Word and PDF export, whichever versions it shows."""
        head = self.repo.head()
        blob = self.repo.blob_id(head, TEMPLATE_FILE) if head else None
        return (blob, self.repo.read_blob(blob)) if blob else None

    def rendered_comparison(self, a: str, b: str, fmt: str, *, color: bool = False) -> bytes:
        """Versions `a` and `b` compared and rendered as `fmt` (see `export.render_comparison`)."""
        return self.comparison_rendering(a, b, fmt, color=color).data

    def comparison_rendering(self, a: str, b: str, fmt: str, *, color: bool = False) -> Rendered:
        """Versions `a` and `b` compared and rendered as `fmt`, with a sentence for each file
        either version had to leave out (each once).

        Served from the user's cache of renderings when what both names point at was compared
        so before (`services.compared`); computed (and cached) otherwise.
        """
        from sn_tui.services.compared import rendering

        paged = fmt in ("docx", "pdf")
        # only a Word file names an author (for a draft's tracked changes)
        author = self._author_name() if paged else ""
        template = self.word_template() if paged else None
        return rendering(self.repo, a, b, fmt, color=color, author=author, template=template)

    def commit_changes(self, commit: str, path: str, sections: Sequence[str]) -> FileChanges:
        """What `commit` changed in the file at `path` (its sections in the order of
        `sections`), against the commit before it."""
        from sn_tui.domain.diff.file import file_diff
        from sn_tui.services.outcomes import FileChanges

        new = self.repo.read(commit, path)
        old = self.repo.read(f"{commit}^", path)
        meta, fields = file_diff(old, new, sections)
        return FileChanges(meta, fields, created=old is None, deleted=new is None)

    def _author_name(self) -> str:
        person = self.person()
        return person.navn if person is not None else self.login
