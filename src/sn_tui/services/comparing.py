"""Comparing versions: two revisions field by field, rendered as a file, and one commit's
changes to one file.

Rendered comparisons are kept in the user's cache, keyed by the two commits and everything else
that shapes the rendering, so asking again for the same pair serves the file as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.cache.comparisons import Rendered
from sn_tui.services.reading import Reading

if TYPE_CHECKING:
    from sn_tui.domain.diff.types import Comparison, FieldChange, MetaChange
    from sn_tui.domain.snapshot import Snapshot

TEMPLATE_FILE = "skabelon.docx"  # the kommune's own Word template, in the content repository


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

        new = self.repo.read(commit, path)
        old = self.repo.read(f"{commit}^", path)
        meta, fields = file_diff(old, new, sections)
        return FileChanges(meta, fields, created=old is None, deleted=new is None)

    def _author_name(self) -> str:
        person = self.person()
        return person.navn if person is not None else self.login
