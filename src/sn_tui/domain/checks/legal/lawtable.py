"""The two law tables: barnets lov's provisions, and the serviceloven provisions it replaced.

Both are data (`data/barnets_lov.yml`, `data/serviceloven_erstattet.yml`, whose headers say how a
reference is matched); this module reads them once and answers two questions about a reference:
does barnets lov have it, and did barnets lov replace it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.references import BARNETS_LOV, Reference, parse_references

Key = tuple[int, str, int | None, int | None]  # paragraf, bogstav, stk, nr


def _paragraph(value: Any, where: str) -> tuple[int, str]:
    """`32` or `"210 a"` -> (32, "") or (210, "a")."""
    text = str(value).strip().lower()
    digits = text.rstrip("abcdefgh ").strip()
    if not digits.isdigit():
        raise _data.RuleDataError(f"{where}: paragraf {value!r} is not a number with a letter")
    return int(digits), text[len(digits) :].strip()


def _key(row: dict[str, Any], where: str) -> Key:
    paragraf, bogstav = _paragraph(row.get("paragraf"), where)
    return (
        paragraf,
        bogstav,
        _data.optional_int(row, "stk", where),
        _data.optional_int(row, "nr", where),
    )


@dataclass(frozen=True)
class Provision:
    """A row of barnets_lov.yml."""

    key: Key
    titel: str
    stykker: int | None  # how many stk. the paragraph has, where the whole paragraph was read
    numre: int | None  # how many nr. the stk. has, where the whole stk. was read
    verificeret: bool
    kilde: str

    @property
    def reference(self) -> Reference:
        paragraf, bogstav, stk, nr = self.key
        return Reference(BARNETS_LOV, paragraf, bogstav, stk, nr)


@dataclass(frozen=True)
class Chapter:
    number: int
    first: int
    last: int
    titel: str


@dataclass(frozen=True)
class Lookup:
    """The answer for one reference: known (with its title) or why not."""

    known: bool
    titel: str = ""
    problem: Literal["", "paragraf", "stk", "nr"] = ""
    limit: int = 0  # for problem "stk"/"nr": how many the paragraph / stk. has


@dataclass(frozen=True)
class BarnetsLov:
    udgave: str
    kilde: str
    dato: str
    chapters: tuple[Chapter, ...]
    provisions: tuple[Provision, ...]
    index: Mapping[Key, Provision] = field(default_factory=dict, compare=False, repr=False)

    @property
    def last_paragraph(self) -> int:
        return max(c.last for c in self.chapters)

    def _row(self, key: Key) -> Provision | None:
        return self.index.get(key)

    def chapter_of(self, paragraf: int) -> Chapter | None:
        for chapter in self.chapters:
            if chapter.first <= paragraf <= chapter.last:
                return chapter
        return None

    def lookup(self, ref: Reference) -> Lookup:
        p, letter = ref.paragraf, ref.bogstav
        para = self._row((p, letter, None, None))
        chapter = self.chapter_of(p)
        if para is None and (letter or chapter is None):
            return Lookup(False, problem="paragraf")
        titel = para.titel if para else chapter.titel if chapter else ""
        stk = ref.stk if ref.stk is not None else (1 if ref.nr is not None else None)
        if stk is None:
            return Lookup(True, titel)
        if para is not None and para.stykker is not None and not 1 <= stk <= para.stykker:
            return Lookup(False, problem="stk", limit=para.stykker)
        stk_row = self._row((p, letter, stk, None))
        if stk_row is not None:
            titel = stk_row.titel
        if ref.nr is None:
            return Lookup(True, titel)
        if stk_row is not None and stk_row.numre is not None and not 1 <= ref.nr <= stk_row.numre:
            return Lookup(False, problem="nr", limit=stk_row.numre)
        nr_row = self._row((p, letter, stk, ref.nr))
        return Lookup(True, nr_row.titel if nr_row else titel)


@cache
def barnets_lov() -> BarnetsLov:
    data = _data.load("barnets_lov")
    where = "barnets_lov.yml"
    chapters = tuple(
        Chapter(
            int(row["kapitel"]), int(row["fra"]), int(row["til"]), _data.text(row, "titel", where)
        )
        for row in _data.rows(data, "kapitler", where)
    )
    provisions = []
    for i, row in enumerate(_data.rows(data, "bestemmelser", where)):
        at = f"{where}: bestemmelser[{i}]"
        provisions.append(
            Provision(
                _key(row, at),
                _data.text(row, "titel", at),
                _data.optional_int(row, "stykker", at),
                _data.optional_int(row, "numre", at),
                row.get("verificeret") is True,
                _data.text(row, "kilde", at),
            )
        )
    return BarnetsLov(
        _data.text(data, "udgave", where),
        _data.text(data, "kilde", where),
        str(data.get("dato", "")),
        chapters,
        tuple(provisions),
        {row.key: row for row in provisions},
    )


@dataclass(frozen=True)
class Replacement:
    """A row of serviceloven_erstattet.yml."""

    key: Key
    titel: str
    barnets_lov: str  # the replacement, as a reference text ("§ 32, stk. 1, nr. 7")
    erstatning: str
    sikker: bool
    verificeret: bool
    kilde: str
    note: str

    @property
    def reference(self) -> Reference:
        paragraf, bogstav, stk, nr = self.key
        return Reference("serviceloven", paragraf, bogstav, stk, nr)

    @property
    def targets(self) -> list[Reference]:
        return parse_references(self.barnets_lov)


@cache
def replacements() -> tuple[Replacement, ...]:
    data = _data.load("serviceloven_erstattet")
    where = "serviceloven_erstattet.yml"
    out = []
    for i, row in enumerate(_data.rows(data, "erstatninger", where)):
        at = f"{where}: erstatninger[{i}]"
        out.append(
            Replacement(
                _key(_data.mapping(row.get("serviceloven"), at), at),
                _data.text(row, "titel", at),
                _data.text(row, "barnets_lov", at),
                _data.text(row, "erstatning", at),
                row.get("sikker") is True,
                row.get("verificeret") is True,
                _data.text(row, "kilde", at),
                _data.text(row, "note", at, default=""),
            )
        )
    return tuple(out)


def replacement_for(ref: Reference) -> Replacement | None:
    """The most specific row whose paragraf / stk / nr are a prefix of `ref`'s."""
    best: Replacement | None = None
    depth = -1
    for row in replacements():
        paragraf, bogstav, stk, nr = row.key
        if (paragraf, bogstav) != (ref.paragraf, ref.bogstav):
            continue
        if stk is not None and stk != ref.stk:
            continue
        if nr is not None and nr != ref.nr:
            continue
        level = (stk is not None) + (nr is not None)
        if level > depth:
            best, depth = row, level
    return best
