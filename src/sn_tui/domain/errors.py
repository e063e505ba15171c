"""The base of every error that carries one sentence for the user.

The store (`RepoError`), the review database (`ReviewError`) and the use cases
(`sn_tui.services.errors`) each raise their own kinds; all of them are `UserError`, so a front
end shows `str(error)` as it is without knowing which layer raised it.
"""

from __future__ import annotations


class UserError(Exception):
    """`str(error)` is a sentence fit to show the user as it is."""
