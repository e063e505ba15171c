"""What the numbers mean: per indsats and year the enhedspriser and the change from the year
before; spending per kategori over the years; the serviceniveau's budget and expected count
against the latest actuals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sn_tui.domain.danish import rounded
from sn_tui.domain.datagrundlag.table import Row

DEFAULT_THRESHOLD = 20
"""Percent a budget or expected count may differ from the latest actuals before `check` warns."""
THRESHOLD_KEY = "datagrundlag_afvigelse_pct"
"""serviceniveau.md frontmatter key: the kommune's own threshold in percent."""


@dataclass(frozen=True)
class Figures:
    """One indsats in one year, with what follows from the numbers."""

    aar: int
    row: Row
    pris_pr_helaarsperson: Decimal | None
    pris_pr_barn: Decimal | None
    forrige: Row | None  # the same indsats the year before, where there is one

    def change(self, name: str) -> float | None:
        """The change from the year before in percent for `antal_boern`, `helaarspersoner` or
        `udgift_kr`; None where either year lacks the number (or the year before was 0)."""
        if self.forrige is None:
            return None
        return percent_change(getattr(self.forrige, name), getattr(self.row, name))

    def to_json(self) -> dict[str, object]:
        return {
            "aar": self.aar,
            **self.row.to_json(),
            "pris_pr_helaarsperson": _rounded(self.pris_pr_helaarsperson),
            "pris_pr_barn": _rounded(self.pris_pr_barn),
            "aendring_pct": {
                name: _one_decimal(self.change(name))
                for name in ("antal_boern", "helaarspersoner", "udgift_kr")
            },
        }


def percent_change(before: Decimal | int | None, after: Decimal | int | None) -> float | None:
    if before is None or after is None or before == 0:
        return None
    return float((Decimal(after) - Decimal(before)) / Decimal(before) * 100)


def _rounded(value: Decimal | None) -> int | None:
    return None if value is None else int(rounded(value))


def _one_decimal(value: float | None) -> float | None:
    return None if value is None else float(rounded(value, 1))


def _per(cost: Decimal | None, count: Decimal | int | None) -> Decimal | None:
    if cost is None or count is None or count == 0:
        return None
    return cost / Decimal(count)


def year_figures(years: Mapping[int, Sequence[Row]], year: int) -> list[Figures]:
    """Every indsats' figures in `year`, compared with the nearest earlier year on file."""
    earlier = [y for y in years if y < year]
    before = {r.indsats: r for r in years[max(earlier)]} if earlier else {}
    return [
        Figures(
            year,
            row,
            _per(row.udgift_kr, row.helaarspersoner),
            _per(row.udgift_kr, row.antal_boern),
            before.get(row.indsats),
        )
        for row in years.get(year, ())
    ]


def indsats_series(years: Mapping[int, Sequence[Row]], indsats: str) -> list[Figures]:
    """One indsats over every year on file, oldest first."""
    out: list[Figures] = []
    for year in sorted(years):
        out += [f for f in year_figures(years, year) if f.row.indsats == indsats]
    return out


def kategori_spending(
    years: Mapping[int, Sequence[Row]], kategori_of: Mapping[str, str]
) -> dict[str, dict[int, Decimal]]:
    """kategori -> year -> total udgift; an indsats without a kategori (or deleted since)
    counts under the empty kategori, so the totals add up to the whole."""
    out: dict[str, dict[int, Decimal]] = {}
    for year in sorted(years):
        for row in years[year]:
            per_year = out.setdefault(kategori_of.get(row.indsats, ""), {})
            per_year[year] = per_year.get(year, Decimal(0)) + (row.udgift_kr or Decimal(0))
    return out


@dataclass(frozen=True)
class Deviation:
    """A budget or expected count that differs from the latest actuals by more than allowed."""

    indsats: str
    what: str  # "budget_kr" or "forventet_antal"
    planned: int
    actual: Decimal | int
    aar: int
    pct: float


def deviations(
    planned: Mapping[str, tuple[int | None, int | None]],
    years: Mapping[int, Sequence[Row]],
    threshold: float,
) -> list[Deviation]:
    """`planned` is indsats -> (budget_kr, forventet_antal) from the frontmatter; each is set
    against the indsats' latest year on file."""
    latest: dict[str, tuple[int, Row]] = {}
    for year in sorted(years):
        for row in years[year]:
            latest[row.indsats] = (year, row)
    out: list[Deviation] = []
    for ident, (budget, antal) in sorted(planned.items()):
        if ident not in latest:
            continue
        year, row = latest[ident]
        for what, plan, actual in (
            ("budget_kr", budget, row.udgift_kr),
            ("forventet_antal", antal, row.antal_boern),
        ):
            if not plan or actual is None:  # 0 is the new indsats' "not set yet"
                continue
            pct = percent_change(actual, plan)
            if pct is not None and abs(pct) > threshold:
                out.append(Deviation(ident, what, plan, actual, year, pct))
    return out


def threshold_of(meta: Mapping[str, object]) -> float:
    """The kommune's threshold from serviceniveau.md's frontmatter, else the default."""
    value = meta.get(THRESHOLD_KEY)
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    return float(DEFAULT_THRESHOLD)
