"""A changed section cut into units (paragraphs and list items, and the blank space between
them) on both sides, and how the units of both sides line up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Paragraph and list-item boundaries: blank lines, or a line break before a list marker.
_UNIT_SEPARATOR = re.compile(r"(\n(?:[ \t]*\n)+|\n(?=[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]))")


@dataclass(frozen=True)
class SectionPlan:
    """One changed section: its units on both sides and how they line up."""

    name: str
    a: str
    b: str
    units_a: tuple[str, ...]
    units_b: tuple[str, ...]
    opcodes: tuple[tuple[str, int, int, int, int], ...]

    @classmethod
    def make(cls, name: str, a: str, b: str) -> SectionPlan:
        ua, ub = _units(a), _units(b)
        opcodes = SequenceMatcher(None, ua, ub, autojunk=False).get_opcodes()
        return cls(name, a, b, ua, ub, tuple(opcodes))


def _units(text: str) -> tuple[str, ...]:
    """Paragraphs/list items at even indices, the blank space between them at odd ones."""
    return tuple(_UNIT_SEPARATOR.split(text)) if text else ()
