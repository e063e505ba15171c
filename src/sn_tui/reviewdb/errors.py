"""Errors of the review layer; each carries one Danish sentence for the user."""

from __future__ import annotations

from sn_tui.domain.errors import UserError


class ReviewError(UserError):
    """Base class: `str(error)` is a Danish message fit to print as is."""

    def __init__(self, message_da: str) -> None:
        super().__init__(message_da)
        self.message_da = message_da


class ReviewRefused(ReviewError):
    """The person may not do this (rights, a missing comment, a closed round)."""


class CommentRequired(ReviewRefused):
    """The verdict needs a comment and none was given (a front end may ask for one)."""


class RoundNotFound(ReviewError):
    """No review round has that id or name."""


class DatabaseUnavailable(ReviewError):
    """The database URL is not understood, or the database cannot be opened."""


class DatabaseTooNew(ReviewError):
    """The database's schema was written by a newer sn-tui than this one."""

    def __init__(self, message_da: str, revision: str) -> None:
        super().__init__(message_da)
        self.revision = revision
