"""`check`'s rules for the datagrundlag: an indsats' budget or expected count that differs from
its latest actual numbers by more than the kommune's threshold (serviceniveau.md frontmatter
`datagrundlag_afvigelse_pct`, default 20 %), and year files that name indsatser that do not
exist. Warnings: the numbers inform the political decision, they do not block adoption."""

from __future__ import annotations

from collections.abc import Mapping

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.danish import format_kr, format_number
from sn_tui.domain.datagrundlag.figures import deviations, threshold_of
from sn_tui.domain.datagrundlag.table import Row, parse_csv, year_of
from sn_tui.domain.document import Document, DocumentError
from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import INDSATS_DIR, SERVICENIVEAU_FILE


def datagrundlag_findings(files: Mapping[str, bytes]) -> list[Finding]:
    years: dict[int, list[Row]] = {}
    for path, data in files.items():
        year = year_of(path)
        if year is not None:
            years[year] = parse_csv(data)
    if not years:
        return []
    indsatser: dict[str, tuple[str, Indsats]] = {}
    for path, data in files.items():
        if path.startswith(f"{INDSATS_DIR}/") and path.endswith(".md"):
            try:
                entry = Indsats.parse(data, path)
            except (DocumentError, ValueError):
                continue  # the structural check reports it
            indsatser[entry.id] = (path, entry)
    findings = _unknown(years, indsatser)
    threshold = threshold_of(_meta(files.get(SERVICENIVEAU_FILE)))
    planned = {i: (e.budget_kr, e.forventet_antal) for i, (_, e) in indsatser.items()}
    for d in deviations(planned, years, threshold):
        path, entry = indsatser[d.indsats]
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


def _unknown(
    years: Mapping[int, list[Row]], indsatser: Mapping[str, tuple[str, Indsats]]
) -> list[Finding]:
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
