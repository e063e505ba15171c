"""The stable codes of the legal and language findings, and the category each belongs to.

A code is "<category>-<rule>". The categories are what `sn-tui check --only` selects. Beside
its code, every finding has a stable kind (checks/kinds.py, docs/check-kinds.md).
Codes starting with "undtagelse-" concern the accepted exceptions in an indsats' frontmatter
themselves (rule 7); they belong to no category and should be shown whatever `--only` says.
"""

from __future__ import annotations

from typing import Final

from sn_tui.domain.checks.findings import Severity

CATEGORIES: Final[tuple[str, ...]] = (
    "lovhjemmel",
    "vurdering",
    "termer",
    "persondata",
    "skabelon",
    "lix",
)
EXCEPTIONS: Final = "undtagelse"

# Every code, with the severities it can have.
CODES: Final[dict[str, tuple[Severity, ...]]] = {
    "lovhjemmel-empty": ("error",),  # the Lovhjemmel field is empty or missing
    "lovhjemmel-no-reference": ("warning",),  # Lovhjemmel names no § at all
    "lovhjemmel-unknown": ("error",),  # a barnets lov provision the table does not have
    "lovhjemmel-repealed": ("error",),  # a serviceloven provision barnets lov replaced
    "lovhjemmel-content-missing": ("error",),  # § 32/46/47 indsats without Formål/Omfang
    "lovhjemmel-content-placeholder": ("error",),  # … or with "[tekst]", "XX", "TBD" there
    "vurdering-missing": ("error",),  # serviceniveau.md never says "konkret og individuel"
    "lovhjemmel-rule-changed": ("warning",),  # a serviceloven rule barnets lov changed
    "vurdering-phrase": ("warning",),  # a condition, cap, exclusion, waiting list, payment
    "vurdering-automatik": ("warning",),  # a consequence that follows automatically
    "vurdering-maalestok": ("warning",),  # the serviceniveau made the yardstick
    "vurdering-individuel": ("warning",),  # an indsats sets limits, never says vejledende
    "termer-outdated": ("error", "warning"),  # handleplan, efterværn / aflastning, foranstaltning
    "termer-serviceloven": ("warning",),  # serviceloven named where barnets lov applies
    "persondata-cpr": ("error",),
    "persondata-email": ("error",),
    "persondata-phone": ("warning",),  # the kommune's own numbers are allowed
    "skabelon-pladsholder": ("error",),  # "[tekst]", "XX Kommune", "______" left from a template
    "lix-high": ("warning",),  # LIX above 55 in a field or in the whole indsats
    "undtagelse-invalid": ("error",),  # an exception entry that cannot be read
    "undtagelse-no-reason": ("error",),  # an exception without a begrundelse
    "undtagelse-unknown-rule": ("error",),  # regel is not one of these codes
    "undtagelse-error-rule": ("error",),  # regel names a rule that is always an error
    "undtagelse-unused": ("warning",),  # nothing matched the exception: the text changed
}

ACCEPTED_SUFFIX: Final = "-accepted"


def category_of(code: str) -> str:
    """The category of a finding's code: its part before the first '-'."""
    return code.split("-", 1)[0]


def acceptable(code: str) -> bool:
    """Whether an exception may accept findings with this code (warnings only, not exceptions)."""
    return category_of(code) in CATEGORIES and "warning" in CODES.get(code, ())
