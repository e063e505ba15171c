"""The dagsordenpunkt: what a committee secretary writes by hand today, made from the data.

Indstilling, Sagsfremstilling (the changes, each in a sentence or two from the comparison),
Økonomiske konsekvenser (before and after, per indsats and in total), Høring (the review
round, who approved, what was asked), Lovgrundlag (the provisions the indsatser cite) and
Bilag (the comparison with its changes marked, attached at the end of the same document).

The economy is the plan in frontmatter (budget, expected number) before and after; where the
versions carry a datagrundlag, the actual numbers stand beside it (`export.economy`), as in the
comparison attached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sn_tui.domain.checks.legal.references import BARNETS_LOV, Reference, parse_references
from sn_tui.domain.danish import format_date
from sn_tui.domain.diff.types import Comparison, FieldChange, IndsatsChange
from sn_tui.domain.entry import Indsats
from sn_tui.domain.reviews.records import ReviewRound
from sn_tui.export.common import format_change, revision_name
from sn_tui.export.economy import consequence_rows
from sn_tui.export.marked import mark_line
from sn_tui.export.outline import (
    Block,
    Facts,
    Heading,
    Markdown,
    Outline,
    Paragraph,
    Title,
    comparison_outline,
)
from sn_tui.export.spans import Line, Span
from sn_tui.i18n import t

_SNIPPET = 160  # characters of changed text quoted per change
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#<>])")


@dataclass(frozen=True)
class Request:
    """A faggruppe asked for changes to an indsats, and said why."""

    indsats: str  # the indsats' title
    faggruppe: str  # the group's name
    comment: str


@dataclass(frozen=True)
class Hearing:
    """What the review services know of the høring of version B's changed and new indsatser:
    per faggruppe (name) how many it approved of how many it must review."""

    approvals: tuple[tuple[str, int, int], ...]
    requests: tuple[Request, ...]
    rounds: tuple[ReviewRound, ...]


@dataclass(frozen=True)
class Agenda:
    comparison: Comparison
    indstilling: str  # empty: the default sentence
    hearing: Hearing | None  # None: no review database to ask


def agenda_outline(agenda: Agenda) -> Outline:
    comp = agenda.comparison
    a, b = revision_name(comp.a), revision_name(comp.b)
    title = t("paper.agenda.title", titel=comp.titel or t("export.document_title"))
    blocks: list[Block] = [
        Title(title, comp.kommune),
        Heading(2, t("paper.agenda.indstilling")),
        Paragraph(agenda.indstilling or t("paper.agenda.default_indstilling", a=a, b=b)),
        Heading(2, t("paper.agenda.sagsfremstilling")),
        *_description(comp, a, b),
        Heading(2, t("paper.agenda.economy")),
        *_economy(comp),
        Heading(2, t("paper.agenda.hearing")),
        *_hearing(agenda.hearing),
        Heading(2, t("paper.agenda.law")),
        *_law(comp),
        Heading(2, t("paper.agenda.bilag")),
        Paragraph(t("paper.agenda.bilag_text", a=a, b=b)),
    ]
    bilag = comparison_outline(comp)
    first, *rest = bilag.blocks
    assert isinstance(first, Title)
    blocks += [Heading(2, t("paper.agenda.bilag_heading", title=first.text), page_break=True)]
    blocks += [_below(block) for block in rest]
    return Outline(title, tuple(blocks), bilag.date, comp.kommune, bilag.edition)


def _below(block: Block) -> Block:
    """A block of the attached comparison, its headings one level under the bilag's."""
    if isinstance(block, Heading):
        return Heading(block.level + 1, block.text, block.page_break)
    return block


