"""Text from files is shown as text: control characters never reach the terminal.

A file may hold an escape sequence ("\\x1b[31m") or something that looks like Rich markup
("[bold]"). Widgets get such text as `Content` (never parsed as markup), and a line filter on
the whole app replaces every control character that is still in a rendered line with its
visible symbol from Unicode's Control Pictures block (ESC becomes ␛).
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x7F:
        return "\u2421"  # ␡
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"  # C1 controls have no pictures


def visible(text: str) -> str:
    """`text` with control characters (not newline or tab) replaced by visible symbols."""
    return _CONTROL.sub(_picture, text)


def plain(text: str) -> Content:
    """Content that shows `text` literally: no markup, no control characters."""
    return Content(visible(text))


class ShowControlCharacters(LineFilter):
    """Replace control characters left in rendered lines, keeping the line's width.

    A control character takes no cell but its picture takes one, so the line grows; the extra
    cells come out of the blank padding after it (else the line is cut at its end).
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_CONTROL.search(text) for text, _style, control in segments if not control):
            return segments
        width = sum(cell_len(text) for text, _s, control in segments if not control)
        out: list[Segment] = []
        extra = 0
        for text, style, control in segments:
            if control:
                out.append(Segment(text, style, control))
                continue
            shown = visible(text)
            extra += cell_len(shown) - cell_len(text)
            if extra > 0 and shown == text:  # blank padding after a replacement
                kept = shown.rstrip(" ")
                trim = min(extra, len(shown) - len(kept))
                shown = shown[: len(shown) - trim]
                extra -= trim
            out.append(Segment(shown, style))
        if extra > 0:
            return list(Segment.adjust_line_length(out, width))
        return out
