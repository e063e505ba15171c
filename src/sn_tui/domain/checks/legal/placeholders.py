"""Template placeholders left in a document ("[tekst]", "XX Kommune", "______"): errors.

The patterns are data (`data/pladsholdere.yml`). Every section of an indsats and of
serviceniveau.md is searched, and the frontmatter for the markers that cannot be YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.context import Context

_WHERE = "pladsholdere.yml"
CODE = "skabelon-pladsholder"
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Catalogue:
    brackets: re.Pattern[str]
    markers: re.Pattern[str]  # every `mønstre` pattern in one
    clues: tuple[str, ...]  # `spor`: a text without any of them has no marker
    in_frontmatter: tuple[re.Pattern[str], ...]
    filler: re.Pattern[str]
    besked: str
    forklaring: str
    forslag: str
    skal_fange: tuple[str, ...]
    maa_ikke_fange: tuple[str, ...]


def _compiled(sources: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(s) for s in sources)


@cache
def catalogue() -> Catalogue:
    data = _data.load("pladsholdere")
    return Catalogue(
        re.compile(_data.text(data, "klammer", _WHERE)),
        re.compile("|".join(f"(?:{p})" for p in _data.strings(data, "mønstre", _WHERE))),
        _data.strings(data, "spor", _WHERE),
        _compiled(_data.strings(data, "i_frontmatter", _WHERE)),
        re.compile(_data.text(data, "fyld", _WHERE)),
        _data.text(data, "besked", _WHERE),
        _data.text(data, "forklaring", _WHERE),
        _data.text(data, "forslag", _WHERE),
        _data.strings(data, "skal_fange", _WHERE),
        _data.strings(data, "maa_ikke_fange", _WHERE),
    )


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    found = [m for m in (p.search(text) for p in patterns) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def placeholders(text: str) -> list[re.Match[str]]:
    """Every placeholder in a section's text, in order."""
    cat = catalogue()
    stripped = text.strip()
    if stripped and cat.filler.fullmatch(stripped):
        found = cat.filler.search(text)
        return [found] if found else []
    matches = list(cat.markers.finditer(text)) if any(c in text for c in cat.clues) else []
    if "[" in text:
        matches.extend(m for m in cat.brackets.finditer(text) if _LETTER.search(m.group()))
    return sorted(matches, key=lambda m: m.start())


def placeholder(text: str) -> re.Match[str] | None:
    """The first placeholder in a section's text, if it has one."""
    found = placeholders(text)
    return found[0] if found else None


def check_placeholders(ctx: Context) -> list[Finding]:
    cat = catalogue()
    found: list[tuple[int, str, str | None]] = []
    front = ctx.doc.text[: ctx.doc.body_start]
    match = _first(cat.in_frontmatter, front)
    if match is not None:
        found.append((match.start(), match.group(), None))
    for part in ctx.parts:
        found.extend(
            (part.start + m.start(), m.group().strip(), ctx.field_of(part))
            for m in placeholders(part.text)
        )
    return [
        ctx.finding(
            offset,
            "error",
            CODE,
            cat.besked.format(fundet=text),
            field=field,
            explanation=cat.forklaring,
            suggestion=cat.forslag,
        )
        for offset, text, field in found
    ]
