"""The word diff of two texts: words, numbers, spaces and punctuation as tokens; each change
grouped as one deletion followed by one insertion."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from sn_tui.domain.diff.types import Op

_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+|\s+|[^\w\s]")
# The word tokens of _TOKEN alone: the same matches at the same places, without the spaces and
# punctuation between them (which _TOKEN makes tokens of their own, never part of a word).
WORD_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+")
WORD = re.compile(r"\w")
_EXACT_BUDGET = 2_000_000  # tokens of A times tokens of B still compared exactly (~0.3 s)


def word_diff(a: str, b: str) -> list[Op]:
    """A word-level diff of two texts: equal, insert and delete ops, changes grouped."""
    # Most edits touch a few words: match the common head and tail directly and leave only
    # the changed middle to difflib, whose cost grows with the square of what it compares.
    # The head and tail are found on the characters first (only the middle is cut into
    # tokens), then on the tokens, as if the whole text had been.
    lo, hi = _common_ends(a, b)
    ta, tb = _TOKEN.findall(a, lo, len(a) - hi), _TOKEN.findall(b, lo, len(b) - hi)
    head = 0
    limit = min(len(ta), len(tb))
    while head < limit and ta[head] == tb[head]:
        head += 1
    if head == limit and hi:  # the head reaches into the common tail: its tokens too
        common = _TOKEN.findall(a, len(a) - hi)
        ta, tb, hi = ta + common, tb + common, 0
        limit = min(len(ta), len(tb))
        while head < limit and ta[head] == tb[head]:
            head += 1
    tail = 0
    while tail < limit - head and ta[-1 - tail] == tb[-1 - tail]:
        tail += 1
    mid_a, mid_b = ta[head : len(ta) - tail], tb[head : len(tb) - tail]
    ops: list[Op] = [Op("equal", a[:lo] + "".join(ta[:head]))]
    if not mid_a or not mid_b:  # only added or only removed: nothing to match
        ops += [Op("delete", "".join(mid_a)), Op("insert", "".join(mid_b))]
    else:
        # Beyond the budget difflib's exact matching takes minutes (two 40 KB paragraphs:
        # 2 min); its heuristic, which ignores tokens that occur everywhere (spaces, "og"),
        # stays fast and still finds the long runs that did not change.
        exact = len(mid_a) * len(mid_b) <= _EXACT_BUDGET
        matcher = SequenceMatcher(None, mid_a, mid_b, autojunk=not exact)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                ops.append(Op("equal", "".join(mid_a[i1:i2])))
                continue
            ops.append(Op("delete", "".join(mid_a[i1:i2])))
            ops.append(Op("insert", "".join(mid_b[j1:j2])))
    ops.append(Op("equal", "".join(ta[len(ta) - tail :]) + a[len(a) - hi :]))
    return normalise(ops)


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters at the start and at the end of `a` and `b` are the same text cut
    into the same tokens however the rest goes on: each end stops at a change between
    whitespace and other characters (where a token always ends) inside the common part, so
    that the characters on both sides of it, which decide the tokens, are common too."""
    short = min(len(a), len(b))
    lo = _same_run(a, b, 0, short, 1) - 1  # a[lo - 1] and a[lo] both common
    while lo > 0 and a[lo - 1].isspace() == a[lo].isspace():
        lo -= 1
    lo = max(lo, 0)
    same = _same_run(a, b, 0, short - lo, -1)
    hi = same - 1  # a[-hi - 1] and a[-hi] both common
    while hi > 0 and a[-hi - 1].isspace() == a[-hi].isspace():
        hi -= 1
    return lo, max(hi, 0)


def _same_run(a: str, b: str, lo: int, hi: int, step: int) -> int:
    """How many characters `a` and `b` have in common at their start (`step` 1) or at their
    end (-1), between lo and hi: a binary search comparing slices (a loop over characters in
    Python would cost more than the tokens it saves)."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if step > 0:
            same = a[lo:mid] == b[lo:mid]
        else:
            same = a[len(a) - mid : len(a) - lo] == b[len(b) - mid : len(b) - lo]
        if same:
            lo = mid
        else:
            hi = mid - 1
    return lo


def normalise(ops: Sequence[Op]) -> list[Op]:
    """Drop empty ops, fold blank/punctuation-only equal runs inside a change into it, and
    group each change as one deletion followed by one insertion."""
    # Kinds and texts are read once into lists: this runs over every token run of every
    # changed field (a comparison of 600 changed indsatser: ~1,700 calls, 20,000 ops).
    ops = [op for op in ops if op.text]
    kinds = [op.kind for op in ops]
    plain = ("insert", "delete")
    last = len(ops) - 1
    folded: list[Op] = []
    for k, op in enumerate(ops):
        if (
            kinds[k] == "equal"
            and 0 < k < last
            and kinds[k - 1] in plain
            and kinds[k + 1] in plain
            and not WORD.search(op.text)
        ):
            folded += [Op("delete", op.text), Op("insert", op.text)]
        else:
            folded.append(op)
    out: list[Op] = []
    k = 0
    count = len(folded)
    while k < count:
        op = folded[k]
        kind = op.kind
        if kind in plain:
            deleted: list[str] = []
            inserted: list[str] = []
            while k < count and folded[k].kind in plain:
                run = folded[k]
                (deleted if run.kind == "delete" else inserted).append(run.text)
                k += 1
            if deleted:
                out.append(Op("delete", "".join(deleted)))
            if inserted:
                out.append(Op("insert", "".join(inserted)))
            continue
        if kind == "equal" and out and out[-1].kind == "equal":
            out[-1] = Op("equal", out[-1].text + op.text)
        else:
            out.append(op)
        k += 1
    return out
