"""Rule 2: the konkret og individuel vurdering, and the sentences that undermine it.

`serviceniveau.md` must say that every case gets a konkret og individuel vurdering. Anywhere
in the text, a sentence that makes the serviceniveau a minimum criterion (a condition, cap,
exclusion, waiting list, presumed payment), an automatic consequence, or the yardstick of the
decision is a warning, unless the sentence, or the sentence introducing its list, softens it
("som udgangspunkt", "typisk", "vejledende", "efter en konkret vurdering"). An indsats that sets
limits must say so in its own text (`vurdering-individuel`). The rules are data
(`data/vurdering.yml`), each with the source of its legal judgement.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.context import Context
from sn_tui.domain.checks.legal.text import sentences

_WHERE = "vurdering.yml"


# A finding's code by the rule's `art` (its kind follows from the code, see checks/kinds.py).
ART_CODES = {
    "minimumskriterie": "vurdering-phrase",
    "automatik": "vurdering-automatik",
    "maalestok": "vurdering-maalestok",
    "forældet-regel": "lovhjemmel-rule-changed",
}
INDIVIDUAL_CODE = "vurdering-individuel"
_LIST_ITEM = re.compile(r"(?:[-*+•]|\d{1,3}[.)])[ \t]")


@dataclass(frozen=True)
class PhraseRule:
    id: str
    art: str  # a key of ART_CODES
    softened_by_context: bool  # False: "som udgangspunkt" does not cancel it (`afbødes: false`)
    limit: bool  # a cap or condition (`grænse`), which the indsats must call vejledende
    kilde: str
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
        # The rule's own patterns first: most sentences a keyword selects fail there.
        found = next((m for m in (p.search(sentence) for p in self.patterns) if m), None)
        if found is None or any(p.search(sentence) for p in self.unless):
            return None
        if not all(p.search(sentence) for p in self.requires):
            return None
        return found


@dataclass(frozen=True)
class Hit:
    """A rule matching a sentence of a text; `softened` when the sentence (or its lead-in)
    softens it, so it is no finding of its own but still a limit the indsats must explain."""

    rule: PhraseRule
    start: int
    end: int
    softened: bool


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
def _any_softener() -> re.Pattern[str]:
    """All softeners as one pattern: one search per sentence instead of one per softener."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in softeners()), re.IGNORECASE)


