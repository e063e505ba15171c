"""Paragraphs that moved: units that vanished in one place and reappear, identical or nearly
so, in another place of the same field or of another field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from typing import Literal

from sn_tui.domain.diff.types import MoveRef, Op
from sn_tui.domain.diff.units import SectionPlan
from sn_tui.domain.diff.words import WORD, WORD_TOKEN, word_diff

# A paragraph counts as moved when its words are at least this similar to the one that vanished.
MOVE_SIMILARITY = 0.8
# Near (not identical) matches need this many words; shorter paragraphs must match exactly.
MOVE_MIN_WORDS = 4


@dataclass(frozen=True)
class _Candidate:
    plan: int
    block: int  # index of the opcode it sits in
    unit: int
    text: str

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Its words, for the similarity of near-identical paragraphs (only asked for then)."""
        return tuple(WORD_TOKEN.findall(self.text))


@dataclass
class Moves:
    """Both ends of every move, by (section, unit) in the sections' plans."""

    sources: dict[tuple[int, int], MoveRef]  # (plan, unit in A) -> where it went
    targets: dict[tuple[int, int], tuple[MoveRef, tuple[Op, ...]]]  # (plan, unit in B) -> source


def _candidates(plans: Sequence[SectionPlan], side: Literal["a", "b"]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for p, plan in enumerate(plans):
        units = plan.units_a if side == "a" else plan.units_b
        for block, (tag, i1, i2, j1, j2) in enumerate(plan.opcodes):
            if tag == "equal":
                continue
            lo, hi = (i1, i2) if side == "a" else (j1, j2)
            for unit in range(lo, hi):
                text = units[unit]
                if unit % 2 == 0 and WORD.search(text):
                    found.append(_Candidate(p, block, unit, text))
    return found


def find_moves(plans: Sequence[SectionPlan]) -> Moves:
    """Pair paragraphs that vanished with ones that appeared: identical ones first, then the
    most similar, best first. Moves are numbered in the order a reader of B meets them."""
    gone = _candidates(plans, "a")
    came = _candidates(plans, "b")
    pairs = _pair_identical(gone, came)
    paired = {c for pair in pairs for c in pair}
    pairs += _pair_similar(
        [c for c in gone if c not in paired], [c for c in came if c not in paired]
    )
    pairs.sort(key=lambda pair: (pair[1].plan, pair[1].unit))
    moves = Moves({}, {})
    for number, (old, new) in enumerate(pairs, start=1):
        to_ref = MoveRef(number, plans[new.plan].name, new.unit // 2 + 1)
        from_ref = MoveRef(number, plans[old.plan].name, old.unit // 2 + 1)
        changes = () if old.text == new.text else tuple(word_diff(old.text, new.text))
        moves.sources[(old.plan, old.unit)] = to_ref
        moves.targets[(new.plan, new.unit)] = (from_ref, changes)
    return moves


def _pair_identical(
    gone: Sequence[_Candidate], came: Sequence[_Candidate]
) -> list[tuple[_Candidate, _Candidate]]:
    free: dict[str, list[_Candidate]] = {}
    for old in gone:
        free.setdefault(old.text, []).append(old)
    pairs = []
    for new in came:
        same = free.get(new.text)
        if same:
            pairs.append((same.pop(0), new))
    return pairs


def _pair_similar(
    gone: Sequence[_Candidate], came: Sequence[_Candidate]
) -> list[tuple[_Candidate, _Candidate]]:
    """Nearly identical paragraphs of enough words, not in the same changed block (that is an
    edit in place, which the word diff shows)."""
    if len({(c.plan, c.block) for c in (*gone, *came)}) < 2:
        return []  # one changed block (the usual edit): nothing can have moved out of it
    scored: list[tuple[float, int, int]] = []
    for n, new in enumerate(came):
        if len(new.words) < MOVE_MIN_WORDS:
            continue
        for o, old in enumerate(gone):
            if (old.plan, old.block) == (new.plan, new.block) or len(old.words) < MOVE_MIN_WORDS:
                continue
            matcher = SequenceMatcher(None, old.words, new.words, autojunk=False)
            if min(matcher.real_quick_ratio(), matcher.quick_ratio()) < MOVE_SIMILARITY:
                continue  # cheap upper bounds rule most pairs out
            ratio = matcher.ratio()
            if ratio >= MOVE_SIMILARITY:
                scored.append((-ratio, n, o))
    pairs = []
    used_new: set[int] = set()
    used_old: set[int] = set()
    for _, n, o in sorted(scored):
        if n not in used_new and o not in used_old:
            pairs.append((gone[o], came[n]))
            used_new.add(n)
            used_old.add(o)
    return pairs
