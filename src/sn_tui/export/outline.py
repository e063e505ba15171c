"""What an export says, before any format: a comparison or a whole serviceniveau as blocks.

Each format module (text, Markdown, HTML, DOCX) only draws these blocks, so the order of things,
the Danish wording and what is shown for an added or removed indsats live here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sn_tui.domain.diff.text import section_names
from sn_tui.domain.diff.types import Comparison, IndsatsChange, MetaChange, Op, OpKind
from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import DOCUMENT_SECTIONS, FIELDS
from sn_tui.domain.ordering import by_kategori
from sn_tui.domain.snapshot import Revision, Snapshot
from sn_tui.domain.unreadable import Unreadable
from sn_tui.export.common import (
    describe_meta,
    economy_line,
    format_value,
    meta_label,
    revision_caption,
    revision_datetime,
    revision_edition,
    revision_name,
    summary_rows,
)
from sn_tui.export.economy import consequence_rows, indsats_rows, kategori_rows
from sn_tui.export.spans import whole
from sn_tui.i18n import t

DOCUMENT_SCOPE = "dokument"


@dataclass(frozen=True)
class Title:
    text: str
    subtitle: str = ""


@dataclass(frozen=True)
class Heading:
    level: int  # 2..4; the title is level 1
    text: str
    page_break: bool = False  # start on a new page where the format has pages


@dataclass(frozen=True)
class Facts:
    """Label/value rows: the versions, the summary, frontmatter changes."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Markdown:
    """Text written by the kommune, in Markdown."""

    text: str