@cache
def phrase_rules() -> tuple[PhraseRule, ...]:
    out = []
    for i, row in enumerate(_data.rows(_data.load("vurdering"), "regler", _WHERE)):
        at = f"{_WHERE}: regler[{i}]"
        keywords = tuple(k.lower() for k in _data.strings(row, "nøgleord", at))
        if not keywords:
            raise _data.RuleDataError(f"{at}: a rule needs nøgleord")
        art = _data.text(row, "art", at)
        if art not in ART_CODES:
            raise _data.RuleDataError(f"{at}: art must be one of {', '.join(ART_CODES)}")
        out.append(
            PhraseRule(
                _data.text(row, "id", at),
                art,
                row.get("afbødes", True) is not False,
                row.get("grænse") is True,
                _data.text(row, "kilde", at),
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


def _required(key: str, pattern: Callable[[dict[str, Any], str], str]) -> Required:
    """The `key` section of vurdering.yml: the pattern `pattern` reads from it, and the texts."""
    at = f"{_WHERE}: {key}"
    row = _data.mapping(_data.load("vurdering").get(key), at)
    return Required(
        re.compile(pattern(row, at), re.IGNORECASE),
        _data.text(row, "besked", at),
        _data.text(row, "forklaring", at),
        _data.text(row, "forslag", at),
        _data.strings(row, "skal_fange", at),
        _data.strings(row, "maa_ikke_fange", at),
    )


@cache
def required() -> Required:
    return _required("påkrævet", lambda row, at: _data.text(row, "mønster", at))


@cache
def individual_in_indsats() -> Required:
    """How an indsats states the individual assessment its limits rest on (`i_indsatsen`)."""
    return _required(
        "i_indsatsen",
        lambda row, at: "|".join(f"(?:{s})" for s in _data.strings(row, "mønstre", at)),
    )


@cache
def _rules_by_keyword() -> dict[str, tuple[int, ...]]:
    """Each keyword of the rules, with the rules (by position) it selects."""
    out: dict[str, list[int]] = {}
    for index, rule in enumerate(phrase_rules()):
        for keyword in rule.keywords:
            out.setdefault(keyword, []).append(index)
    return {keyword: tuple(rules) for keyword, rules in out.items()}


def states_individual_assessment(text: str) -> bool:
    return required().pattern.search(text) is not None


def _softened(sentence: str) -> bool:
    return _any_softener().search(sentence) is not None


def scan_sentences(text: str, spans: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Every sentence of `text` a rule matches (the first rule in the file), softened or not.

    Each rule's keywords are looked up in the whole text first; only the sentences holding one
    are read further (most sentences hold none)."""
    hits: list[Hit] = []
    lowered = text.lower()
    by_keyword = _rules_by_keyword()
    present = [k for k in by_keyword if k in lowered]
    if not present:
        return hits
    rules = phrase_rules()
    spans = sentences(text) if spans is None else spans
    starts = [start for start, _ in spans]
    chosen: dict[int, set[int]] = {}  # sentence number -> the rules its keywords select
    for keyword in present:
        at = lowered.find(keyword)
        while at != -1:
            number = bisect_right(starts, at) - 1
            if number >= 0 and at < spans[number][1]:
                chosen.setdefault(number, set()).update(by_keyword[keyword])
            at = lowered.find(keyword, at + len(keyword))
    for number in sorted(chosen):
        start, end = spans[number]
        sentence = text[start:end]
        for index in sorted(chosen[number]):
            rule = rules[index]
            match = rule.match(sentence)
            if match:
                softened = _softened(sentence) or _lead_in_softens(text, spans, number)
                quiet = softened and rule.softened_by_context
                hits.append(Hit(rule, start + match.start(), start + match.end(), quiet))
                break
    return hits


def _lead_in_softens(text: str, spans: list[tuple[int, int]], number: int) -> bool:
    """Whether sentence `number` is a list item whose introducing sentence (the nearest
    sentence before it that is no list item, ending in ':') softens it."""
    start, end = spans[number]
    if _LIST_ITEM.match(text, start, end) is None:
        return False
    for before in range(number - 1, -1, -1):
        b_start, b_end = spans[before]
        if _LIST_ITEM.match(text, b_start, b_end) is None:
            lead = text[b_start:b_end]
            return lead.endswith(":") and _softened(lead)
    return False


def phrase_hits(
    text: str, spans: list[tuple[int, int]] | None = None
) -> list[tuple[PhraseRule, int, int]]:
    """(rule, start, end) of each phrase in `text` that counts: at most one per sentence."""
    return [(h.rule, h.start, h.end) for h in scan_sentences(text, spans) if not h.softened]


def _quote(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def check_phrases(
    ctx: Context, skip: tuple[str, ...] = (), *, per_indsats: bool = False
) -> list[Finding]:
    """Warnings for the sentences in every part except the sections named in `skip`; with
    `per_indsats`, also the warning on the first limit of an indsats that never states the
    individual assessment itself."""
    findings = []
    first_limit: tuple[int, str, str | None] | None = None
    for part in ctx.parts:
        if part.title in skip:
            continue
        for hit in scan_sentences(part.text, part.sentences):
            rule = hit.rule
            if rule.limit and first_limit is None:
                quote = _quote(part.text, hit.start, hit.end)
                first_limit = (part.start + hit.start, quote, ctx.field_of(part))
            if hit.softened:
                continue
            findings.append(
                ctx.finding(
                    part.start + hit.start,
                    "warning",
                    ART_CODES[rule.art],
                    f"{rule.besked.rstrip('.')}: »{_quote(part.text, hit.start, hit.end)}«.",
                    field=ctx.field_of(part),
                    explanation=f"{rule.forklaring} Kilde: {rule.kilde}.",
                    suggestion=rule.forslag,
                )
            )
    if per_indsats and first_limit is not None:
        body = ctx.doc.text[ctx.doc.body_start :]
        rule_i = individual_in_indsats()
        if not rule_i.pattern.search(body):
            offset, quote, field = first_limit
            findings.append(
                ctx.finding(
                    offset,
                    "warning",
                    INDIVIDUAL_CODE,
                    rule_i.besked.format(fundet=quote),
                    field=field,
                    explanation=rule_i.forklaring,
                    suggestion=rule_i.forslag,
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
