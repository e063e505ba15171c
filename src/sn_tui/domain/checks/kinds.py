"""The stable kind of every finding: what CI gates, dashboards and evaluations select on.

A rule's code may be split or renamed; its kind stays. The list and its meaning are documented
in docs/check-kinds.md, and a test keeps every known code mapped to one of them.
"""

from __future__ import annotations

from typing import Final

KINDS: Final[tuple[str, ...]] = (
    "forældet-henvisning",
    "forældet-term",
    "minimumskriterie",
    "automatik",
    "manglende-individuel-vurdering",
    "persondata",
    "tomt-felt",
    "pladsholder",
    "lix",
    "format",
)

_ACCEPTED = "-accepted"

# Codes whose kind is not "format" (the kind of every structural and exception problem).
_BY_CODE: Final[dict[str, str]] = {
    "field-empty": "tomt-felt",
    "lovhjemmel-empty": "tomt-felt",
    "lovhjemmel-content-missing": "tomt-felt",
    "lovhjemmel-no-reference": "forældet-henvisning",
    "lovhjemmel-unknown": "forældet-henvisning",
    "lovhjemmel-repealed": "forældet-henvisning",
    "lovhjemmel-rule-changed": "forældet-henvisning",
    "termer-serviceloven": "forældet-henvisning",
    "termer-outdated": "forældet-term",
    "lovhjemmel-content-placeholder": "pladsholder",
    "skabelon-pladsholder": "pladsholder",
    "vurdering-phrase": "minimumskriterie",
    "vurdering-automatik": "automatik",
    "vurdering-missing": "manglende-individuel-vurdering",
    "vurdering-maalestok": "manglende-individuel-vurdering",
    "vurdering-individuel": "manglende-individuel-vurdering",
    "persondata-cpr": "persondata",
    "persondata-email": "persondata",
    "persondata-phone": "persondata",
    "lix-high": "lix",
}


def kind_of(code: str) -> str:
    """The kind of a finding's code; an accepted warning keeps the kind of its rule."""
    base = code.removesuffix(_ACCEPTED)
    return _BY_CODE.get(base, "format")


def mapped_codes() -> frozenset[str]:
    """The codes with a kind of their own (for the test that keeps the table complete)."""
    return frozenset(_BY_CODE)
