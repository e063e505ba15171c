"""The datagrundlag at one revision with what the screens, exports and JSON need beside it:
titles, kategorier, the frontmatter budgets and the kommune's threshold."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sn_tui.domain.danish import rounded
from sn_tui.domain.datagrundlag.figures import (
    Deviation,
    Figures,
    deviations,
    kategori_spending,
    year_figures,
)
from sn_tui.domain.datagrundlag.table import Row


@dataclass(frozen=True)
class DatagrundlagView:
    """Everything the datagrundlag screen and `sn-tui datagrundlag` show at one revision."""

    years: dict[int, list[Row]]
    titles: dict[str, str]
    kategorier: dict[str, str]
    budgets: dict[str, tuple[int | None, int | None]]
    threshold: float

    def figures(self, year: int) -> list[Figures]:
        return year_figures(self.years, year)

    def latest_year(self) -> int | None:
        return max(self.years) if self.years else None

    def kategori_spending(self) -> dict[str, dict[int, Decimal]]:
        return kategori_spending(self.years, self.kategorier)

    def deviations(self) -> list[Deviation]:
        return deviations(self.budgets, self.years, self.threshold)

    def to_json(self, year: int | None = None) -> dict[str, Any]:
        shown = [year] if year is not None else sorted(self.years)
        return {
            "aar": {
                str(y): [
                    {**f.to_json(), "titel": self.titles.get(f.row.indsats, "")}
                    for f in self.figures(y)
                ]
                for y in shown
            },
            "kategorier": {
                k or "": {str(y): _json(v) for y, v in per.items()}
                for k, per in self.kategori_spending().items()
            },
            "afvigelser": [
                {
                    "indsats": d.indsats,
                    "hvad": d.what,
                    "planlagt": d.planned,
                    "faktisk": _json(d.actual),
                    "aar": d.aar,
                    "afvigelse_pct": float(rounded(d.pct, 1)),
                }
                for d in self.deviations()
            ],
            "graense_pct": self.threshold,
        }


def _json(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number
