"""Rule 6: readability as LIX, per field and for the whole indsats.

LIX = words / sentences + 100 × long words / words, where a long word has more than six
letters. Sentences are counted as `text.sentences` splits them (a list item counts as one).
Above 55 ("svær") is a warning: the serviceniveau must give citizens "enkel og klar
information". LIX swings wildly on a few words, so a field (or indsats) with fewer than
`MIN_WORDS` words gets no warning; its score is still reported. The Lovhjemmel field is
legal references and gets no warning either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal.context import Context
from sn_tui.domain.checks.legal.text import sentences
from sn_tui.domain.document import Document

LIMIT = 55.0
MIN_WORDS = 30
TOTAL = "_samlet"
NO_WARNING_FIELDS = ("Lovhjemmel",)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_JOINERS = "-'’"


def _is_long(word: str) -> bool:
    """More than six letters (a number is never a long word)."""
    if len(word) <= 6 or word[0].isdigit():
        return False
    return len(word) - sum(word.count(j) for j in _JOINERS) > 6


def _long_words(words: list[str]) -> int:
    """How many of `words` are long: `_is_long` without a call for the many short ones."""
    count = 0
    for word in words:
        if len(word) > 6 and not word[0].isdigit():
            if "-" in word or "'" in word or "’" in word:
                count += _is_long(word)
            else:
                count += 1
    return count


@dataclass(frozen=True)
class Counts:
    words: int
    long_words: int
    sentences: int

    @property
    def lix(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words,
            self.long_words + other.long_words,
            self.sentences + other.sentences,
        )


_RECENT: dict[str, Counts] = {}
"""The counts of the texts counted last: a check counts each field for its warnings and again
for the LIX report (it was a fifth of a whole check's time)."""
_RECENT_MAX = 64


def counts(text: str, spans: list[tuple[int, int]] | None = None) -> Counts:
    """Words, long words and sentences of `text` (whose sentences are `spans`, if known)."""
    found = _RECENT.get(text)
    if found is not None:
        return found
    words = long_words = sentence_count = 0
    for start, end in sentences(text) if spans is None else spans:
        matched = _WORD.findall(text, start, end)
        if not matched:
            continue
        sentence_count += 1
        words += len(matched)
        long_words += _long_words(matched)
    result = Counts(words, long_words, sentence_count)
    if len(_RECENT) >= _RECENT_MAX:
        _RECENT.clear()
    _RECENT[text] = result
    return result


def lix(text: str) -> float:
    """The LIX score of `text`; 0.0 for text without words."""
    return counts(text).lix


def format_lix(score: float) -> str:
    """`55,3`: one decimal, Danish decimal comma."""
    return f"{score:.1f}".replace(".", ",")


def lix_report(doc: Document, fields: Sequence[str]) -> dict[str, float]:
    """LIX of each of `fields` (0.0 when empty or missing) and of all of them, under "_samlet"."""
    report: dict[str, float] = {}
    total = Counts(0, 0, 0)
    for name in fields:
        field_counts = counts(doc.field(name) or "")
        report[name] = field_counts.lix
        total = total + field_counts
    report[TOTAL] = total.lix
    return report


def _warning(ctx: Context, line: int, field: str | None, where: str, score: float) -> Finding:
    return ctx.finding(
        0,
        "warning",
        "lix-high",
        f"{where} har LIX {format_lix(score)}, som er svær tekst (over {LIMIT:.0f}).",
        field=field,
        explanation="Serviceniveauet skal give borgerne enkel og klar information; "
        "en LIX over 55 er svær at læse for mange.",
        suggestion="Skriv kortere sætninger og brug kortere, almindelige ord.",
        line=line,
    )


def check_readability(ctx: Context, fields: Sequence[str], *, whole: str | None) -> list[Finding]:
    """Warnings for each of `fields` above the limit, and for all of them together.

    `whole` names the document in the message for the total ("Indsatsen"), or None for none.
    """
    findings = []
    total = Counts(0, 0, 0)
    first_line: int | None = None
    for name in fields:
        sec = ctx.doc.section(name)
        part = ctx.part(name)
        if sec is None or part is None:
            continue
        first_line = sec.line if first_line is None else first_line
        field_counts = counts(part.text, part.sentences)
        total = total + field_counts
        if name in NO_WARNING_FIELDS or field_counts.words < MIN_WORDS:
            continue
        if field_counts.lix > LIMIT:
            findings.append(_warning(ctx, sec.line, name, f"Feltet {name}", field_counts.lix))
    if whole and first_line is not None and total.words >= MIN_WORDS and total.lix > LIMIT:
        findings.append(_warning(ctx, first_line, None, whole, total.lix))
    return findings
