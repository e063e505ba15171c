"""An økonomisystem's table (CSV or one spreadsheet sheet, as rows of cells) turned into
datagrundlag rows, or into the list of everything wrong with it.

The header row is found below any title rows by its column names (the kommune's own names
from `kolonner.yml` first, then common ones); a header split over two rows (merged cells) is
read as the two cells joined. A row names its indsats by id, by title or by kontoplan
function, directly or through the `nøgler` table of `kolonner.yml`; a name that matches no
indsats, or more than one, is reported, never guessed. A sum row ("I alt") is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sn_tui.domain.datagrundlag.numbers import NotANumber, parse_number
from sn_tui.domain.datagrundlag.table import Row

MAX_ROWS = 20_000
"""More rows than any kommune has indsatser by far: a bigger file is the wrong export."""

HEADER_ROWS = 30
"""Title rows above the header, at most."""
_KEYS = ("indsats", "titel", "kontoplan")
_NUMBERS = ("antal_boern", "helaarspersoner", "udgift_kr")
REQUIRED = ("antal_boern", "udgift_kr")
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "indsats": ("indsats", "indsats id", "id"),
    "titel": ("titel", "indsatsnavn", "navn", "ydelse", "foranstaltning", "tilbud"),
    "kontoplan": ("kontoplan", "funktion", "funktionsnummer", "funktion nr", "konto"),
    "antal_boern": (
        "antal boern",
        "antal børn",
        "børn",
        "antal",
        "modtagere",
        "antal modtagere",
        "antal børn og unge",
    ),
    "helaarspersoner": ("helaarspersoner", "helårspersoner", "helårsbørn", "antal helårspersoner"),
    "udgift_kr": (
        "udgift kr",
        "udgift",
        "udgifter",
        "nettoudgift",
        "nettoudgifter",
        "bruttoudgift",
        "forbrug",
        "regnskab",
        "udgift i kr",
    ),
    "kilde": ("kilde",),
}
_SUM_ROWS = frozenset({"i alt", "total", "totalt", "sum", "samlet"})


@dataclass(frozen=True)
class Sheet:
    """One table: its name (a sheet's, or the file's) and its rows of cells as read."""

    name: str
    rows: Sequence[Sequence[Any]]


@dataclass(frozen=True)
class Problem:
    """One thing wrong, by code (the catalogue's `datagrundlag.problem.<code>`), with the
    1-based row of the source and the source's column name where it has them."""

    code: str
    row: int | None = None
    column: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Known:
    """An indsats the rows may name: id, title, and kontoplan functions known for it."""

    id: str
    titel: str
    kontoplan: tuple[str, ...] = ()


@dataclass
class Reading:
    """The rows read, the problems found, and the columns used (ours -> the source's)."""

    rows: list[Row]
    problems: list[Problem]
    columns: dict[str, str]


def normalise(text: object) -> str:
    """A header or name as compared: case, punctuation, `_` and spacing do not count."""
    folded = str(text or "").casefold().replace("_", " ").replace("-", " ")
    return " ".join(re.sub(r"[^\w ]", " ", folded).split())


def read_sheet(
    sheet: Sheet,
    known: Sequence[Known],
    *,
    columns: Mapping[str, str] | None = None,
    keys: Mapping[str, str] | None = None,
    kilde: str = "",
) -> Reading:
    """Rows from `sheet`; `columns` are the kommune's own header names (ours -> theirs),
    `keys` its mapping table (a title or function as written -> indsats id)."""
    if len(sheet.rows) > MAX_ROWS + HEADER_ROWS:
        return Reading([], [Problem("too_many_rows", params={"count": len(sheet.rows)})], {})
    found = _find_header(sheet.rows, columns or {})
    if found is None:
        return Reading([], [Problem("no_header")], {})
    header_at, where, names = found
    missing = [c for c in REQUIRED if c not in where]
    if not any(k in where for k in _KEYS):
        missing.insert(0, "indsats")
    if missing:
        absent = [Problem("missing_column", header_at + 1, None, {"column": c}) for c in missing]
        return Reading([], absent, {})
    resolver = _Resolver(known, keys or {})
    rows: list[Row] = []
    problems: list[Problem] = []
    first_row: dict[str, int] = {}
    for index in range(header_at + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        number = index + 1

        def cell(name: str, cells: Sequence[Any] = cells) -> Any:
            at = where.get(name)
            return cells[at] if at is not None and at < len(cells) else None

        named = {k: str(cell(k)).strip() for k in _KEYS if cell(k) not in (None, "")}
        if not named and all(cell(n) in (None, "") for n in _NUMBERS):
            continue
        if any(normalise(v) in _SUM_ROWS for v in named.values()):
            continue
        ident, problem = resolver.resolve(named)
        if problem is not None:
            problems.append(
                Problem(problem[0], number, names.get(problem[1]), {"value": problem[2]})
            )
            continue
        values: dict[str, Decimal | None] = {}
        for name in _NUMBERS:
            if name not in where:
                values[name] = None
                continue
            try:
                value = parse_number(cell(name))
            except NotANumber as exc:
                problems.append(Problem("not_a_number", number, names[name], {"value": str(exc)}))
                continue
            if value is not None and value < 0:
                problems.append(Problem("negative", number, names[name], {"value": str(value)}))
            elif name == "antal_boern" and value is not None and value != value.to_integral():
                problems.append(Problem("not_whole", number, names[name], {"value": str(value)}))
            values[name] = value
        if ident in first_row:
            problems.append(
                Problem("duplicate", number, None, {"value": ident, "first": first_row[ident]})
            )
            continue
        first_row[ident] = number
        if len(values) < len(_NUMBERS):
            continue
        count = values["antal_boern"]
        source = str(cell("kilde") or "").strip() or kilde
        rows.append(
            Row(
                indsats=ident,
                antal_boern=None if count is None else int(count),
                helaarspersoner=values["helaarspersoner"],
                udgift_kr=values["udgift_kr"],
                kilde=source,
                kontoplan=named.get("kontoplan", ""),
            )
        )
    if not rows and not problems:
        problems.append(Problem("no_rows", header_at + 1))
    return Reading(rows, problems, {k: names[k] for k in where})


def _find_header(
    rows: Sequence[Sequence[Any]], own: Mapping[str, str]
) -> tuple[int, dict[str, int], dict[str, str]] | None:
    """The header row's index, our column -> its position, our column -> its name there."""
    wanted: dict[str, str] = {}
    for ours, synonyms in SYNONYMS.items():
        for synonym in synonyms:
            wanted.setdefault(normalise(synonym), ours)
    for ours, theirs in own.items():
        wanted[normalise(theirs)] = ours  # the kommune's own names come first
    found: tuple[int, dict[str, int], dict[str, str]] | None = None
    for index in range(min(len(rows), HEADER_ROWS)):
        where, names = _header_at(rows, index, wanted)
        matches = any(k in where for k in _KEYS) and any(n in where for n in REQUIRED)
        if matches and (found is None or len(where) >= len(found[1])):
            found = (index, where, names)  # a second header row below the first: the two joined
        elif found is not None:
            break
    return found


def _header_at(
    rows: Sequence[Sequence[Any]], index: int, wanted: Mapping[str, str]
) -> tuple[dict[str, int], dict[str, str]]:
    above = rows[index - 1] if index else ()
    where: dict[str, int] = {}
    names: dict[str, str] = {}
    for at, value in enumerate(rows[index]):
        text = str(value).strip() if value not in (None, "") else ""
        over = above[at] if at < len(above) else None
        candidates = [text]
        if over not in (None, "") and str(over).strip() != text:
            candidates.insert(0, f"{str(over).strip()} {text}".strip())
        for candidate in candidates:
            column = wanted.get(normalise(candidate))
            if column is not None and column not in where:
                where[column] = at
                names[column] = candidate
                break
    return where, names


class _Resolver:
    """A row's names -> one indsats id, or the reason there is none."""

    def __init__(self, known: Sequence[Known], keys: Mapping[str, str]) -> None:
        self._ids = {k.id for k in known}
        self._keys = {normalise(name): ident for name, ident in keys.items()}
        self._titles: dict[str, set[str]] = {}
        self._functions: dict[str, set[str]] = {}
        for k in known:
            self._titles.setdefault(normalise(k.titel), set()).add(k.id)
            for function in k.kontoplan:
                self._functions.setdefault(normalise(function), set()).add(k.id)

    def resolve(self, named: Mapping[str, str]) -> tuple[str, tuple[str, str, str] | None]:
        for column in _KEYS:
            value = named.get(column)
            if value is None:
                continue
            if value in self._ids:
                return value, None
            mapped = self._keys.get(normalise(value))
            if mapped is not None:
                if mapped in self._ids:
                    return mapped, None
                return "", ("unknown_mapped", column, f"{value} → {mapped}")
            table = self._functions if column == "kontoplan" else self._titles
            hits = table.get(normalise(value), set())
            if len(hits) == 1:
                return next(iter(hits)), None
            if len(hits) > 1:
                return "", ("ambiguous", column, value)
        column = next(iter(named), "indsats")
        return "", ("unknown", column, named.get(column, ""))
