"""Legal and language checks on the text of a serviceniveau (issue 7). Pure: no Git, SQL, TUI.

    check_indsats(path, doc)         findings for one indsats file
    check_serviceniveau(path, doc)   findings for serviceniveau.md
    accepted_exceptions(path, doc)   the warnings an indsats' `undtagelser` accepted
    lix(text), lix_report(doc, fields), format_lix(score)
    CATEGORIES, category_of(code)    for `check --only`
    parse_references(text)           the legal references in a text

The rules' data (law tables, phrases, terms, allow-lists) are YAML files in `data/`.
"""

from sn_tui.domain.checks.legal.check import (
    Report,
    accepted_exceptions,
    check_indsats,
    check_serviceniveau,
    indsats_report,
    serviceniveau_report,
)
from sn_tui.domain.checks.legal.codes import CATEGORIES, CODES, category_of
from sn_tui.domain.checks.legal.exemptions import Accepted
from sn_tui.domain.checks.legal.readability import format_lix, lix, lix_report
from sn_tui.domain.checks.legal.references import Reference, parse_references

__all__ = [
    "CATEGORIES",
    "CODES",
    "Accepted",
    "Reference",
    "Report",
    "accepted_exceptions",
    "category_of",
    "check_indsats",
    "check_serviceniveau",
    "format_lix",
    "indsats_report",
    "lix",
    "lix_report",
    "parse_references",
    "serviceniveau_report",
]
