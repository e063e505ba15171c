"""One commit of the content repository as its history shows it to people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CommitInfo:
    """One commit as history shows it."""

    commit: str
    author: str
    email: str
    date: dt.datetime
    subject: str
    body: str = ""
