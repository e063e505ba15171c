"""Personal data is never committed by accident: the rule every save and import applies.

A text that a save would add personal data to (a finding of the `persondata` category with
severity error: a CPR number, a private e-mail, a personal phone number, whatever the rules
count as such) is refused with `PersonalDataFound`, which names each finding. Saving it anyway
takes a separate, explicit choice (the CLI's `--force`, the TUI's confirm dialog), passed as
`force=True`. Findings already in the saved version are not asked about again: that save does
not add them to Git.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding

CATEGORY = "persondata"


class PersonalDataFound(InvalidInput):
    """Not saved: the text adds personal data; `findings` are those errors, in file order."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(t("guard.personal_data_refused", found=describe(findings)))
        self.findings = findings


def describe(findings: list[Finding]) -> str:
    """The findings as one enumeration: "Formål: Teksten indeholder et CPR-nummer; …"."""
    return "; ".join(_one(f).rstrip(".") for f in findings)


def describe_lines(findings: list[Finding]) -> str:
    """The findings one to a line, for a dialog."""
    return "\n".join(f"• {_one(f)}" for f in findings)


def _one(finding: Finding) -> str:
    return f"{finding.field or finding.path}: {finding.message}"


def personal_data_errors(path: str, data: bytes | None) -> list[Finding]:
    """The personal-data errors in one file's text (none for a file that is not there)."""
    from sn_tui.domain.checks.legal import category_of
    from sn_tui.domain.checks.runner import check_file

    if data is None:
        return []
    report = check_file(path, data, None)
    return [f for f in report.findings if f.severity == "error" and category_of(f.code) == CATEGORY]


def added_personal_data(path: str, old: bytes | None, new: bytes | None) -> list[Finding]:
    """The personal-data errors in `new` that `old` (the saved version) does not have."""
    before = Counter((f.code, f.field, f.message) for f in personal_data_errors(path, old))
    added = []
    for finding in personal_data_errors(path, new):
        key = (finding.code, finding.field, finding.message)
        if before[key]:
            before[key] -= 1
        else:
            added.append(finding)
    return added


def refuse_personal_data(
    changes: Mapping[str, tuple[bytes | None, bytes | None]], *, force: bool = False
) -> None:
    """Raise `PersonalDataFound` if any file (path -> (saved, new)) gains personal data,
    unless `force`: the user has confirmed saving exactly that."""
    if force:
        return
    found = [f for path, (old, new) in changes.items() for f in added_personal_data(path, old, new)]
    if found:
        raise PersonalDataFound(found)
