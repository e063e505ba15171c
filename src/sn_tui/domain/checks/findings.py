"""A problem found in the content: where it is, how bad, and what to say to the user (Danish)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from sn_tui.domain.checks.kinds import kind_of

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem; `path:line: message` is how `check` prints it. Slotted: a check of a large
    repository holds thousands of them."""

    path: str
    line: int
    severity: Severity
    code: str  # stable rule id, e.g. "yaml", "section-missing", "lovhjemmel-unknown"
    message: str  # one Danish sentence
    field: str | None = None  # the indsats field it concerns, where there is one
    explanation: str | None = None  # why it matters (Danish)
    suggestion: str | None = None  # a suggested wording (Danish)

    def format(self) -> str:
        label = "fejl" if self.severity == "error" else "advarsel"
        return f"{self.path}:{self.line}: {label}: {self.message}"

    @property
    def kind(self) -> str:
        """The stable kind (docs/check-kinds.md), whatever the rule's code is."""
        return kind_of(self.code)

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if v is not None}
        data["kind"] = self.kind
        return data


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
