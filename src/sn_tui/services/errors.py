"""The errors a use case raises: each carries one Danish sentence for the user.

They extend the store's `RepoError`, so a front end that shows a failure as one sentence
(`sn_tui.tui.errors`, the CLI's error handler) treats them alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sn_tui.store.repo import RepoError

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding


class ReadOnly(RepoError):
    """The login is not in adgang.yml (or lacks the role): it may read, not write."""


class NotFound(RepoError):
    """What was asked for (an indsats, a version, a person) is not there."""


class InvalidInput(RepoError):
    """What the user gave cannot be used: a bad id, date, value or path."""


class CheckFailed(InvalidInput):
    """Adoption refused: `check` reports errors; `errors` are those findings."""

    def __init__(self, errors: Sequence[Finding]) -> None:
        super().__init__(
            f"Serviceniveauet kan ikke vedtages, før de {len(errors)} fejl, "
            "som 'sn-tui check' viser, er rettet."
        )
        self.errors = list(errors)
