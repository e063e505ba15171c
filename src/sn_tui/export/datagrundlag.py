"""The datagrundlag as lines of text: the year's table, spending per kategori over the years
and the budgets that differ from the latest numbers. Used by `sn-tui datagrundlag`."""

from __future__ import annotations

from decimal import Decimal

from sn_tui.domain.danish import format_number, sort_key
from sn_tui.domain.datagrundlag.numbers import shown_count, shown_kr, shown_whole
from sn_tui.domain.datagrundlag.view import DatagrundlagView
from sn_tui.export.common import format_percent
from sn_tui.i18n import t


def year_lines(view: DatagrundlagView, year: int) -> list[str]:
    figures = sorted(
        view.figures(year), key=lambda f: sort_key(view.titles.get(f.row.indsats, f.row.indsats))
    )
    lines = [t("datagrundlag.report.header", aar=year), t("datagrundlag.report.columns")]
    for f in figures:
        name = view.titles.get(f.row.indsats) or f.row.indsats
        lines.append(
            " | ".join(
                [
                    name,
                    shown_whole(f.row.antal_boern),
                    shown_count(f.row.helaarspersoner),
                    shown_kr(f.row.udgift_kr),
                    shown_kr(f.pris_pr_helaarsperson),
                    shown_kr(f.pris_pr_barn),
                    format_percent(f.change("udgift_kr")) or "–",
                ]
            )
        )
    children = sum(f.row.antal_boern or 0 for f in figures)
    cost = sum((f.row.udgift_kr or Decimal(0) for f in figures), Decimal(0))
    lines.append(
        t("datagrundlag.report.total", children=shown_whole(children), cost=shown_kr(cost))
    )
    return lines


def kategori_lines(view: DatagrundlagView) -> list[str]:
    spending = view.kategori_spending()
    if not spending:
        return []
    lines = [t("datagrundlag.report.kategori_header")]
    for kategori in sorted(spending, key=sort_key):
        per_year = spending[kategori]
        shown = ", ".join(f"{y}: {shown_kr(v)}" for y, v in sorted(per_year.items()))
        lines.append(f"{kategori or t('datagrundlag.report.no_kategori')}: {shown}")
    return lines


def deviation_lines(view: DatagrundlagView) -> list[str]:
    found = view.deviations()
    if not found:
        return []
    threshold = format_number(view.threshold)
    lines = [t("datagrundlag.report.deviations_header", threshold=threshold)]
    for d in found:
        money = d.what == "budget_kr"
        lines.append(
            t(
                "datagrundlag.report.deviation_budget"
                if money
                else "datagrundlag.report.deviation_antal",
                indsats=view.titles.get(d.indsats) or d.indsats,
                planned=shown_kr(d.planned) if money else shown_whole(d.planned),
                actual=shown_kr(d.actual) if money else shown_whole(d.actual),
                aar=d.aar,
                pct=format_percent(d.pct).removesuffix(" %"),
            )
        )
    return lines


def report_lines(view: DatagrundlagView, year: int | None) -> list[str]:
    """`sn-tui datagrundlag`: the chosen year (or every year), then kategorier and deviations."""
    years = [year] if year is not None else sorted(view.years)
    lines: list[str] = []
    for shown in years:
        lines += [*year_lines(view, shown), ""]
    return lines + kategori_lines(view) + [""] + deviation_lines(view)