# ----------------------------------------------------------------------------- Sagsfremstilling
def _description(comp: Comparison, a: str, b: str) -> list[Block]:
    summary = comp.summary
    blocks: list[Block] = [
        Paragraph(
            t(
                "paper.agenda.intro",
                a=a,
                b=b,
                added=t("paper.agenda.count_added", count=summary.added),
                removed=t("paper.agenda.count_removed", count=summary.removed),
                changed=t("paper.agenda.count_changed", count=summary.changed),
                unchanged=summary.unchanged,
            )
        )
    ]
    if comp.document is not None:
        names = [s.name for s in comp.document.sections] or [t("paper.agenda.frontmatter")]
        blocks.append(Paragraph(t("paper.agenda.document_changed", sections=", ".join(names))))
    groups: tuple[tuple[str, list[str]], ...] = (
        ("paper.agenda.added", [_new(i) for i in comp.added]),
        ("paper.agenda.removed", [_gone(i) for i in comp.removed]),
        ("paper.agenda.changed", [_changed(c) for c in comp.changed]),
    )
    for heading, items in groups:
        if items:
            blocks.append(Heading(3, t(heading)))
            blocks.append(Markdown("\n".join(f"- {item}" for item in items)))
    return blocks


def _new(indsats: Indsats) -> str:
    formaal = _plain(indsats.fields.get("Formål", ""))
    text = f"**{_escape(indsats.titel or indsats.id)}** ({_escape(indsats.kategori)})"
    return f"{text}: {_escape(_shorten(formaal))}" if formaal else text


def _gone(indsats: Indsats) -> str:
    return f"**{_escape(indsats.titel or indsats.id)}** ({_escape(indsats.kategori)})"


def _changed(change: IndsatsChange) -> str:
    """`**Titel**: ændret i Indhold, Tildeling. Tilføjet: »…«. Fjernet: »…«. Budget …`."""
    sentences = []
    if change.fields:
        names = ", ".join(f.name for f in change.fields)
        sentences.append(t("paper.agenda.fields_changed", fields=names))
    added = _quoted(change.fields, ("insert",))
    if added:
        sentences.append(t("paper.agenda.text_added", text=_escape(added)))
    removed = _quoted(change.fields, ("delete",))
    if removed:
        sentences.append(t("paper.agenda.text_removed", text=_escape(removed)))
    if any(op.kind == "moved-to" for f in change.fields for op in f.ops):
        sentences.append(t("paper.agenda.text_moved"))
    economy = _economy_change(change.before, change.after)
    if economy:
        sentences.append(economy)
    if not sentences:
        sentences.append(t("paper.agenda.only_frontmatter"))
    return f"**{_escape(change.after.titel or change.id)}**: {' '.join(sentences)}"


def _quoted(fields: Sequence[FieldChange], kinds: tuple[str, ...]) -> str:
    """The first run of changed text of these kinds, as a reader would see it, shortened."""
    for field in fields:
        for op in field.ops:
            if op.kind in kinds and len(op.text.strip()) > 2:
                return _shorten(_plain(op.text))
    return ""


def _plain(text: str) -> str:
    """Markdown as its words: one line per paragraph joined by spaces, marks taken out."""
    words = []
    for row in text.split("\n"):
        marked = mark_line(Line((Span("equal", row),), None))
        words.append("".join(piece.text for piece in marked.pieces))
    return " ".join(" ".join(words).split())


def _shorten(text: str) -> str:
    if len(text) <= _SNIPPET:
        return text
    cut = text[:_SNIPPET].rsplit(" ", 1)[0]
    return f"{cut} …"


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


# ----------------------------------------------------------------------------- economy
def _economy_change(before: Indsats, after: Indsats) -> str:
    """`Budget 4.500.000 kr. → 5.000.000 kr., +11 %.` where the numbers changed."""
    parts = []
    for key, old, new, money in (
        ("paper.agenda.budget", before.budget_kr, after.budget_kr, True),
        ("paper.agenda.antal", before.forventet_antal, after.forventet_antal, False),
    ):
        if old and new and old != new:
            parts.append(t(key, change=format_change(old, new, money=money)))
    return " ".join(parts)


