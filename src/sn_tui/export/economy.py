"""The datagrundlag in exports, as label/value rows the outline places: an indsats' latest
years in the whole document, spending per kategori over the years, and the økonomiske
konsekvenser of a comparison (budget and numbers before/after, per indsats and in total)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from sn_tui.domain.danish import sort_key
from sn_tui.domain.datagrundlag.figures import indsats_series, kategori_spending, percent_change
from sn_tui.domain.datagrundlag.numbers import shown_count, shown_kr, shown_whole
from sn_tui.domain.datagrundlag.table import Row
from sn_tui.domain.diff.types import Comparison
from sn_tui.domain.entry import Indsats
from sn_tui.export.common import format_percent
from sn_tui.i18n import t

Years = Mapping[int, Sequence[Row]]
Rows = tuple[tuple[str, str], ...]
SHOWN_YEARS = 3


def indsats_rows(years: Years, indsats_id: str) -> Rows:
    """`Datagrundlag 2025 | 55 børn, 44 helårspersoner, 4.400.000 kr. (…) · kilde` for the
    indsats' latest years, newest first."""
    out = []
    for f in reversed(indsats_series(years, indsats_id)[-SHOWN_YEARS:]):
        text = t(
            "datagrundlag.export.numbers",
            children=shown_whole(f.row.antal_boern),
            fte=shown_count(f.row.helaarspersoner),
            cost=shown_kr(f.row.udgift_kr),
            per_child=shown_kr(f.pris_pr_barn),
            per_fte=shown_kr(f.pris_pr_helaarsperson),
        )
        if f.row.kilde:
            text += f" · {t('datagrundlag.export.source', kilde=f.row.kilde)}"
        out.append((t("datagrundlag.export.year", aar=f.aar), text))
    return tuple(out)


def kategori_rows(years: Years, indsatser: Mapping[str, Indsats]) -> Rows:
    """Per kategori: `2023: 12.000.000 kr. · 2024: …`; a total row last."""
    spending = kategori_spending(years, {i: e.kategori for i, e in indsatser.items()})
    rows = [
        (
            kategori or t("datagrundlag.report.no_kategori"),
            " · ".join(f"{y}: {shown_kr(v)}" for y, v in sorted(per_year.items())),
        )
        for kategori, per_year in sorted(spending.items(), key=lambda kv: sort_key(kv[0]))
    ]
    totals = {
        y: sum((r.udgift_kr or Decimal(0) for r in rows_), Decimal(0)) for y, rows_ in years.items()
    }
    rows.append(
        (
            t("datagrundlag.export.total"),
            " · ".join(f"{y}: {shown_kr(v)}" for y, v in sorted(totals.items())),
        )
    )
    return tuple(rows)


def consequence_rows(comp: Comparison) -> Rows:
    """Økonomiske konsekvenser: each indsats whose budget or expected count changes (or which
    comes or goes), with its latest actual numbers; then the totals."""
    before = {i.id: i for i in (*comp.removed, *comp.unchanged)}
    before.update({c.id: c.before for c in comp.changed})
    after = {i.id: i for i in (*comp.added, *comp.unchanged)}
    after.update({c.id: c.after for c in comp.changed})
    rows = []
    for ident in sorted(
        before.keys() | after.keys(), key=lambda i: sort_key(_title(i, before, after))
    ):
        old, new = before.get(ident), after.get(ident)
        plan_old = (old.budget_kr, old.forventet_antal) if old else (None, None)
        plan_new = (new.budget_kr, new.forventet_antal) if new else (None, None)
        if plan_old == plan_new:
            continue
        parts = [
            t("datagrundlag.export.budget", change=_change(plan_old[0], plan_new[0], money=True)),
            t(
                "datagrundlag.export.expected",
                change=_change(plan_old[1], plan_new[1], money=False),
            ),
        ]
        latest = indsats_series(comp.datagrundlag_b or comp.datagrundlag_a, ident)
        if latest:
            f = latest[-1]
            parts.append(
                t(
                    "datagrundlag.export.actual",
                    aar=f.aar,
                    cost=shown_kr(f.row.udgift_kr),
                    children=shown_whole(f.row.antal_boern),
                )
            )
        rows.append((_title(ident, before, after), "; ".join(parts)))
    s = comp.summary
    total = [
        t(
            "datagrundlag.export.budget",
            change=_change(s.before.budget_kr, s.after.budget_kr, money=True),
        ),
        t(
            "datagrundlag.export.expected",
            change=_change(s.before.forventet_antal, s.after.forventet_antal, money=False),
        ),
    ]
    for label, years in (("a", comp.datagrundlag_a), ("b", comp.datagrundlag_b)):
        if years:
            year = max(years)
            cost = sum((r.udgift_kr or Decimal(0) for r in years[year]), Decimal(0))
            children = sum(r.antal_boern or 0 for r in years[year])
            total.append(
                t(
                    f"datagrundlag.export.total_{label}",
                    aar=year,
                    cost=shown_kr(cost),
                    children=shown_whole(children),
                )
            )
    rows.append((t("datagrundlag.export.total"), "; ".join(total)))
    return tuple(rows)


def _title(ident: str, before: Mapping[str, Indsats], after: Mapping[str, Indsats]) -> str:
    found = after.get(ident) or before.get(ident)
    return (found.titel if found else "") or ident


def _change(old: int | None, new: int | None, *, money: bool) -> str:
    shown = shown_kr if money else shown_whole
    if old == new:
        return shown(new)
    text = f"{shown(old)} → {shown(new)}"
    pct = percent_change(old, new)
    return f"{text} ({format_percent(pct)})" if pct is not None else text
