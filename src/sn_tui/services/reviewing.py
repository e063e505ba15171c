"""The review side of a session: `sn_tui.services.reviews.Reviews`, opened on first use.

The review database (and SQLAlchemy with it) is not opened or imported until something asks
for reviews: a command or a screen that only reads Git does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from sn_tui.services.reading import Reading

if TYPE_CHECKING:
    from sn_tui.services.reviews import Reviews
    from sn_tui.services.workspace import Workspace


class Reviewing(Reading):
    """A session with its reviews."""

    _reviews: Reviews | None = None

    @property
    def reviews(self) -> Reviews:
        """The review side (its database opens on first use)."""
        if self._reviews is None:
            from sn_tui.services.reviews import Reviews

            # `Reviews` is typed for the whole workspace, of which this is always a part.
            self._reviews = Reviews(cast("Workspace", self), self._db_url)
        return self._reviews

    def close(self) -> None:
        if self._reviews is not None:
            self._reviews.close()
        super().close()