def _economy(comp: Comparison) -> list[Block]:
    """The plan's budget and numbers before and after (with the actual numbers beside them
    where the kommune keeps a datagrundlag), as the whole comparison shows them."""
    return [Paragraph(t("paper.agenda.economy_intro")), Facts(consequence_rows(comp))]


# ----------------------------------------------------------------------------- høring
def _hearing(hearing: Hearing | None) -> list[Block]:
    if hearing is None:
        return [Paragraph(t("paper.agenda.no_reviews"))]
    blocks: list[Block] = []
    for found in hearing.rounds:
        key = "paper.agenda.round_open" if found.is_open else "paper.agenda.round_closed"
        closed = format_date(found.closed_at) if found.closed_at else ""
        blocks.append(
            Paragraph(
                t(
                    key,
                    name=found.name,
                    started=format_date(found.created_at),
                    deadline=format_date(found.deadline),
                    closed=closed,
                )
            )
        )
    if not hearing.rounds:
        blocks.append(Paragraph(t("paper.agenda.no_round")))
    if hearing.approvals:
        blocks.append(Paragraph(t("paper.agenda.approvals_intro")))
        blocks.append(
            Facts(
                tuple(
                    (name, t("paper.agenda.approved_of", approved=done, required=required))
                    for name, done, required in hearing.approvals
                )
            )
        )
    if hearing.requests:
        blocks.append(Paragraph(t("paper.agenda.requests_intro")))
        items = [
            f"- {t('paper.agenda.request', group=_escape(r.faggruppe), indsats=_escape(r.indsats))}"
            f" »{_escape(_shorten(' '.join(r.comment.split())))}«"
            for r in hearing.requests
        ]
        blocks.append(Markdown("\n".join(items)))
    return blocks


# ----------------------------------------------------------------------------- lovgrundlag
def _law(comp: Comparison) -> list[Block]:
    """The provisions of barnets lov the indsatser of version B cite, each with the indsatser."""
    cited: dict[tuple[int, str, int, int], tuple[Reference, list[str]]] = {}
    indsatser = [*(c.after for c in comp.changed), *comp.added, *comp.unchanged]
    for indsats in sorted(indsatser, key=lambda i: i.titel):
        for ref in parse_references(indsats.fields.get("Lovhjemmel", "")):
            if ref.law != BARNETS_LOV:
                continue
            key = (ref.paragraf, ref.bogstav, ref.stk or 0, ref.nr or 0)
            entry = cited.setdefault(key, (ref, []))
            if indsats.titel not in entry[1]:
                entry[1].append(indsats.titel)
    if not cited:
        return [Paragraph(t("paper.agenda.no_law"))]
    # Whole paragraphs in a row that the same indsatser cite read as one range: §§ 113–116.
    runs: list[tuple[Reference, Reference, list[str]]] = []
    for key, (ref, titles) in sorted(cited.items()):
        whole = key[1:] == ("", 0, 0)
        if runs and whole and runs[-1][2] == titles:
            first, last, _ = runs[-1]
            if (first.stk, first.nr, first.bogstav) == (None, None, "") and (
                ref.paragraf == last.paragraf + 1
            ):
                runs[-1] = (first, ref, titles)
                continue
        runs.append((ref, ref, titles))
    items = [
        f"- {_provision(first, last)}: {_escape(', '.join(titles))}" for first, last, titles in runs
    ]
    return [Paragraph(t("paper.agenda.law_intro")), Markdown("\n".join(items))]


def _provision(ref: Reference, last: Reference) -> str:
    if last is not ref:
        return f"§§ {ref.paragraf}–{last.paragraf}"
    text = f"§ {ref.paragraf}{' ' + ref.bogstav if ref.bogstav else ''}"
    if ref.stk is not None:
        text += f", stk. {ref.stk}"
    if ref.nr is not None:
        text += f", nr. {ref.nr}"
    return text
