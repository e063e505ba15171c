"""Rule 3: words that barnets lov replaced (handleplan, efterværn, aflastning, foranstaltning).

The terms are data (`data/termer.yml`). A term is not reported in a sentence that mentions the
old name on purpose ("støtteophold (tidligere aflastning)"), nor where one of its own
exceptions applies, nor in a document whose subject makes the word right (aflastning under
serviceloven § 84 via barnets lov § 90).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import cast

from sn_tui.domain.checks.findings import Finding, Severity
from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.context import Context
from sn_tui.domain.checks.legal.text import sentences


@dataclass(frozen=True)
class Term:
    id: str
    pattern: re.Pattern[str]
    erstatning: str
    alvor: Severity
    besked: str
    forklaring: str
    undtagen: tuple[re.Pattern[str], ...]
    dokument_undtagen: tuple[re.Pattern[str], ...]
    dokument_alligevel: tuple[re.Pattern[str], ...]
    skal_fange: tuple[str, ...]
    maa_ikke_fange: tuple[str, ...]

    def applies_to(self, document: str) -> bool:
        """Whether the term can be outdated in a document with this text at all."""
        if not any(p.search(document) for p in self.dokument_undtagen):
            return True
        return any(p.search(document) for p in self.dokument_alligevel)


@cache
def historical_markers() -> tuple[re.Pattern[str], ...]:
    return _data.patterns(_data.load("termer"), "historiske_markører", "termer.yml")


def is_historical(sentence: str) -> bool:
    """Whether a sentence names an old term or provision on purpose, as history."""
    return any(p.search(sentence) for p in historical_markers())


@cache
def terms() -> tuple[Term, ...]:
    out = []
    for i, row in enumerate(_data.rows(_data.load("termer"), "termer", "termer.yml")):
        at = f"termer.yml: termer[{i}]"
        alvor = _data.text(row, "alvor", at)
        if alvor not in ("error", "warning"):
            raise _data.RuleDataError(f"{at}: alvor must be error or warning")
        out.append(
            Term(
                _data.text(row, "id", at),
                re.compile(_data.text(row, "mønster", at), re.IGNORECASE),
                _data.text(row, "erstatning", at),
                cast(Severity, alvor),
                _data.text(row, "besked", at),
                _data.text(row, "forklaring", at),
                _data.patterns(row, "undtagen", at),
                _data.patterns(row, "dokument_undtagen", at),
                _data.patterns(row, "dokument_alligevel", at),
                _data.strings(row, "skal_fange", at),
                _data.strings(row, "maa_ikke_fange", at),
            )
        )
    return tuple(out)


@cache
def _trigger() -> re.Pattern[str]:
    """Any term: a text without a match needs no closer look."""
    return re.compile("|".join(f"(?:{t.pattern.pattern})" for t in terms()), re.IGNORECASE)


def terms_for(document: str) -> list[Term]:
    """The terms that can be outdated in a document with this whole text."""
    return [term for term in terms() if term.applies_to(document)]


def term_hits(
    text: str, spans: list[tuple[int, int]] | None = None, active: list[Term] | None = None
) -> list[tuple[Term, re.Match[str]]]:
    """Every outdated term in `text` (split into `spans`, its sentences) that counts, in order;
    `active` are the terms of the document the text belongs to (default: `terms_for(text)`)."""
    hits: list[tuple[Term, re.Match[str]]] = []
    if not _trigger().search(text):
        return hits
    if active is None:
        active = terms_for(text)
    for start, end in sentences(text) if spans is None else spans:
        sentence = text[start:end]
        if is_historical(sentence):
            continue
        for term in active:
            if any(p.search(sentence) for p in term.undtagen):
                continue
            for match in term.pattern.finditer(text, start, end):
                hits.append((term, match))
    hits.sort(key=lambda hit: hit[1].start())
    return hits


def check_terms(ctx: Context) -> list[Finding]:
    findings = []
    active: list[Term] | None = None
    for part in ctx.parts:
        if not _trigger().search(part.text):
            continue
        if active is None:
            active = terms_for(ctx.doc.text)
        for term, match in term_hits(part.text, part.sentences, active):
            found = match.group()
            findings.append(
                ctx.finding(
                    part.start + match.start(),
                    term.alvor,
                    "termer-outdated",
                    term.besked.format(fundet=found),
                    field=ctx.field_of(part),
                    explanation=term.forklaring,
                    suggestion=f"Skriv »{term.erstatning}« i stedet for »{found}«.",
                )
            )
    return findings
