"""Where the text of a document is, and how it splits into sentences.

Every rule scans the raw text of a section (`Part.text`, a slice of `Document.text`), so an
offset in it plus `Part.start` is an offset in the file, and `Document.line_of_offset` gives the
line a finding points at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from sn_tui.domain.document import Document

# A sentence ends at a blank line, before a list item or a heading, after a colon at the end of
# a line, or at . ! ? followed by a capital letter. Not after an abbreviation that is usually
# followed by a name ("jf. Barnets Lov").
_BOUNDARY = re.compile(
    r"\n[ \t]*(?:\r?\n[ \t]*)+"
    r"|\r?\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t])"
    r"|(?<=:)[ \t]*\r?\n"
    r"|(?P<stop>(?<=[.!?])[\"'»”)]*[ \t\r\n]+(?=[\"'«“(]?[A-ZÆØÅ]))"
)
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:jf|jvf|bl\.a|f\.eks|fx|evt|inkl|dvs|vedr|iht|ift|pr|tlf|mht|sml|ca)\.$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences in `text`, without surrounding blank space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.lastgroup == "stop" and _ABBREVIATION.search(
            text[max(0, match.start() - 12) : match.start()]
        ):
            continue
        _add(spans, text, start, match.start())
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


@dataclass(frozen=True)
class Part:
    """A stretch of a document's body: one `## ` section's content, or the text before them."""

    title: str | None  # the section heading; None for the text before the first heading
    start: int  # offset of `text` in `Document.text`
    text: str = field(repr=False)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentences(self.text)

    def sentence_around(self, offset: int) -> str:
        """The sentence that holds `offset` (relative to `text`), or the whole text."""
        for start, end in self.sentences:
            if start <= offset < end:
                return self.text[start:end]
        return self.text


def parts(doc: Document) -> list[Part]:
    """The body of `doc`: the text before the first heading, then each section's content."""
    out: list[Part] = []
    first = doc.sections[0].start if doc.sections else len(doc.text)
    if doc.text[doc.body_start : first].strip():
        out.append(Part(None, doc.body_start, doc.text[doc.body_start : first]))
    for sec in doc.sections:
        out.append(Part(sec.title, sec.body_start, doc.text[sec.body_start : sec.end]))
    return out
