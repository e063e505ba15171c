"""The rows of the overview: one per indsats, grouped by kategori, with what staff look for.

Pure: it receives indsatser, the blob ids of the last adopted version and the check findings,
and returns plain rows the TUI draws; filtering is a substring match on a prepared haystack.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from sn_tui.domain.danish import sort_key
from sn_tui.domain.entry import Indsats

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding

# How an indsats stands against the last adopted version: a code, which the front ends put
# into words ("nothing-adopted": there is no adopted version to compare with).
Changed = Literal["changed", "new", "unchanged", "nothing-adopted"]


@dataclass(frozen=True)
class OverviewRow:
    """One indsats as the overview shows it."""

    id: str
    path: str
    titel: str
    kategori: str
    lovhjemmel: str  # the first line of the Lovhjemmel field
    changed: Changed  # since the last adopted version
    errors: int | None = None  # None until the check has run
    warnings: int | None = None
    review: str = "–"  # filled by an optional review provider
    haystack: str = ""  # casefolded titel, id, lovhjemmel and all text, for the filter


@dataclass(frozen=True)
class GroupLine:
    """A kategori heading in the list."""

    kategori: str
    count: int


Line = GroupLine | OverviewRow


def short_lovhjemmel(text: str) -> str:
    """The first non-empty line, without list or emphasis markers."""
    for raw in text.splitlines():
        line = raw.strip().lstrip("-*+ ").strip().strip("*_").strip()
        if line:
            return line
    return ""


def changed_since(item: Indsats, adopted: Mapping[str, str] | None) -> Changed:
    """By blob id against the adopted version's `path -> blob` (None: nothing adopted)."""
    if adopted is None:
        return "nothing-adopted"
    blob = adopted.get(item.path)
    if blob is None:
        return "new"
    return "unchanged" if blob == item.blob else "changed"


def build_rows(
    items: Iterable[Indsats], adopted: Mapping[str, str] | None, *, index: bool = True
) -> list[OverviewRow]:
    """Rows sorted the Danish way by kategori, then titel; `index=False` leaves the filter's
    haystacks for `haystacks` to make later (a start shows the rows first)."""
    rows = [
        OverviewRow(
            id=item.id,
            path=item.path,
            titel=item.titel or item.id,
            kategori=item.kategori,
            lovhjemmel=short_lovhjemmel(item.lovhjemmel),
            changed=changed_since(item, adopted),
            haystack=haystack(item) if index else "",
        )
        for item in items
    ]
    rows.sort(key=lambda r: (sort_key(r.kategori), sort_key(r.titel), r.id))
    return rows


def haystack(item: Indsats) -> str:
    """What the filter searches: titel, id, lovhjemmel, kategori and all text, casefolded."""
    return "\n".join(
        [item.titel, item.id, item.lovhjemmel, item.kategori, *item.fields.values()]
    ).casefold()


def haystacks(items: Iterable[Indsats]) -> dict[str, str]:
    """id -> haystack, for `with_haystacks`."""
    return {item.id: haystack(item) for item in items}


def with_haystacks(rows: Sequence[OverviewRow], found: Mapping[str, str]) -> list[OverviewRow]:
    return [replace(r, haystack=found.get(r.id, r.haystack)) for r in rows]


def problem_counts(findings: Iterable[Finding]) -> dict[str, tuple[int, int]]:
    """path -> (errors, warnings)."""
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for finding in findings:
        (errors if finding.severity == "error" else warnings)[finding.path] += 1
    return {p: (errors[p], warnings[p]) for p in {*errors, *warnings}}


def with_problems(
    rows: Sequence[OverviewRow], counts: Mapping[str, tuple[int, int]]
) -> list[OverviewRow]:
    """Rows with their problem counts filled in."""
    out: list[OverviewRow] = []
    for row in rows:
        errors, warnings = counts.get(row.path, (0, 0))
        out.append(replace(row, errors=errors, warnings=warnings))
    return out


def with_review(rows: Sequence[OverviewRow], progress: Mapping[str, str]) -> list[OverviewRow]:
    return [replace(r, review=progress.get(r.id, r.review)) for r in rows]


def matches(row: OverviewRow, query: str) -> bool:
    """Every word of the query occurs somewhere in the row (titel, id, lovhjemmel, text).

    Until the row's haystack is made, the text is left out of the search."""
    hay = row.haystack or "\n".join([row.titel, row.id, row.lovhjemmel, row.kategori]).casefold()
    return all(word in hay for word in query.casefold().split())


def grouped(rows: Iterable[OverviewRow]) -> list[Line]:
    """Rows with a heading line before each kategori (rows must already be sorted)."""
    out: list[Line] = []
    group: list[OverviewRow] = []
    for row in rows:
        if group and row.kategori != group[0].kategori:
            out += [GroupLine(group[0].kategori, len(group)), *group]
            group = []
        group.append(row)
    if group:
        out += [GroupLine(group[0].kategori, len(group)), *group]
    return out
