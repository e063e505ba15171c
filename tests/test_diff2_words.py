"""The word diff finds the common start and end on the characters before cutting tokens: what a
reader sees changed is still whole words and numbers, as when the whole text was cut."""

from __future__ import annotations

import pytest

from sn_tui.domain.diff.words import word_diff

CASES = [
    (  # a number is one token: changed as a whole, though "12," is common
        "Budget 12,5 mio. kr.",
        "Budget 12,75 mio. kr.",
        [("equal", "Budget "), ("delete", "12,5"), ("insert", "12,75"), ("equal", " mio. kr.")],
    ),
    (
        "Tilbuddet gives.",
        "Tilbuddet gives hver uge.",
        [("equal", "Tilbuddet gives"), ("insert", " hver uge"), ("equal", ".")],
    ),
    ("x y", "x y y", [("equal", "x y"), ("insert", " y")]),  # the common end is not forced
    ("1.2.3 og 4", "1.2.4 og 4", [("delete", "1.2.3"), ("insert", "1.2.4"), ("equal", " og 4")]),
    ("a  b", "a b", [("equal", "a"), ("delete", "  "), ("insert", " "), ("equal", "b")]),
    ("", "ny tekst", [("insert", "ny tekst")]),
    ("samme", "samme", [("equal", "samme")]),
]


@pytest.mark.parametrize(("a", "b", "ops"), CASES)
def test_changes_are_whole_tokens(a: str, b: str, ops: list[tuple[str, str]]) -> None:
    assert [(op.kind, op.text) for op in word_diff(a, b)] == ops
