"""The diff of a text's sections (the fields of an indsats, the sections of serviceniveau.md)
as one text: cut into paragraph units, moved units found across sections, the rest diffed word
by word."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from sn_tui.domain.diff.moves import Moves, find_moves
from sn_tui.domain.diff.types import FieldChange, Op
from sn_tui.domain.diff.units import SectionPlan
from sn_tui.domain.diff.words import normalise, word_diff


def section_diff(
    names: Sequence[str], a: Mapping[str, str], b: Mapping[str, str]
) -> list[FieldChange]:
    """Diff the named sections of one text as a whole, so paragraphs may move between them."""
    plans = [
        SectionPlan.make(name, a.get(name, ""), b.get(name, ""))
        for name in names
        if a.get(name, "") != b.get(name, "")
    ]
    moves = find_moves(plans)
    return [
        FieldChange(plan.name, plan.a, plan.b, tuple(_assemble(p, plan, moves)))
        for p, plan in enumerate(plans)
    ]


def section_names(order: Sequence[str], *texts: Mapping[str, str]) -> list[str]:
    """`order`, then any other section names found in `texts`, first seen first."""
    extra = [name for text in texts for name in text if name not in order]
    return [*order, *dict.fromkeys(extra)]


def _assemble(p: int, plan: SectionPlan, moves: Moves) -> list[Op]:
    """The ops of section `p`, block by block, with moved units as moved-from/moved-to."""

    def moved_from(unit: int) -> Op | None:
        ref = moves.sources.get((p, unit))
        return None if ref is None else Op("moved-from", plan.units_a[unit], ref)

    def moved_to(unit: int) -> Op | None:
        target = moves.targets.get((p, unit))
        if target is None:
            return None
        return Op("moved-to", plan.units_b[unit], target[0], target[1])

    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in plan.opcodes:
        if tag == "equal":
            ops.append(Op("equal", "".join(plan.units_a[i1:i2])))
        else:
            a_parts = _parts(plan.units_a, i1, i2, moved_from)
            b_parts = _parts(plan.units_b, j1, j2, moved_to)
            ops.extend(_merge(a_parts, b_parts))
    return normalise(ops)


def _parts(
    units: Sequence[str], lo: int, hi: int, moved: Callable[[int], Op | None]
) -> list[str | Op]:
    """Units lo..hi as runs of plain text, with moved units standing alone as ops."""
    parts: list[str | Op] = []
    for unit in range(lo, hi):
        op = moved(unit)
        if op is not None:
            parts.append(op)
        elif parts and isinstance(parts[-1], str):
            parts[-1] += units[unit]
        else:
            parts.append(units[unit])
    return parts


def _merge(a_parts: list[str | Op], b_parts: list[str | Op]) -> list[Op]:
    """Interleave both sides of a changed block, keeping each side's order."""
    ops: list[Op] = []
    i = j = 0
    while i < len(a_parts) or j < len(b_parts):
        pa = a_parts[i] if i < len(a_parts) else None
        pb = b_parts[j] if j < len(b_parts) else None
        if isinstance(pa, Op):
            ops.append(pa)
            i += 1
        elif isinstance(pb, Op):
            ops.append(pb)
            j += 1
        else:
            ops.extend(word_diff(pa or "", pb or ""))
            i += pa is not None
            j += pb is not None
    return ops
