"""One line for a screen's status: the files it leaves out because they could not be read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.domain.unreadable import Unreadable


def left_out_line(problems: Sequence[Unreadable]) -> str:
    """The first file with its line and why, and how many there are; "" if none."""
    if not problems:
        return ""
    first = problems[0]
    return t(
        "badfiles.status",
        count=len(problems),
        path=first.path,
        line=first.line,
        reason=first.message,
    )
