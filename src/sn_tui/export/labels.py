"""Every word the exports show a reader, in Danish, in one place.

Keys are stable; values are `str.format` templates. Kept apart from the renderers so the words
can move into the program's shared catalogue (and gain an English twin) without touching them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

LABELS: Final[Mapping[str, str]] = {
    # comparison: headings and summary
    "comparison-title": "Sammenligning af {a} og {b}",
    "version-a": "Version A (før)",
    "version-b": "Version B (efter)",
    "summary": "Resumé",
    "moved": "Flyttet",
    "count-added": "Tilføjede indsatser",
    "count-removed": "Fjernede indsatser",
    "count-changed": "Ændrede indsatser",
    "count-unchanged": "Uændrede indsatser",
    "total-budget": "Økonomi i alt",
    "total-antal": "Forventet antal børn og unge i alt",
    "document-changes": "Forord og principper",
    "changed-indsatser": "Ændrede indsatser",
    "added-indsatser": "Tilføjede indsatser",
    "removed-indsatser": "Fjernede indsatser",
    "no-changes": "Ingen forskelle mellem de to versioner.",
    "file-moved": "Filen er flyttet fra {before} til {after}",
    "legend": "Tegnforklaring",
    "legend-insert": "tilføjet tekst",
    "legend-delete": "slettet tekst",
    "legend-move": "flyttet afsnit",
    "docx-legend": (
        "Ændringerne er registreret som sporede ændringer, som kan godkendes eller afvises "
        "i Word. Flyttede afsnit er slettet det gamle sted og indsat det nye, med en kommentar."
    ),
    # moves
    "moved-to-note": "Flyttet herfra til {section}, afsnit {paragraph}",
    "moved-from-note": "Flyttet hertil fra {section}, afsnit {paragraph}",
    # frontmatter values
    "meta-added": "tilføjet: {value}",
    "meta-removed": "fjernet (var: {value})",
    "items-added": "tilføjet: {items}",
    "items-removed": "fjernet: {items}",
    "meta.titel": "Titel",
    "meta.kategori": "Kategori",
    "meta.faggrupper": "Faggrupper",
    "meta.økonomi.budget_kr": "Budget",
    "meta.økonomi.forventet_antal": "Forventet antal",
    "meta.kommune": "Kommune",
    "empty": "(tom)",
    "yes": "ja",
    "no": "nej",
    # versions
    "adopted-on": "vedtaget {date}",
    "adopted-by-committee": "{udvalg}, dagsordenpunkt {punkt}",
    "meeting-on": "møde {date}",
    "in-force-from": "i kraft fra {date}",
    "not-adopted": "ikke vedtaget",
    "committed-on": "seneste ændring {date}",
    # document export
    "document-title": "Serviceniveau for børn og unge med særlige behov",
    "version": "Version",
    "indsatser": "Indsatser",
    "no-kategori": "Uden kategori",
    "field": "Felt",
    "description": "Beskrivelse",
    "economy": "Økonomisk ramme",
    "economy-line": "{budget} til forventet {antal} børn og unge",
    "economy-per-child": "{amount} pr. barn",
    # errors
    "unknown-format": "Ukendt format: {fmt}. Vælg mellem {choices}.",
}


def label(key: str, **values: object) -> str:
    """The Danish text for `key`, with `values` filled in."""
    return LABELS[key].format(**values)
