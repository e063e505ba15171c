"""Rule 2: the konkret og individuel vurdering, and phrases that undermine it.

`serviceniveau.md` must say that every case gets a konkret og individuel vurdering. Anywhere
in the text, a phrase that makes the serviceniveau a minimum criterion, a cap or an automatic
trigger is a warning, unless the sentence softens it ("som udgangspunkt", "typisk",
"vejledende", "efter en konkret vurdering"). The rules are data (`data/vurdering.yml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.context import Context
from sn_tui.domain.checks.legal.text import sentences

_WHERE = "vurdering.yml"


@dataclass(frozen=True)
class PhraseRule:
    id: str
    keywords: tuple[str, ...]  # lower-case words every match contains one of (a quick filter)
    patterns: tuple[re.Pattern[str], ...]
    requires: tuple[re.Pattern[str], ...]  # each must also match in the sentence
    unless: tuple[re.Pattern[str], ...]  # none may match in the sentence
    besked: str
    forklaring: str
    forslag: str
    skal_fange: tuple[str, ...]
    maa_ikke_fange: tuple[str, ...]

    def match(self, sentence: str) -> re.Match[str] | None:
        if any(p.search(sentence) for p in self.unless):
            return None
        if not all(p.search(sentence) for p in self.requires):
            return None
        for pattern in self.patterns:
            found = pattern.search(sentence)
            if found:
                return found
        return None


@dataclass(frozen=True)
class Required:
    """What serviceniveau.md must say."""

    pattern: re.Pattern[str]
    besked: str
    forklaring: str
    forslag: str
    skal_fange: tuple[str, ...]
    maa_ikke_fange: tuple[str, ...]


@cache
def softeners() -> tuple[re.Pattern[str], ...]:
    return _data.patterns(_data.load("vurdering"), "afbødere", _WHERE)


@cache
def phrase_rules() -> tuple[PhraseRule, ...]:
    out = []
    for i, row in enumerate(_data.rows(_data.load("vurdering"), "regler", _WHERE)):
        at = f"{_WHERE}: regler[{i}]"
        keywords = tuple(k.lower() for k in _data.strings(row, "nøgleord", at))
        if not keywords:
            raise _data.RuleDataError(f"{at}: a rule needs nøgleord")
        out.append(
            PhraseRule(
                _data.text(row, "id", at),
                keywords,
                _data.patterns(row, "mønstre", at),
                _data.patterns(row, "kræver", at),
                _data.patterns(row, "undtagen", at),
                _data.text(row, "besked", at),
                _data.text(row, "forklaring", at),
                _data.text(row, "forslag", at),
                _data.strings(row, "skal_fange", at),
                _data.strings(row, "maa_ikke_fange", at),
            )
        )
    return tuple(out)


@cache
def required() -> Required:
    row = _data.mapping(_data.load("vurdering").get("påkrævet"), f"{_WHERE}: påkrævet")
    at = f"{_WHERE}: påkrævet"
    return Required(
        re.compile(_data.text(row, "mønster", at), re.IGNORECASE),
        _data.text(row, "besked", at),
        _data.text(row, "forklaring", at),
        _data.text(row, "forslag", at),
        _data.strings(row, "skal_fange", at),
        _data.strings(row, "maa_ikke_fange", at),
    )


def states_individual_assessment(text: str) -> bool:
    return required().pattern.search(text) is not None


def phrase_hits(
    text: str, spans: list[tuple[int, int]] | None = None
) -> list[tuple[PhraseRule, int, int]]:
    """(rule, start, end) of each phrase in `text` that counts: at most one per sentence."""
    hits: list[tuple[PhraseRule, int, int]] = []
    lowered = text.lower()
    active = [r for r in phrase_rules() if any(k in lowered for k in r.keywords)]
    if not active:
        return hits
    for start, end in sentences(text) if spans is None else spans:
        low = lowered[start:end]
        candidates = [r for r in active if any(k in low for k in r.keywords)]
        if not candidates:
            continue
        sentence = text[start:end]
        if any(p.search(sentence) for p in softeners()):
            continue
        for rule in candidates:
            found = rule.match(sentence)
            if found:
                hits.append((rule, start + found.start(), start + found.end()))
                break
    return hits


def check_phrases(ctx: Context, skip: tuple[str, ...] = ()) -> list[Finding]:
    """Warnings for the phrases in every part except the sections named in `skip`."""
    findings = []
    for part in ctx.parts:
        if part.title in skip:
            continue
        for rule, start, end in phrase_hits(part.text, part.sentences):
            phrase = " ".join(part.text[start:end].split())
            findings.append(
                ctx.finding(
                    part.start + start,
                    "warning",
                    "vurdering-phrase",
                    f"{rule.besked.rstrip('.')}: »{phrase}«.",
                    field=ctx.field_of(part),
                    explanation=rule.forklaring,
                    suggestion=rule.forslag,
                )
            )
    return findings


def check_required(ctx: Context, anchor: str) -> list[Finding]:
    """The error when the document never states the konkret og individuel vurdering."""
    body = ctx.doc.text[ctx.doc.body_start :]
    if states_individual_assessment(body):
        return []
    rule = required()
    return [
        ctx.finding(
            0,
            "error",
            "vurdering-missing",
            rule.besked,
            field=anchor if ctx.doc.section(anchor) else None,
            explanation=rule.forklaring,
            suggestion=rule.forslag,
            line=ctx.heading_line(anchor),
        )
    ]