@dataclass(frozen=True)
class FieldTable:
    """The template's two-column table: field name | text (Markdown)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DiffTable:
    """Changed fields as field name | diff; `scope` names the indsats (for links between moves)."""

    scope: str
    rows: tuple[tuple[str, tuple[Op, ...]], ...]


@dataclass(frozen=True)
class Legend:
    """An explanation of how insertions, deletions and moves are marked."""


Block = Title | Heading | Facts | Paragraph | Markdown | FieldTable | DiffTable | Legend


@dataclass(frozen=True)
class Outline:
    title: str
    blocks: tuple[Block, ...]
    date: dt.datetime | None = None  # when the (newer) version came to be; never 'now'
    kommune: str = ""  # for the running header and the file's properties
    edition: str = ""  # which version the pages show, for the running footer


def version_row(name: str, rev: Revision) -> tuple[str, str]:
    return (name, f"{rev.label} — {revision_caption(rev)}")


def comparison_outline(comp: Comparison) -> Outline:
    title = t("export.comparison_title", a=revision_name(comp.a), b=revision_name(comp.b))
    subtitle = " · ".join(part for part in (comp.kommune, comp.titel) if part)
    blocks: list[Block] = [
        Title(title, subtitle),
        Facts(
            (version_row(t("export.version_a"), comp.a), version_row(t("export.version_b"), comp.b))
        ),
        Heading(2, t("export.summary")),
        Facts(tuple(summary_rows(comp.summary))),
        *_left_out(
            [(comp.a.label, u) for u in comp.unreadable_a]
            + [(comp.b.label, u) for u in comp.unreadable_b]
        ),
    ]
    if comp.datagrundlag_a or comp.datagrundlag_b:
        blocks += [
            Heading(2, t("datagrundlag.export.consequences")),
            Facts(consequence_rows(comp)),
        ]
    if not (comp.document or comp.changed or comp.added or comp.removed):
        blocks.append(Paragraph(t("export.no_changes")))
        return _comparison(comp, title, blocks)
    blocks.append(Legend())
    if comp.document is not None:
        blocks.append(Heading(2, t("export.document_changes"), page_break=True))
        if comp.document.meta:
            blocks.append(Facts(_meta_rows(comp.document.meta)))
        rows = tuple((s.name, s.ops) for s in comp.document.sections)
        if rows:
            blocks.append(DiffTable(DOCUMENT_SCOPE, rows))
    if comp.changed:
        blocks.append(Heading(2, t("export.changed_indsatser"), page_break=True))
        for change in comp.changed:
            blocks.extend(_changed(change))
    groups: tuple[tuple[str, tuple[Indsats, ...], OpKind], ...] = (
        ("export.added_indsatser", comp.added, "insert"),
        ("export.removed_indsatser", comp.removed, "delete"),
    )
    for heading, indsatser, kind in groups:
        if indsatser:
            blocks.append(Heading(2, t(heading), page_break=True))
            for indsats in indsatser:
                blocks.extend(_whole_indsats(indsats, kind))
    return _comparison(comp, title, blocks)


def _comparison(comp: Comparison, title: str, blocks: list[Block]) -> Outline:
    edition = f"{revision_name(comp.a)} → {revision_edition(comp.b)}"
    return Outline(title, tuple(blocks), revision_datetime(comp.b), comp.kommune, edition)


def document_outline(snapshot: Snapshot) -> Outline:
    doc = snapshot.serviceniveau
    title = (doc.titel if doc and doc.titel else "") or t("export.document_title")
    blocks: list[Block] = [
        Title(title, doc.kommune if doc else ""),
        Facts((version_row(t("export.version"), snapshot.revision),)),
        *_left_out([(snapshot.revision.label, u) for u in snapshot.unreadable]),
    ]
    for name in DOCUMENT_SECTIONS:
        text = doc.sections.get(name, "") if doc else ""
        if text:
            blocks += [Heading(2, name), Markdown(text)]
    blocks.append(Heading(2, t("export.indsatser"), page_break=True))
    for kategori, group in by_kategori(snapshot.indsatser.values()):
        blocks.append(Heading(3, kategori or t("export.no_kategori")))
        for indsats in group:
            blocks.append(Heading(4, indsats.titel or indsats.id))
            blocks.append(FieldTable(tuple((f, indsats.fields.get(f, "")) for f in FIELDS)))
            economy = economy_line(indsats)
            if economy:
                blocks.append(Paragraph(f"{t('export.economy')}: {economy}"))
            numbers = indsats_rows(snapshot.datagrundlag, indsats.id)
            if numbers:
                blocks.append(Facts(numbers))
    if snapshot.datagrundlag:
        blocks += [
            Heading(2, t("datagrundlag.export.heading"), page_break=True),
            Facts(kategori_rows(snapshot.datagrundlag, snapshot.indsatser)),
        ]
    return Outline(
        title,
        tuple(blocks),
        revision_datetime(snapshot.revision),
        doc.kommune if doc else "",
        revision_edition(snapshot.revision),
    )


def _left_out(problems: Sequence[tuple[str, Unreadable]]) -> list[Block]:
    """What could not be read, said in the document itself, before anything else it shows."""
    if not problems:
        return []
    rows = tuple(
        (f"{u.path} ({label})", t("badfiles.where_why", line=u.line, reason=u.message))
        for label, u in problems
    )
    return [
        Heading(2, t("badfiles.left_out_heading")),
        Paragraph(t("badfiles.left_out", count=len(problems))),
        Facts(rows),
    ]


def _changed(change: IndsatsChange) -> list[Block]:
    blocks: list[Block] = [Heading(3, change.after.titel or change.id)]
    facts = list(_meta_rows(change.meta))
    if change.path_changed:
        facts.append(
            (
                t("export.moved"),
                t("export.file_moved", before=change.before.path, after=change.after.path),
            )
        )
    if facts:
        blocks.append(Facts(tuple(facts)))
    if change.fields:
        blocks.append(DiffTable(change.id, tuple((f.name, f.ops) for f in change.fields)))
    return blocks


def _whole_indsats(indsats: Indsats, kind: OpKind) -> list[Block]:
    facts = [
        (meta_label("kategori"), format_value(indsats.kategori)),
        (meta_label("faggrupper"), format_value(list(indsats.faggrupper))),
    ]
    economy = economy_line(indsats)
    if economy:
        facts.append((t("export.economy"), economy))
    names = section_names(FIELDS, indsats.fields)
    rows = tuple((f, whole(indsats.fields.get(f, ""), kind)) for f in names)
    return [
        Heading(3, indsats.titel or indsats.id),
        Facts(tuple(facts)),
        DiffTable(indsats.id, tuple((name, ops) for name, ops in rows if ops)),
    ]


def _meta_rows(changes: Sequence[MetaChange]) -> tuple[tuple[str, str], ...]:
    return tuple((meta_label(c.key), describe_meta(c)) for c in changes)
