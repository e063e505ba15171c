"""The review database's clock: every stored moment is an aware UTC datetime taken here."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
