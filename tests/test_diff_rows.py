"""The terminal's layout of a comparison: each side of a side-by-side view is exactly that
version's text, and every change has a number that n/N can reach."""

from __future__ import annotations

from hypothesis import given, settings

from diff_strategies import Structure, edited, indsats
from sn_tui.domain.diff.compare import diff_indsats
from sn_tui.tui.presenters.diff_rows import EntryDiff, Side, TextRow, layout


def side_text(rows: list[TextRow], side: Side) -> str:
    paragraphs = ["".join(p.span.text for p in row.side(side)) for row in rows]
    return "\n\n".join(p for p in paragraphs if p)


@settings(max_examples=200, deadline=None)
@given(edited())
def test_each_side_is_that_versions_text(case: tuple[Structure, Structure, list[bool]]) -> None:
    before, after, bullets = case
    a, b = indsats(before, bullets), indsats(after, bullets)
    change = diff_indsats(a, b)
    if change is None:
        return
    entry = EntryDiff("x", "changed", "X", "K", change.meta, change.fields)
    result = layout(entry)
    numbers: list[int] = []
    for section in result.sections:
        assert section.name is not None
        rows = [r for r in section.rows if isinstance(r, TextRow)]
        assert side_text(rows, "a") == a.fields[section.name]
        assert side_text(rows, "b") == b.fields[section.name]
        numbers += [n for row in rows for n in row.changes]
    assert numbers == list(range(result.count))  # numbered in reading order, none skipped
