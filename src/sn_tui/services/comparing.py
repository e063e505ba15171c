"""Comparing versions: two revisions field by field, rendered as a file, and one commit's
changes to one file.

Rendered comparisons are kept in the user's cache, keyed by the two commits and everything else
that shapes the rendering, so asking again for the same pair serves the file as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.services.reading import Reading

if TYPE_CHECKING:
    from sn_tui.domain.diff.types import Comparison, FieldChange, MetaChange


@dataclass(frozen=True)
class FileChanges:
    """What one commit changed in one file: frontmatter keys, then fields; and whether the
    commit created or deleted the file."""

    meta: list[MetaChange]
    fields: list[FieldChange]
    created: bool
    deleted: bool


class Comparing(Reading):
    """The use cases that compare versions and render the comparison."""

    def compare(self, a: str, b: str) -> Comparison:
        """What changed from version `a` to version `b` (adopted versions, main or revisions)."""
        from sn_tui.domain.diff.compare import compare

        return compare(self.snapshot(a), self.snapshot(b))

    def render_comparison(self, comparison: Comparison, fmt: str, *, color: bool = False) -> bytes:
        """A comparison as a file in `fmt`; a draft's tracked changes carry this person's name."""
        from sn_tui.export import render_comparison

        return render_comparison(comparison, fmt, color=color, author=self._author_name())

    def rendered_comparison(self, a: str, b: str, fmt: str, *, color: bool = False) -> bytes:
        """Versions `a` and `b` compared and rendered as `fmt` (see `export.render_comparison`).

        Served from the user's cache of renderings when these two commits were compared so
        before, with the same names and adoption facts; computed (and cached) otherwise.
        """
        from sn_tui.cache.comparisons import ComparisonCache, comparison_key
        from sn_tui.i18n import language

        rev_a, rev_b = self.repo.resolve_all([a, b])
        # only a Word file names an author (for a draft's tracked changes)
        author = self._author_name() if fmt == "docx" else ""
        key = comparison_key(fmt, language(), str(color), author, repr(rev_a), repr(rev_b))
        cache = ComparisonCache(self.repo.git_dir)
        data = cache.get(key)
        if data is None:
            from sn_tui.domain.diff.compare import compare
            from sn_tui.export import render_comparison

            comparison = compare(self.repo.snapshot_of(rev_a), self.repo.snapshot_of(rev_b))
            data = render_comparison(comparison, fmt, color=color, author=author or None)
            cache.put(key, data)
        return data

    def commit_changes(self, commit: str, path: str, sections: Sequence[str]) -> FileChanges:
        """What `commit` changed in the file at `path` (its sections in the order of
        `sections`), against the commit before it."""
        from sn_tui.domain.diff.file import file_diff

        new = self.repo.read(commit, path)
        old = self.repo.read(f"{commit}^", path)
        meta, fields = file_diff(old, new, sections)
        return FileChanges(meta, fields, created=old is None, deleted=new is None)

    def _author_name(self) -> str:
        person = self.person()
        return person.navn if person is not None else self.login
