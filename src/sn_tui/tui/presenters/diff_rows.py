"""A comparison laid out for the terminal: entries, rows and numbered changes. Pure, no Textual.

An entry is one line of the compare screen's list (the Forord and Principper, or a changed,
added or removed indsats). Opened, it is cut into rows: one per frontmatter key, and for each
changed field one per paragraph, cut where both versions have a blank line, so each side of a
side-by-side row is exactly that version's text. Every change (one frontmatter key, or a run
of inserted, deleted or moved text within a row) gets a number in reading order, so `n`/`N`
step through them and the list shows how many there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from sn_tui.domain.diff.meta import meta_diff
from sn_tui.domain.diff.text import section_diff, section_names
from sn_tui.domain.diff.types import Comparison, FieldChange, MetaChange, OpKind
from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import FIELDS
from sn_tui.domain.snapshot import Revision
from sn_tui.export.spans import Span, flatten

Status = Literal["document", "changed", "added", "removed"]
Side = Literal["a", "b"]

_SIDE_KINDS: dict[Side, frozenset[OpKind]] = {
    "a": frozenset({"equal", "delete", "moved-from"}),
    "b": frozenset({"equal", "insert", "moved-to"}),
}
_FILE_PART = re.compile(r"[^\w.-]+")
_SHARED_BREAK = re.compile(r"\n(?:[ \t]*\n)+")


@dataclass(frozen=True)
class Piece:
    """A span of a diff (its text may hold line breaks) and the number of the change it
    belongs to (None: unchanged text)."""

    span: Span
    change: int | None


@dataclass(frozen=True)
class TextRow:
    """A run of a field's diff between two blank lines that both versions share: a paragraph,
    or several where a paragraph break was added or removed."""

    pieces: tuple[Piece, ...]

    @property
    def changes(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(p.change for p in self.pieces if p.change is not None))

    def side(self, side: Side) -> list[Piece]:
        """The row as version A or B had it. Inside a moved paragraph, words deleted since it
        moved are left out of B; a note about the move they carried stays (with no text)."""
        kinds = _SIDE_KINDS[side]
        out: list[Piece] = []
        for piece in self.pieces:
            span = piece.span
            if span.kind not in kinds:
                continue
            if span.kind == "moved-to" and span.inner == "delete":
                if span.note:
                    out.append(Piece(replace(span, text="", inner="equal"), piece.change))
                continue
            out.append(piece)
        return out


@dataclass(frozen=True)
class MetaRow:
    """One frontmatter key that changed; it is one change."""

    meta: MetaChange
    change: int

    @property
    def changes(self) -> tuple[int, ...]:
        return (self.change,)


Row = TextRow | MetaRow


@dataclass(frozen=True)
class Section:
    """The frontmatter (`name` None) or one field, with its rows."""

    name: str | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Layout:
    sections: tuple[Section, ...]
    count: int  # changes, numbered 0 .. count-1


@dataclass(frozen=True)
class EntryDiff:
    """One line of the compare list. `key` is the indsats id ("" for the document)."""

    key: str
    status: Status
    titel: str
    kategori: str
    meta: tuple[MetaChange, ...]
    fields: tuple[FieldChange, ...]
    budget_before: int | None = None
    budget_after: int | None = None
    moved_from: str | None = None  # the file's former path, where the file moved
    pending: bool = False  # its changes are not diffed yet (`first_entries`)

    @property
    def budget_changed(self) -> bool:
        return self.budget_before != self.budget_after


def entries(comp: Comparison) -> list[EntryDiff]:
    """The document first (if it changed), then changed, added and removed indsatser."""
    out: list[EntryDiff] = []
    if comp.document is not None:
        out.append(EntryDiff("", "document", "", "", comp.document.meta, comp.document.sections))
    for change in comp.changed:
        before, after = change.before, change.after
        out.append(
            EntryDiff(
                change.id,
                "changed",
                after.titel or after.id,
                after.kategori,
                change.meta,
                change.fields,
                before.budget_kr,
                after.budget_kr,
                before.path if change.path_changed else None,
            )
        )
    for item in comp.added:
        out.append(_whole(item, "added"))
    for item in comp.removed:
        out.append(_whole(item, "removed"))
    return out


def first_entries(
    document_changed: bool,
    changed: Iterable[tuple[Indsats, Indsats]],
    added: Iterable[Indsats],
    removed: Iterable[Indsats],
) -> list[EntryDiff]:
    """The list as `entries` gives it, before any text is diffed: the changed indsatser (before,
    after) with no changes in them yet (`pending`), the added and removed whole."""
    out: list[EntryDiff] = []
    if document_changed:
        out.append(EntryDiff("", "document", "", "", (), (), pending=True))
    for before, after in changed:
        out.append(
            EntryDiff(
                after.id,
                "changed",
                after.titel or after.id,
                after.kategori,
                (),
                (),
                before.budget_kr,
                after.budget_kr,
                before.path if before.path != after.path else None,
                pending=True,
            )
        )
    out.extend(_whole(item, "added") for item in added)
    out.extend(_whole(item, "removed") for item in removed)
    return out


def _whole(item: Indsats, status: Literal["added", "removed"]) -> EntryDiff:
    """An added or removed indsats: every key and field inserted or deleted."""
    names = section_names(FIELDS, item.fields)
    there: tuple[Mapping[str, Any], Mapping[str, str]] = (item.meta, item.fields)
    empty: tuple[Mapping[str, Any], Mapping[str, str]] = ({}, {})
    before, after = (empty, there) if status == "added" else (there, empty)
    return EntryDiff(
        item.id,
        status,
        item.titel or item.id,
        item.kategori,
        tuple(meta_diff(before[0], after[0])),
        tuple(section_diff(names, before[1], after[1])),
        item.budget_kr if status == "removed" else None,
        item.budget_kr if status == "added" else None,
    )


def layout(entry: EntryDiff) -> Layout:
    """The entry's rows with every change numbered in reading order."""
    number = 0
    sections: list[Section] = []
    if entry.meta:
        rows: list[Row] = []
        for meta in entry.meta:
            rows.append(MetaRow(meta, number))
            number += 1
        sections.append(Section(None, tuple(rows)))
    for field in entry.fields:
        rows = []
        for spans in _rows(flatten(field.ops)):
            row, number = _numbered(spans, number)
            rows.append(row)
        sections.append(Section(field.name, tuple(rows)))
    return Layout(tuple(sections), number)


