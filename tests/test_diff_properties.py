"""Property: for any edits, applying the reported changes to A gives B, field by field."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diff_strategies import PARAGRAPH, Structure, edited, indsats
from sn_tui.domain.diff.compare import field_diff
from sn_tui.domain.diff.types import Op, text_a, text_b
from sn_tui.domain.fields import FIELDS


def moves(ops: tuple[Op, ...], kind: str) -> dict[int, Op]:
    return {op.move.id: op for op in ops if op.kind == kind and op.move is not None}


@settings(max_examples=300, deadline=None)
@given(edited())
def test_reported_changes_turn_a_into_b(case: tuple[Structure, Structure, list[bool]]) -> None:
    before, after, bullets = case
    a, b = indsats(before, bullets), indsats(after, bullets)
    changes = {c.name: c for c in field_diff(a, b)}
    sources: dict[int, tuple[str, Op]] = {}
    targets: dict[int, tuple[str, Op]] = {}
    for name in FIELDS:
        if a.fields[name] == b.fields[name]:
            assert name not in changes
            continue
        change = changes[name]
        assert text_a(change.ops) == a.fields[name]
        assert text_b(change.ops) == b.fields[name]
        assert all(op.text for op in change.ops)
        sources |= {i: (name, op) for i, op in moves(change.ops, "moved-from").items()}
        targets |= {i: (name, op) for i, op in moves(change.ops, "moved-to").items()}
    # every move has two ends that point at each other, and its edits lead from one to the other
    assert sources.keys() == targets.keys()
    for move_id, (src_field, src) in sources.items():
        dst_field, dst = targets[move_id]
        assert src.move is not None and dst.move is not None
        assert (src.move.section, dst.move.section) == (dst_field, src_field)
        if dst.changes:
            assert text_a(dst.changes) == src.text
            assert text_b(dst.changes) == dst.text
        else:
            assert src.text == dst.text


@settings(max_examples=100, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5), st.integers(1, len(FIELDS) - 1), st.data())
def test_a_unique_paragraph_moved_to_another_field_is_reported_as_moved(
    paragraphs: list[list[str]], target: int, data: st.DataObject
) -> None:
    marked = [[f"afsnit{k}", *words] for k, words in enumerate(paragraphs)]
    before: Structure = [marked, *[[] for _ in FIELDS[1:]]]
    after: Structure = [[list(p) for p in field] for field in before]
    moved = after[0].pop(data.draw(st.integers(0, len(marked) - 1)))
    after[target].insert(data.draw(st.integers(0, len(after[target]))), moved)
    plain = [False] * len(FIELDS)
    a, b = indsats(before, plain), indsats(after, plain)
    arrived = [op for c in field_diff(a, b) for op in c.ops if op.kind == "moved-to"]
    assert [op.text for op in arrived] == [" ".join(moved)]
