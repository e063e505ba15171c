"""The kinds of failure a front end tells apart, whichever layer raised them.

The store (`RepoError`), the review database (`ReviewError`) and the use cases
(`sn_tui.services.errors`) each raise their own classes; they derive from these, so the TUI and
the CLI handle a failure without importing the layer that raised it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sn_tui.domain.merge import FieldConflict


class UserError(Exception):
    """`str(error)` is a sentence fit to show the user as it is."""


class FieldsConflict(UserError):
    """Someone else changed the same fields meanwhile; nothing was written. Carries each
    conflicting field's base, mine and theirs, and the commit that holds theirs."""

    def __init__(
        self,
        message: str,
        path: str,
        conflicts: Sequence[FieldConflict],
        theirs_commit: str | None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.conflicts = list(conflicts)
        self.theirs_commit = theirs_commit


class ToolFailure(RuntimeError):
    """A program sn-tui runs (git) failed; what it said is for the log, not for the user."""
