"""`check`'s rules for the datagrundlag: an indsats' budget or expected count that differs from
its latest actual numbers by more than the kommune's threshold (serviceniveau.md frontmatter
`datagrundlag_afvigelse_pct`, default 20 %), and year files that name indsatser that do not
exist. Warnings: the numbers inform the political decision, they do not block adoption."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.danish import format_kr, format_number
from sn_tui.domain.datagrundlag.figures import deviations, threshold_of
from sn_tui.domain.datagrundlag.table import Row, parse_csv, year_of
from sn_tui.domain.document import Document, DocumentError
from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import SERVICENIVEAU_FILE


def datagrundlag_findings(
    files: Mapping[str, bytes], metas: Mapping[str, Mapping[str, Any]]
) -> list[Finding]:
    """`metas`: each readable indsats file's frontmatter by path, as the structural check
    parsed it (parsing 1,000 files again took ~200 ms)."""
    year_files = {year: data for path, data in files.items() if (year := year_of(path))}
    if not year_files:
        return []
    entries = [Indsats.from_parts(meta, {}, path) for path, meta in metas.items()]
    where = {e.id: e.path for e in entries}
    # Each indsats' latest year is what counts: older files are read only for indsatser the
    # newer ones lack (ten years of 1,000 rows took ~100 ms to parse on every check).
    years: dict[int, list[Row]] = {}
    wanted = set(where)
    for year in sorted(year_files, reverse=True):
        rows = parse_csv(year_files[year])
        years[year] = rows if not years else [r for r in rows if r.indsats in wanted]
        wanted -= {r.indsats for r in rows}
        if not wanted:
            break
    findings = _unknown(years, where)
    threshold = threshold_of(_meta(files.get(SERVICENIVEAU_FILE)))
    planned = {e.id: (e.budget_kr, e.forventet_antal) for e in entries}
    for d in deviations(planned, years, threshold):
        path = where[d.indsats]
        key = "budget_kr" if d.what == "budget_kr" else "forventet_antal"
        if d.what == "budget_kr":
            said = f"Budgettet {format_kr(d.planned)} afviger {abs(d.pct):.0f} % fra udgiften "
            said += f"{format_kr(float(d.actual))} i datagrundlaget for {d.aar}"
        else:
            said = f"Det forventede antal {format_number(d.planned)} afviger {abs(d.pct):.0f} % "
            said += f"fra {format_number(float(d.actual))} børn i datagrundlaget for {d.aar}"
        findings.append(
            Finding(
                path,
                _line_of(files[path], key),
                "warning",
                "datagrundlag-afvigelse",
                f"{said} (grænsen er {format_number(threshold)} %).",
                explanation=(
                    "Serviceniveauets økonomiske rammer bør bygge på datagrundlaget, så "
                    "politikerne kan se, hvad et niveau betyder for økonomien og borgerne."
                ),
            )
        )
    return findings


def _unknown(years: Mapping[int, list[Row]], indsatser: Mapping[str, str]) -> list[Finding]:
    latest = max(years)
    return [
        Finding(
            f"datagrundlag/{latest}.csv",
            line,
            "warning",
            "datagrundlag-ukendt",
            f"Indsatsen '{row.indsats}' findes ikke i serviceniveauet.",
        )
        for line, row in enumerate(years[latest], start=2)
        if row.indsats not in indsatser
    ]


def _meta(data: bytes | None) -> Mapping[str, object]:
    if data is None:
        return {}
    try:
        return Document.parse(data).meta
    except (DocumentError, ValueError):
        return {}


def _line_of(data: bytes, key: str) -> int:
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return number
    return 1
