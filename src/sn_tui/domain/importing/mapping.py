"""Finding the indsatser in a source's blocks and placing every piece of text in a field.

A heading is an indsats when field labels (headings, table rows or bold lead-ins the synonym
table knows) follow it before the next heading of its kind; a heading above indsatser is their
kategori. Text under a label the table does not know goes to the nearest field (the one before
it, else the one after, else Indhold) and is marked so, never dropped. Text outside every
indsats that is not Forord or Principper is listed, not imported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sn_tui.domain.fields import FIELDS
from sn_tui.domain.importing.blocks import Heading, Row, Source, Text
from sn_tui.domain.importing.synonyms import ECONOMY, Match, Synonyms, normalise

How = Literal["exact", "close", "nearest", "moved"]  # moved: by the user, from the plan
FALLBACK_FIELD = "Indhold"
_MAX_PLAIN_LEAD_WORDS = 4
_MAX_TITLE_WORDS = 12
_SECTION_NUMBER = re.compile(r"^\s*(\d+\.(\d+\.?)*)\s+")  # "1. " or "1.1 ": the outline's
_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"
_BUDGET = re.compile(rf"({_NUMBER})\s*(?:kr|kroner)", re.IGNORECASE)
_COUNT = re.compile(rf"(?:forventet|ca\.?|cirka)\s+({_NUMBER})|({_NUMBER})\s+(?:børn|unge)")


@dataclass(frozen=True)
class Piece:
    """One labelled piece of source text and the field it goes to (`ECONOMY`: frontmatter)."""

    label: str  # the source's heading or label; "" for text under the indsats' own heading
    text: str  # Markdown
    field: str
    how: How


@dataclass
class Found:
    """One indsats found in a source."""

    titel: str
    kategori: str
    source: str
    pieces: list[Piece] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # a Markdown source's frontmatter

    def economy(self) -> tuple[int | None, int | None]:
        """budget_kr and forventet_antal read from an economy piece, where it has them."""
        for piece in self.pieces:
            if piece.field == ECONOMY:
                return read_economy(piece.text)
        return (None, None)


@dataclass
class Mapped:
    indsatser: list[Found] = field(default_factory=list)
    document: dict[str, list[str]] = field(default_factory=dict)  # Forord/Principper -> texts
    outside: list[str] = field(default_factory=list)  # text in no indsats, not imported
    guidance: int = 0  # template guidance paragraphs dropped


def read_economy(text: str) -> tuple[int | None, int | None]:
    budget = _BUDGET.search(text)
    count = _COUNT.search(text[budget.end() :] if budget else text)

    def number(raw: str | None) -> int | None:
        return int(raw.replace(".", "")) if raw else None

    return (
        number(budget.group(1)) if budget else None,
        number((count.group(1) or count.group(2)) if count else None),
    )


def map_source(source: Source, synonyms: Synonyms) -> Mapped:
    return _Mapper(source, synonyms).run()


class _Mapper:
    def __init__(self, source: Source, synonyms: Synonyms) -> None:
        self.source = source
        self.syn = synonyms
        self.out = Mapped()
        self.blocks = source.blocks
        self.kategorier: list[tuple[int, str]] = []  # (level, text) of headings above indsatser
        self.current: Found | None = None
        self.level = 0  # the current indsats' heading level (0: started without a heading)
        self.label = ""
        self.target: Match | None = None
        self.document: tuple[str, int] | None = None  # (section, heading level) being read
        self.by_heading = False  # the current label is a heading (not a bold lead or a row)

    # ------------------------------------------------------------------ the walk
    def run(self) -> Mapped:
        for index, block in enumerate(self.blocks):
            if isinstance(block, Heading):
                self.heading(index, block)
            elif isinstance(block, Row):
                self.row(block)
            else:
                self.text(block)
        self.close()
        return self.out

    def heading(self, index: int, block: Heading) -> None:
        match = self.match(block.text)
        inside = self.current is not None and block.level > self.level
        if self.document and block.level > self.document[1] and not match:
            self.document_text(f"**{block.text}**")
            return
        self.document = None
        if match is not None and match.kind == "document" and not inside:
            self.close()
            self.document = (match.name, block.level)
            return
        if match is not None and match.kind in ("field", "economy"):
            if self.current is None:  # a page of one indsats, its fields the first headings
                self.start(self.source.title, block.level - 1)
            self.label, self.target, self.by_heading = block.text, match, True
            return
        title = self.titled(block.text)
        if title is None and self.syn.is_plain(block.text) and not inside:
            self.close()
            self.kategorier = [(lv, k) for lv, k in self.kategorier if lv < block.level]
            return
        if title is None and inside and self.current is not None:
            self.label, self.target = block.text, None  # an extra section of this indsats
            self.by_heading = True
            return
        if title is not None or self.labels_follow(index):
            self.start(title or block.text, block.level)
            return
        self.close()
        self.kategorier = [(lv, k) for lv, k in self.kategorier if lv < block.level]
        self.kategorier.append((block.level, _unnumbered(block.text)))

    def row(self, block: Row) -> None:
        if self.syn.is_page_fact(block.label):  # e.g. an export's "Datagrundlag 2025" rows
            self.out.outside.append(f"{block.label}: {block.markdown}")
            return
        if self.syn.is_header(block.label) and (
            not block.markdown.strip() or self.syn.is_header(block.markdown)
        ):
            return
        match = self.match(block.label)
        if match is not None and match.kind == "title":
            if self.current is None or self.current.pieces:
                self.start(_plain(block.markdown), self.level)
            else:
                self.current.titel = _plain(block.markdown) or self.current.titel
            return
        if self.current is None:
            if match is None or match.kind not in ("field", "economy"):
                self.outside(f"{block.label}: {block.markdown}".strip(": "))
                return
            self.start(self.source.title, 0)
        self.label, self.target, self.by_heading = block.label, match, False
        self.add(block.markdown)

    def text(self, block: Text) -> None:
        if not block.lead and self.syn.is_page_fact(block.markdown):
            self.out.outside.append(block.markdown)
            return
        block = self.plain_lead(block)
        if block.lead:
            match = self.match(block.lead)
            if match is not None and match.kind == "title":
                if _plain(block.markdown).strip("_ "):
                    self.start(_plain(block.markdown), self.level)
                return
            if match is not None and match.kind == "document":
                self.close()
                self.document = (match.name, 99)
                self.document_text(block.markdown)
                return
            if match is not None and match.kind in ("field", "economy"):
                if self.current is None:
                    self.start(self.source.title, 0)
                self.label, self.target, self.by_heading = block.lead, match, False
                self.add(block.markdown)
                return
            # Under a field's heading a bold start is emphasis; among bold labels, a section.
            if self.current is not None and not self.document and not self.by_heading:
                self.label, self.target = block.lead, None
                self.add(block.markdown)
                return
            text = f"**{block.lead}:** {block.markdown}" if block.markdown else f"**{block.lead}**"
        else:
            text = block.markdown
        if self.document:
            self.document_text(text)
        elif self.current is not None:
            self.add(text)
        else:
            self.outside(text)

    # ------------------------------------------------------------------ helpers
    def plain_lead(self, block: Text) -> Text:
        """ "Foranstaltning/indsats: X" or "Økonomisk ramme: …" without bold: a label too.
        Only for the title and the economy, which field text does not start with."""
        if block.lead:
            return block
        head, colon, rest = block.markdown.partition(":")
        if not colon or "\n" in head or len(head.split()) > _MAX_PLAIN_LEAD_WORDS:
            return block
        match = self.match(head)
        if match is None or not match.exact:
            return block
        name = rest.strip()
        if match.kind == "title" and (name.endswith(".") or len(name.split()) > _MAX_TITLE_WORDS):
            return block  # a sentence that happens to start so, not a name
        if match.kind in ("title", "economy"):
            return Text(name, head.strip())
        return block

    def match(self, label: str) -> Match | None:
        return self.syn.match(label)

    def titled(self, text: str) -> str | None:
        """The title in a heading such as "Foranstaltning/indsats: Familiebehandling"."""
        head, colon, rest = text.partition(":")
        if colon and rest.strip():
            match = self.match(head)
            if match is not None and match.kind == "title":
                return rest.strip()
        return None

    def labels_follow(self, index: int) -> bool:
        """Whether field labels follow heading `index` before the next heading that is not one."""
        for block in self.blocks[index + 1 :]:
            if isinstance(block, Heading):
                match = self.match(block.text)
                return match is not None and match.kind in ("field", "economy")
            label = block.label if isinstance(block, Row) else self.plain_lead(block).lead
            match = self.match(label) if label else None
            if match is not None and match.kind in ("field", "economy", "title"):
                return match.kind != "title"
        return False

    def start(self, titel: str, level: int) -> None:
        self.close()
        kategori = self.kategorier[-1][1] if self.kategorier else ""
        if level:
            kategori = next((k for lv, k in reversed(self.kategorier) if lv < level), "")
        fallback = self.source.title or self.source.name.rsplit(".", 1)[0]
        titel = _unnumbered(titel) or fallback
        self.current = Found(titel, kategori, self.source.name, meta=dict(self.source.meta))
        self.level = level
        self.label, self.target = "", None

    def add(self, text: str) -> None:
        kept = self.without_guidance(text)
        if not kept or self.current is None:
            return
        pieces = self.current.pieces
        target = self.target
        if pieces and pieces[-1].label == self.label and self.label_is_current(pieces[-1]):
            last = pieces[-1]
            pieces[-1] = replace(last, text=f"{last.text}\n\n{kept}")
            return
        if target is None:
            pieces.append(Piece(self.label, kept, "", "nearest"))
        else:
            how: How = "exact" if target.exact else "close"
            pieces.append(Piece(self.label, kept, target.name, how))

    def label_is_current(self, piece: Piece) -> bool:
        name = self.target.name if self.target else ""
        return piece.field == name or (not name and piece.how == "nearest")

    def without_guidance(self, text: str) -> str:
        kept: list[str] = []
        for paragraph in re.split(r"\n\s*\n", text.strip()):
            if not paragraph.strip():
                continue
            if self.syn.is_guidance(paragraph):
                self.out.guidance += 1
            else:
                kept.append(paragraph.strip("\n"))
        return "\n\n".join(kept)

    def document_text(self, text: str) -> None:
        kept = self.without_guidance(text)
        if kept and self.document:
            self.out.document.setdefault(self.document[0], []).append(kept)

    def outside(self, text: str) -> None:
        kept = self.without_guidance(text)
        if kept:
            self.out.outside.append(kept)

    def close(self) -> None:
        found, self.current = self.current, None
        self.label, self.target = "", None
        if found is None:
            return
        found.pieces = place_nearest(found.pieces)
        if found.pieces or found.meta:
            self.out.indsatser.append(found)


def place_nearest(pieces: Sequence[Piece]) -> list[Piece]:
    """Pieces with no field of their own go to the field before them, else the one after,
    else Indhold; an economy whose numbers cannot be read is such a piece too."""
    fixed = [
        replace(p, field="", how="nearest")
        if p.field == ECONOMY and read_economy(p.text)[0] is None
        else p
        for p in pieces
    ]
    out: list[Piece] = []
    for i, piece in enumerate(fixed):
        if piece.field:
            out.append(piece)
            continue
        before = [p.field for p in out if p.field and p.field != ECONOMY]
        after = [p.field for p in fixed[i + 1 :] if p.field and p.field != ECONOMY]
        near = (before[-1:] or after[:1] or [FALLBACK_FIELD])[0]
        out.append(replace(piece, field=near, how="nearest"))
    return out


def _unnumbered(heading: str) -> str:
    return _SECTION_NUMBER.sub("", heading.strip(), count=1)


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`]+", "", markdown).strip()


def compose(pieces: Sequence[Piece], note: Callable[[Piece], str]) -> dict[str, str]:
    """Each field's text from its pieces, in source order. A field with pieces from several
    labels, or a piece the user moved there, names the label in bold above its text; a piece
    placed by nearness starts with `note(piece)`, so the redaktør sees it was not the
    source's own field."""
    out: dict[str, str] = {}
    for name in FIELDS:
        mine = [p for p in pieces if p.field == name]
        if not mine:
            continue
        labels = {normalise(p.label) for p in mine if p.how != "nearest"}
        parts: list[str] = []
        for piece in mine:
            if piece.how == "nearest":
                parts.append(f"{note(piece)}\n\n{piece.text}")
            elif (
                (len(labels) > 1 or piece.how == "moved")
                and piece.label
                and normalise(piece.label) != normalise(name)
            ):
                parts.append(f"**{piece.label.strip().rstrip(':')}**\n\n{piece.text}")
            else:
                parts.append(piece.text)
        out[name] = "\n\n".join(parts)
    return out
