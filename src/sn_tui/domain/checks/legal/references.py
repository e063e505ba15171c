"""A small parser for the legal references Danish texts write.

It reads the forms a serviceniveau uses: `§ 32, stk. 1, nr. 3 i barnets lov`,
`§ 43, stk. 1, nr. 4, i barnets lov`, `barnets lov § 86`, `jf. Barnets Lov § 32, stk. 1, nr. 3`,
`§§ 46 eller 47`, `§§ 113–116`, `SEL 52, stk. 3, nr. 5`, `§ 52, stk. 3, nr. 2 i Lov om social
service`, `servicelovens § 41`, `serviceloven § 140`, and lists of paragraphs, stk. and nr.
joined by commas, "og", "eller", "samt" or ranges with – or -.

The text is cut into tokens (§/§§, numbers with an optional letter like 52 a, stk., nr., range
and list words, law names), and a small recursive-descent parser reads chains of references
from them. A law name before a chain (`barnets lov § 86`) or after it (`… i barnets lov`)
applies to the whole chain; a chain without one is read as barnets lov, the law of this area.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Law = Literal["barnets lov", "serviceloven", "anden lov"]
BARNETS_LOV: Law = "barnets lov"
SERVICELOVEN: Law = "serviceloven"
OTHER_LAW: Law = "anden lov"

_MAX_RANGE = 40  # a range longer than this is read as its two ends only

_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<pkt>\d{1,2}\.\s*pkt\.)",
            r"(?P<sect>§§?)",
            r"(?P<bl>\bbarnets\s+lovs?\b)",
            r"(?P<sel>\bservicelov(?:en|ens|s)?\b|\blov\s+om\s+social\s+service\b|(?-i:\bSEL\b))",
            r"(?P<other>\blov\s+om\s+\w+|\b\w+lov(?:en|ens|s)?\b)",
            r"(?P<stk>\bstk\b\.?)",
            r"(?P<nr>\bnr\b\.?)",
            r"(?P<num>(?<!\w)(?<!\d[.,])\d{1,3}(?:[ ]?[a-h](?!\w))?(?!\w|[.,]\d))",
            r"(?P<range>[-–—]|\btil\b)",
            r"(?P<conj>,|\bog\b|\beller\b|\bsamt\b|/)",
            r"(?P<in>\bi\b)",
            r"(?P<word>\w+|[^\w\s])",
        )
    ),
    re.IGNORECASE,
)
_LAW_KINDS: dict[str, Law] = {"bl": BARNETS_LOV, "sel": SERVICELOVEN, "other": OTHER_LAW}

# Only the text around a § or a law name is cut into tokens: a chain of references starts at one
# of them and is never longer than this.
_ANCHOR = re.compile(
    r"§|\bbarnets\s+lov|\bservicelov|\blov\s+om\s+social\s+service|(?-i:\bSEL\b)", re.IGNORECASE
)
_WINDOW = 400


@dataclass(frozen=True)
class _Tok:
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Reference:
    """One provision a text refers to, e.g. § 32, stk. 1, nr. 3 in barnets lov."""

    law: Law
    paragraf: int
    bogstav: str = ""  # the letter of a paragraph like § 52 a
    stk: int | None = None
    nr: int | None = None
    start: int = 0  # offset of the reference's most specific number in the scanned text
    end: int = 0
    law_named: bool = True  # False when the text named no law and barnets lov was assumed

    @property
    def paragraph_label(self) -> str:
        return f"§ {self.paragraf}" + (f" {self.bogstav}" if self.bogstav else "")

    @property
    def label(self) -> str:
        """`§ 32, stk. 1, nr. 3`: the provision without its law."""
        out = self.paragraph_label
        if self.stk is not None:
            out += f", stk. {self.stk}"
        if self.nr is not None:
            out += f", nr. {self.nr}"
        return out

    def __str__(self) -> str:
        comma = "," if self.stk is not None or self.nr is not None else ""
        return f"{self.label}{comma} i {self.law}"


@dataclass(frozen=True)
class Scan:
    """What `scan` found: the references, and serviceloven named without a reference."""

    references: tuple[Reference, ...]
    loose_serviceloven: tuple[tuple[int, int], ...]  # spans of "serviceloven" outside a reference


@lru_cache(maxsize=256)
def scan(text: str) -> Scan:
    """Every reference in `text`, in the order they appear."""
    if "§" not in text and "SEL" not in text and "lov" not in text.lower():
        return Scan((), ())
    parser = _Parser(_tokens(text))
    return Scan(tuple(parser.references()), tuple(parser.loose_serviceloven))


def _tokens(text: str) -> list[_Tok]:
    """The tokens of the stretches of `text` that can hold a reference, a gap between them."""
    windows: list[list[int]] = []
    for anchor in _ANCHOR.finditer(text):
        end = min(len(text), anchor.end() + _WINDOW)
        if windows and anchor.start() <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([anchor.start(), end])
    toks: list[_Tok] = []
    for start, end in windows:
        if toks:
            toks.append(_Tok("gap", start, start, ""))
        toks.extend(
            _Tok(m.lastgroup or "word", m.start(), m.end(), m.group())
            for m in _TOKEN.finditer(text, start, end)
        )
    return toks


def parse_references(text: str) -> list[Reference]:
    return list(scan(text).references)


# A parsed group before expansion: paragraphs, then optionally stk. and nr. lists.
_Item = tuple[_Tok, _Tok | None]  # a number, or a range low..high


@dataclass(frozen=True)
class _Group:
    paras: list[_Item]
    stks: list[_Item] | None
    nrs: list[_Item] | None


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.loose_serviceloven: list[tuple[int, int]] = []

    def kind(self, i: int) -> str:
        return self.toks[i].kind if 0 <= i < len(self.toks) else ""

    def references(self) -> Iterator[Reference]:
        i = 0
        while i < len(self.toks):
            tok = self.toks[i]
            law = _LAW_KINDS.get(tok.kind)
            if law is not None and self._starts_chain(i + 1, bare=tok.text == "SEL"):
                end, groups = self._chain(i + 1)
                if groups:
                    yield from _expand(groups, law, named=True)
                    i = self._trailing_law(end)[1]  # "SEL § 52 a … i serviceloven" says it twice
                    continue
            if tok.kind == "sect":
                end, groups = self._chain(i)
                if groups:
                    law_at, after = self._trailing_law(end)
                    if law_at is None:
                        yield from _expand(groups, BARNETS_LOV, named=False)
                    else:
                        yield from _expand(groups, _LAW_KINDS[self.toks[law_at].kind], named=True)
                    i = after
                    continue
            if tok.kind == "sel":
                self.loose_serviceloven.append((tok.start, tok.end))
            i += 1

    def _starts_chain(self, i: int, *, bare: bool) -> bool:
        """A law name is followed by a reference: `barnets lov §`, or `SEL 52` without §."""
        if self.kind(i) == "sect":
            return True
        return bare and self.kind(i) == "num"

    def _chain(self, i: int) -> tuple[int, list[_Group]]:
        groups: list[_Group] = []
        while True:
            parsed = self._group(i)
            if parsed is None:
                return i, groups
            i, group = parsed
            groups.append(group)
            j = i
            while self.kind(j) == "conj" and j - i < 2:
                j += 1
            if j == i or self.kind(j) != "sect":
                return i, groups
            i = j

    def _group(self, i: int) -> tuple[int, _Group] | None:
        if self.kind(i) == "sect":
            i += 1
        paras, i = self._numbers(i)
        if not paras:
            return None
        stks = nrs = None
        j = i + 1 if self.toks_text(i) == "," else i
        if self.kind(j) == "stk":
            stks, k = self._numbers(j + 1)
            if stks:
                i = k
                j = i + 1 if self.toks_text(i) == "," else i
        if self.kind(j) == "nr":
            nrs, k = self._numbers(j + 1)
            if nrs:
                i = k
        j = i + 1 if self.toks_text(i) == "," else i
        if self.kind(j) == "pkt":  # "stk. 3, 2. pkt." names a sentence: read past it
            i = j + 1
        return i, _Group(paras, stks, nrs)

    def toks_text(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def _numbers(self, i: int) -> tuple[list[_Item], int]:
        items: list[_Item] = []
        while self.kind(i) == "num":
            low, high = self.toks[i], None
            i += 1
            if self.kind(i) == "range" and self.kind(i + 1) == "num":
                high = self.toks[i + 1]
                i += 2
            items.append((low, high))
            if self.kind(i) == "conj" and self.kind(i + 1) == "num":
                i += 1
            else:
                break
        return items, i

    def _trailing_law(self, i: int) -> tuple[int | None, int]:
        """`… i barnets lov` or `…, i lov om social service` after a chain."""
        j = i + 1 if self.toks_text(i) == "," else i
        if self.kind(j) == "in" and self.kind(j + 1) in _LAW_KINDS:
            return j + 1, j + 2
        return None, i


def _number(tok: _Tok) -> tuple[int, str]:
    digits = tok.text.rstrip("abcdefghABCDEFGH ").strip()
    letter = tok.text[len(digits) :].strip().lower()
    return int(digits), letter


def _values(items: list[_Item]) -> list[tuple[int, str, _Tok]]:
    out: list[tuple[int, str, _Tok]] = []
    for low, high in items:
        lo, lo_letter = _number(low)
        if high is None:
            out.append((lo, lo_letter, low))
            continue
        hi, hi_letter = _number(high)
        if not lo_letter and not hi_letter and 0 < hi - lo <= _MAX_RANGE:
            out.extend((n, "", low) for n in range(lo, hi))
            out.append((hi, "", high))
        else:
            out.extend(((lo, lo_letter, low), (hi, hi_letter, high)))
    return out


def _expand(groups: list[_Group], law: Law, *, named: bool) -> Iterator[Reference]:
    for group in groups:
        paras = _values(group.paras)
        for p, letter, tok in paras[:-1]:
            yield Reference(law, p, letter, start=tok.start, end=tok.end, law_named=named)
        p, letter, ptok = paras[-1]
        stks = _values(group.stks) if group.stks else [(None, "", ptok)]
        nrs = _values(group.nrs) if group.nrs else []
        for s, _, stok in stks[:-1]:
            yield Reference(law, p, letter, s, start=stok.start, end=stok.end, law_named=named)
        s_last, _, s_tok = stks[-1]
        if not nrs:
            yield Reference(law, p, letter, s_last, None, s_tok.start, s_tok.end, named)
        for n, _, ntok in nrs:
            yield Reference(law, p, letter, s_last, n, ntok.start, ntok.end, named)
