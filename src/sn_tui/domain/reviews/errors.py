"""Errors of reviewing: refusals by the rules, an unknown round, a database that cannot be used.

Raised by the review database (`sn_tui.reviewdb`) and passed on by the review service; defined
here so a front end catches them (e.g. `CommentRequired`, to ask for a comment) without importing
the database package. Each carries one sentence for the user.
"""

from __future__ import annotations

from sn_tui.domain.errors import UserError


class ReviewError(UserError):
    """Base class: `str(error)` is a message fit to print as is."""


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

    def __init__(self, message: str, revision: str) -> None:
        super().__init__(message)
        self.revision = revision
