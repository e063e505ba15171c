"""Text from files is shown as text: control characters and bidi overrides never reach the
terminal.

A file may hold an escape sequence ("\\x1b[31m"), a bidi override (U+202E) or something that
looks like Rich markup ("[bold]"). Widgets get such text as `Content` (never parsed as markup),
and a line filter on the whole app replaces every control character or bidi override that is
still in a rendered line (titles, fields as typed in their editors) with a visible symbol
(`sn_tui.domain.inert`, shared with the CLI: ESC becomes ␛).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter

from sn_tui.domain.inert import CONTROL_OR_BIDI
from sn_tui.domain.inert import visible_all as visible

__all__ = ["ShowControlCharacters", "plain", "visible"]


def plain(text: str) -> Content:
    """Content that shows `text` literally: no markup, no control characters."""
    return Content(visible(text))


class ShowControlCharacters(LineFilter):
    """Replace control characters left in rendered lines, keeping the line's width.

    A control character takes no cell but its picture takes one, so the line grows; the extra
    cells come out of the blank padding after it (else the line is cut at its end).
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(
            CONTROL_OR_BIDI.search(text) for text, _style, control in segments if not control
        ):
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
