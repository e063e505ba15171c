"""Text from files shown inert: control characters and bidi overrides never act on a terminal.

A titel or a field may hold an escape sequence (OSC 0 retitles the window, OSC 52 sets the
clipboard) or a bidi override that makes text read in another order than it is stored. Both
the CLI and the TUI show such text through these functions: each control character (not
newline or tab) becomes its symbol from Unicode's Control Pictures block (ESC becomes ␛), and
in the TUI each bidi override or isolate becomes U+FFFD.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CONTROL_OR_BIDI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x7F:
        return "\u2421"  # ␡
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"  # C1 controls and bidi controls have no pictures


def visible(text: str) -> str:
    """`text` with control characters (not newline or tab) replaced by visible symbols."""
    return CONTROL.sub(_picture, text)


def visible_all(text: str) -> str:
    """`visible`, and bidi overrides and isolates (U+202A–E, U+2066–9) replaced too."""
    return CONTROL_OR_BIDI.sub(_picture, text)
