"""A comparison laid out for the terminal: entries, rows and numbered changes. Pure, no Textual.

An entry is one line of the compare screen's list (the Forord and Principper, or a changed,
added or removed indsats). Opened, it is cut into rows: one per frontmatter key and one per
paragraph of each changed field. Every change (one frontmatter key, or a run of inserted,
deleted or moved text within a paragraph) gets a number in reading order, so `n`/`N` step
through them and the list shows how many there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sn_tui.export.spans import Line, Span, flatten, lines, paragraphs
from sn_tui.model.diff import (
    Comparison,
    FieldChange,
    MetaChange,
    OpKind,
    meta_diff,
    section_diff,
    section_names,
)
from sn_tui.model.entry import Indsats
from sn_tui.model.fields import FIELDS
from sn_tui.model.snapshot import Revision

Status = Literal["document", "changed", "added", "removed"]
Side = Literal["a", "b"]

_SIDE_KINDS: dict[Side, frozenset[OpKind]] = {
    "a": frozenset({"equal", "delete", "moved-from"}),
    "b": frozenset({"equal", "insert", "moved-to"}),
}
_FILE_PART = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Piece:
    """A span of a diff and the number of the change it belongs to (None: unchanged text)."""

    span: Span
    change: int | None


@dataclass(frozen=True)
class TextLine:
    pieces: tuple[Piece, ...]
    end: OpKind | None  # the kind of the line break after it; None for the row's last line


@dataclass(frozen=True)
class TextRow:
    """One paragraph (or list item) of a field's diff."""

    lines: tuple[TextLine, ...]

    @property
    def changes(self) -> tuple[int, ...]:
        found = (p.change for line in self.lines for p in line.pieces if p.change is not None)
        return tuple(dict.fromkeys(found))

    def side(self, side: Side) -> list[list[Piece]]:
        """The row as version A or B had it: that side's pieces, cut at that side's breaks.

        Inside a moved paragraph, words deleted since it moved are left out of B; a note about
        the move they carried stays (with no text)."""
        kinds = _SIDE_KINDS[side]
        out: list[list[Piece]] = []
        current: list[Piece] = []
        for line in self.lines:
            for piece in line.pieces:
                span = piece.span
                if span.kind not in kinds:
                    continue
                if span.kind == "moved-to" and span.inner == "delete":
                    if not span.note:
                        continue
                    piece = Piece(Span("moved-to", "", "equal", span.note, span.move), piece.change)
                current.append(piece)
            if line.end is None or line.end in kinds:
                if current:
                    out.append(current)
                current = []
        if current:
            out.append(current)
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
        for paragraph in paragraphs(lines(flatten(field.ops))):
            row, number = _numbered(paragraph, number)
            rows.append(row)
        sections.append(Section(field.name, tuple(rows)))
    return Layout(tuple(sections), number)


def _numbered(paragraph: Sequence[Line], number: int) -> tuple[TextRow, int]:
    """A paragraph's spans with change numbers from `number` on; the next free number."""
    out: list[TextLine] = []
    open_change = False
    for line in paragraph:
        pieces: list[Piece] = []
        for span in line.spans:
            if span.kind == "equal":
                open_change = False
                pieces.append(Piece(span, None))
                continue
            if not open_change:
                number += 1
                open_change = True
            pieces.append(Piece(span, number - 1))
        if line.end in (None, "equal"):
            open_change = False
        out.append(TextLine(tuple(pieces), line.end))
    return TextRow(tuple(out)), number


def change_count(entry: EntryDiff) -> int:
    return layout(entry).count


def rows_of(sections: Iterable[Section]) -> list[Row]:
    return [row for section in sections for row in section.rows]


def file_part(rev: Revision) -> str:
    """A version's name as part of a file name: `vedtaget/2026-03-12` -> `2026-03-12`."""
    name = rev.label.removeprefix("vedtaget/")
    return _FILE_PART.sub("-", name).strip("-") or "version"
