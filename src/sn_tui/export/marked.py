"""Markdown inside a diff's lines: what each line is (heading, list item, text) and which parts
of its spans are bold, italic, code or a link, with the Markdown marks themselves taken out.

A comparison diffs the kommune's Markdown word by word, so a `**` can sit in one span and its
partner in another. The marks are therefore read on whole lines, once on the old text (equal
and deleted spans) and once on the new (equal and inserted spans); each span takes its marks
from the version it belongs to, and unchanged text from the new one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from sn_tui.export.spans import Line, Span

LineKind = Literal["text", "heading", "bullet", "number"]

_PREFIX = re.compile(r"^[ \t]*(?:(#{1,6})|([-*+])|(\d{1,9})[.)])[ \t]+")
_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")  # one level of (…) inside
_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = (
    re.compile(r"(?<!\*)\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
)
_ITALIC = (
    re.compile(r"(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?!\*)"),
    re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"),
)
_ESCAPE = re.compile(r"\\([\\`*_\[\]()#+.!-])")
_OLD = frozenset({"delete", "moved-from"})


@dataclass(frozen=True)
class Piece:
    """A run of one span's text with one set of marks."""

    span: Span
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""


@dataclass(frozen=True)
class MarkedLine:
    """A diff line read as Markdown: `level` is the heading level, or the list item's depth
    (0 at the margin); `number` the list item's own number."""

    kind: LineKind
    level: int
    number: int
    pieces: tuple[Piece, ...]
    line: Line

    @property
    def blank(self) -> bool:
        return not any(p.text.strip() for p in self.pieces) and not any(
            s.note for s in self.line.spans
        )


# One character's marks: removed, bold, italic, code, href.
_Mark = tuple[bool, bool, bool, bool, str]
_PLAIN: _Mark = (False, False, False, False, "")


@dataclass
class _View:
    """One version's text of a line and the marks of each of its characters."""

    text: str
    marks: list[_Mark]
    kind: LineKind = "text"
    level: int = 0
    number: int = 0


def mark_lines(lines: Sequence[Line]) -> list[MarkedLine]:
    return [mark_line(line) for line in lines]


def mark_line(line: Line) -> MarkedLine:
    sides = [_side(span) for span in line.spans]
    old = _view("".join(s.text for s, side in zip(line.spans, sides, strict=True) if side != "new"))
    new = _view("".join(s.text for s, side in zip(line.spans, sides, strict=True) if side != "old"))
    shown = new if new.text.strip() else old
    pieces: list[Piece] = []
    at_old = at_new = 0
    for span, side in zip(line.spans, sides, strict=True):
        size = len(span.text)
        if side == "old":
            marks = old.marks[at_old : at_old + size]
        else:
            marks = new.marks[at_new : at_new + size]
        if side != "new":
            at_old += size
        if side != "old":
            at_new += size
        before = len(pieces)
        for mark, group in groupby(zip(span.text, marks, strict=True), key=lambda pair: pair[1]):
            if not mark[0]:
                text = "".join(ch for ch, _ in group)
                pieces.append(Piece(span, text, mark[1], mark[2], mark[3], mark[4]))
        if span.note and len(pieces) == before:
            pieces.append(Piece(span, ""))  # the note of a move whose text is all marks
    return MarkedLine(shown.kind, shown.level, shown.number, tuple(pieces), line)


def _side(span: Span) -> Literal["old", "new", "both"]:
    """Which version's text a span belongs to; a deletion inside a moved paragraph is old."""
    if span.kind == "equal":
        return "both"
    return "old" if span.style in _OLD else "new"


def _view(text: str) -> _View:
    marks: list[_Mark] = [_PLAIN] * len(text)
    view = _View(text, marks)
    prefix = _PREFIX.match(text)
    if prefix:
        hashes, bullet, number = prefix.groups()
        indent = len(text) - len(text.lstrip(" \t"))
        if hashes:
            view.kind, view.level = "heading", len(hashes)
        elif bullet:
            view.kind, view.level = "bullet", indent // 2
        else:
            view.kind, view.level, view.number = "number", indent // 3, int(number)
        _remove(marks, 0, prefix.end())
    hidden = [False] * len(text)  # inside code or a link's address: no further marks
    for match in _CODE.finditer(text, prefix.end() if prefix else 0):
        _remove(marks, match.start(), match.start(1))
        _remove(marks, match.end(1), match.end())
        _set(marks, match.start(1), match.end(1), code=True)
        hidden[match.start() : match.end()] = [True] * (match.end() - match.start())
    for match in _LINK.finditer(text):
        if hidden[match.start()]:
            continue
        _remove(marks, match.start(), match.start(1))
        _remove(marks, match.end(1), match.end())
        _set(marks, match.start(1), match.end(1), href=match.group(2))
        hidden[match.end(1) : match.end()] = [True] * (match.end() - match.end(1))
    for patterns, name in ((_BOLD, "bold"), (_ITALIC, "italic")):
        for pattern in patterns:
            for match in pattern.finditer(text):
                if hidden[match.start()] or hidden[match.end() - 1] or marks[match.start()][0]:
                    continue
                _remove(marks, match.start(), match.start(1))
                _remove(marks, match.end(1), match.end())
                bold = name == "bold"
                _set(marks, match.start(1), match.end(1), bold=bold, italic=not bold)
    for match in _ESCAPE.finditer(text):
        if not hidden[match.start()]:
            _remove(marks, match.start(), match.start() + 1)
    return view


def _remove(marks: list[_Mark], start: int, end: int) -> None:
    for k in range(start, end):
        _, bold, italic, code, href = marks[k]
        marks[k] = (True, bold, italic, code, href)


def _set(
    marks: list[_Mark],
    start: int,
    end: int,
    *,
    bold: bool = False,
    italic: bool = False,
    code: bool = False,
    href: str = "",
) -> None:
    for k in range(start, end):
        gone, b, i, c, h = marks[k]
        marks[k] = (gone, b or bold, i or italic, c or code, h or href)
