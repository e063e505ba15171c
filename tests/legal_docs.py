"""Builders for the documents the legal-check tests read (indsats files and serviceniveau.md)."""

from __future__ import annotations

import re

from sn_tui.domain.document import Document
from sn_tui.domain.fields import FIELDS

GOOD_FIELDS: dict[str, str] = {
    "Formål": "Indsatsen skal give barnet en fast voksen at tale med. Målet er, at barnet trives.",
    "Indhold": "Kontaktpersonen mødes med barnet og hjælper med skole og fritid.",
    "Målgruppe/tildelingskriterier": "Børn og unge, der har brug for en fast voksen.",
    "Omfang/varighed": "Typisk 2 til 4 timer om ugen i op til et år.",
    "Tildeling": "Rådgiveren træffer afgørelse efter en konkret og individuel vurdering.",
    "Levering af ydelsen": "Kommunens egne kontaktpersoner leverer indsatsen.",
    "Kvalitetskrav til leverandør": "Kontaktpersonen har en relevant uddannelse.",
    "Lovhjemmel": "§ 32, stk. 1, nr. 3, i barnets lov.",
}


def indsats_text(fields: dict[str, str] | None = None, *, meta: str = "") -> str:
    """An indsats file: frontmatter (plus `meta` lines) and the eight fields in order.

    `fields` overrides the good default text of the fields it names.
    """
    values = {**GOOD_FIELDS, **(fields or {})}
    head = (
        "---\nid: kontaktperson\ntitel: Fast kontaktperson\nkategori: Støttende indsatser\n"
        "faggrupper: [myndighed]\nøkonomi:\n  budget_kr: 100000\n  forventet_antal: 10\n"
        f"{meta}---\n"
    )
    body = "".join(f"\n## {name}\n\n{values[name]}\n" for name in FIELDS)
    return head + body


def indsats(fields: dict[str, str] | None = None, *, meta: str = "") -> Document:
    return Document.parse(indsats_text(fields, meta=meta))


def serviceniveau(forord: str, principper: str) -> Document:
    return Document.parse(
        "---\nkommune: Testrup Kommune\ntitel: Serviceniveau\n---\n\n"
        f"## Forord\n\n{forord}\n\n## Principper for indsatsen\n\n{principper}\n"
    )


def line_of(text: str, needle: str) -> int:
    """The 1-based line where `needle` first occurs in `text`, counted independently."""
    return text[: text.index(needle)].count("\n") + 1


_TEMPLATE_PLACEHOLDER = re.compile(r"\[[^\]\n]+\]")


def fill_placeholders(serviceniveau: str) -> str:
    """serviceniveau.md from `sn-tui init` with its placeholders written, as a kommune would."""
    return _TEMPLATE_PLACEHOLDER.sub(
        "Kommunalbestyrelsen beskriver her, hvordan kommunen hjælper børn og familier.",
        serviceniveau,
    )