def _rows(spans: Iterable[Span]) -> list[list[Span]]:
    """Spans cut at the blank lines inside unchanged text, which both versions share."""
    rows: list[list[Span]] = [[]]
    for span in spans:
        parts = _SHARED_BREAK.split(span.text) if span.kind == "equal" else [span.text]
        for k, part in enumerate(parts):
            if k:
                rows.append([])
            if part or (k == 0 and span.note):
                rows[-1].append(replace(span, text=part, note=span.note if k == 0 else ""))
    return [row for row in rows if row]


def _numbered(spans: Sequence[Span], number: int) -> tuple[TextRow, int]:
    """A row's spans with change numbers from `number` on (a run of changed spans is one
    change); the next free number."""
    pieces: list[Piece] = []
    open_change = False
    for span in spans:
        if span.kind == "equal":
            open_change = False
            pieces.append(Piece(span, None))
            continue
        if not open_change:
            number += 1
            open_change = True
        pieces.append(Piece(span, number - 1))
    return TextRow(tuple(pieces)), number


def change_count(entry: EntryDiff) -> int:
    return layout(entry).count


def rows_of(sections: Iterable[Section]) -> list[Row]:
    return [row for section in sections for row in section.rows]


def file_part(rev: Revision) -> str:
    """A version's name as part of a file name: `vedtaget/2026-03-12` -> `2026-03-12`."""
    name = rev.label.removeprefix("vedtaget/")
    return _FILE_PART.sub("-", name).strip("-") or "version"
