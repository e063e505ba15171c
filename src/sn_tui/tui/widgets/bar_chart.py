"""Horizontal bars drawn with Unicode block characters (eighths of a cell), one line per value:
`2024 ██████████▌      4.512.346 kr.`. Shape, not colour, carries the value, so the chart
reads the same with NO_COLOR, in tmux and at 80 columns.

textual-plotext 1.0.1 installs and runs with Textual 8.2.8 (tried with NO_COLOR at 80×10), but
its axis writes amounts in English (`14986000.2`, no kr.) and a three-year bar chart needs ten
rows; here each bar has its exact Danish amount beside it in one row per year."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL = "█"


def bar(value: float, largest: float, width: int) -> str:
    """`value` as a bar of at most `width` cells, scaled so `largest` fills them."""
    if largest <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    eighths = max(eighths, 1)  # a small value still shows that it is there
    whole, part = divmod(eighths, 8)
    return _FULL * whole + (_EIGHTHS[part] if part else "")


def bar_lines(rows: Sequence[tuple[str, float, str]], width: int) -> list[str]:
    """One line per (label, value, shown value): label, bar, then the value as written."""
    if not rows:
        return []
    label_width = max(cell_len(label) for label, _, _ in rows)
    shown_width = max(cell_len(shown) for _, _, shown in rows)
    room = max(4, width - label_width - shown_width - 3)
    largest = max(value for _, value, _ in rows)
    lines = []
    for label, value, shown in rows:
        drawn = bar(value, largest, room)
        pad = " " * (room - cell_len(drawn))
        lines.append(
            f"{label}{' ' * (label_width - cell_len(label))} {drawn}{pad} "
            f"{' ' * (shown_width - cell_len(shown))}{shown}"
        )
    return lines
