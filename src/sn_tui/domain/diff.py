"""What changed between two versions of the serviceniveau: indsatser, fields, words, frontmatter.

The comparison is section-aware. Indsatser are matched by `id` (a file that moved is a change).
Within an indsats, each of the eight fields is cut into units: paragraphs, list items and the
blank space between them. Units that vanished in one place and reappear identically (or nearly
so) in another place, in the same field or another field, are reported as moved; everything else
is diffed word by word.

Every field's `ops` are lossless: the text of its `equal`, `delete` and `moved-from` ops, in
order, is the field's text in A; that of its `equal`, `insert` and `moved-to` ops is the text in
B. A `moved-to` op also carries the word diff from its source paragraph in `changes`, which obeys
the same rule between the source paragraph (A side) and the moved one (B side).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any, Literal

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.entry import Indsats, Serviceniveau
from sn_tui.domain.fields import DOCUMENT_SECTIONS, FIELDS, REQUIRED_META
from sn_tui.domain.nested import flatten
from sn_tui.domain.ordering import in_reading_order
from sn_tui.domain.snapshot import Revision, Snapshot

OpKind = Literal["equal", "insert", "delete", "moved-from", "moved-to"]
MetaKind = Literal["added", "removed", "changed"]
JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]

# A paragraph counts as moved when its words are at least this similar to the one that vanished.
MOVE_SIMILARITY = 0.8
# Near (not identical) matches need this many words; shorter paragraphs must match exactly.
MOVE_MIN_WORDS = 4

_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+|\s+|[^\w\s]")
# The word tokens of _TOKEN alone: the same matches at the same places, without the spaces and
# punctuation between them (which _TOKEN makes tokens of their own, never part of a word).
_WORD_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+")
_WORD = re.compile(r"\w")
# Paragraph and list-item boundaries: blank lines, or a line break before a list marker.
_UNIT_SEPARATOR = re.compile(r"(\n(?:[ \t]*\n)+|\n(?=[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]))")


# --------------------------------------------------------------------------- result types
@dataclass(frozen=True)
class MoveRef:
    """The other end of a moved paragraph: `id` links both ends; `paragraph` counts from 1."""

    id: int
    section: str
    paragraph: int


@dataclass(frozen=True)
class Op:
    """One run of text in a field's diff."""

    kind: OpKind
    text: str
    move: MoveRef | None = None
    changes: tuple[Op, ...] = ()  # moved-to only: word diff from the source paragraph

    @property
    def in_a(self) -> bool:
        return self.kind in ("equal", "delete", "moved-from")

    @property
    def in_b(self) -> bool:
        return self.kind in ("equal", "insert", "moved-to")


def text_a(ops: Iterable[Op]) -> str:
    """The A side of a diff: what the text was."""
    return "".join(op.text for op in ops if op.in_a)


def text_b(ops: Iterable[Op]) -> str:
    """The B side of a diff: what the text became."""
    return "".join(op.text for op in ops if op.in_b)


@dataclass(frozen=True)
class FieldChange:
    """One changed field (or document section) of an indsats, with its diff."""

    name: str
    before: str
    after: str
    ops: tuple[Op, ...]


@dataclass(frozen=True)
class MetaChange:
    """One frontmatter key (dotted for nested keys, e.g. `økonomi.budget_kr`) that changed."""

    key: str
    kind: MetaKind
    before: JsonValue = None
    after: JsonValue = None
    added_items: tuple[str, ...] = ()  # for lists, e.g. faggrupper
    removed_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndsatsChange:
    """An indsats present in both versions that differs between them."""

    id: str
    before: Indsats
    after: Indsats
    meta: tuple[MetaChange, ...]
    fields: tuple[FieldChange, ...]

    @property
    def path_changed(self) -> bool:
        return self.before.path != self.after.path


@dataclass(frozen=True)
class DocumentChange:
    """What changed in serviceniveau.md: frontmatter and the Forord/Principper sections."""

    meta: tuple[MetaChange, ...]
    sections: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Totals:
    """The økonomi of one version: sum of budget_kr and of forventet_antal over all indsatser."""

    budget_kr: int
    forventet_antal: int


@dataclass(frozen=True)
class Summary:
    added: int
    removed: int
    changed: int
    unchanged: int
    before: Totals
    after: Totals


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between version A and version B."""

    a: Revision
    b: Revision
    kommune: str
    titel: str
    summary: Summary
    document: DocumentChange | None  # None when serviceniveau.md is unchanged
    added: tuple[Indsats, ...]
    removed: tuple[Indsats, ...]
    changed: tuple[IndsatsChange, ...]
    unchanged: tuple[Indsats, ...]


def percent_change(before: float, after: float) -> float | None:
    """The relative change in per cent, or None where there was nothing before."""
    if before == 0:
        return None
    return (after - before) / abs(before) * 100


# --------------------------------------------------------------------------- entry points
def compare(a: Snapshot, b: Snapshot) -> Comparison:
    """Compare two snapshots; all sequences come out in reading order (kategori, titel)."""
    added = in_reading_order(b.indsatser[i] for i in b.indsatser if i not in a.indsatser)
    removed = in_reading_order(a.indsatser[i] for i in a.indsatser if i not in b.indsatser)
    changed: list[IndsatsChange] = []
    unchanged: list[Indsats] = []
    for new in in_reading_order(b.indsatser[i] for i in b.indsatser if i in a.indsatser):
        change = diff_indsats(a.indsatser[new.id], new)
        if change is None:
            unchanged.append(new)
        else:
            changed.append(change)
    summary = Summary(
        added=len(added),
        removed=len(removed),
        changed=len(changed),
        unchanged=len(unchanged),
        before=_totals(a.indsatser.values()),
        after=_totals(b.indsatser.values()),
    )
    doc = b.serviceniveau or a.serviceniveau
    return Comparison(
        a=a.revision,
        b=b.revision,
        kommune=doc.kommune if doc else "",
        titel=doc.titel if doc else "",
        summary=summary,
        document=diff_serviceniveau(a.serviceniveau, b.serviceniveau),
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
        unchanged=tuple(unchanged),
    )


def diff_indsats(a: Indsats, b: Indsats) -> IndsatsChange | None:
    """How one indsats changed, or None where nothing a reader sees did."""
    if a.blob and a.blob == b.blob and a.path == b.path:
        return None
    meta = meta_diff(a.meta, b.meta)
    fields = field_diff(a, b)
    if not meta and not fields and a.path == b.path:
        return None
    return IndsatsChange(b.id, a, b, tuple(meta), tuple(fields))


def field_diff(a: Indsats, b: Indsats) -> list[FieldChange]:
    """The changed fields of an indsats, in FIELDS order, with paragraph moves between them."""
    return section_diff(section_names(FIELDS, a.fields, b.fields), a.fields, b.fields)


def file_diff(
    old: bytes | None, new: bytes | None, sections: Sequence[str]
) -> tuple[list[MetaChange], list[FieldChange]]:
    """What changed in one file (e.g. in one commit): frontmatter keys, then its sections in
    the order of `sections` and then any others. None, or a file that does not parse, counts
    as empty; a frontmatter that is not valid YAML is compared as text."""
    old_doc, new_doc = _parsed(old), _parsed(new)
    old_sections, new_sections = _sections(old_doc), _sections(new_doc)
    names = section_names(sections, old_sections, new_sections)
    return (
        meta_diff(_meta_or_text(old_doc), _meta_or_text(new_doc)),
        section_diff(names, old_sections, new_sections),
    )


def diff_serviceniveau(a: Serviceniveau | None, b: Serviceniveau | None) -> DocumentChange | None:
    a_sections: Mapping[str, str] = a.sections if a else {}
    b_sections: Mapping[str, str] = b.sections if b else {}
    meta = meta_diff(a.meta if a else {}, b.meta if b else {})
    names = section_names(DOCUMENT_SECTIONS, a_sections, b_sections)
    sections = section_diff(names, a_sections, b_sections)
    if not meta and not sections:
        return None
    return DocumentChange(tuple(meta), tuple(sections))


def section_diff(
    names: Sequence[str], a: Mapping[str, str], b: Mapping[str, str]
) -> list[FieldChange]:
    """Diff the named sections of one text as a whole, so paragraphs may move between them."""
    plans = [
        _Plan.make(name, a.get(name, ""), b.get(name, ""))
        for name in names
        if a.get(name, "") != b.get(name, "")
    ]
    moves = _find_moves(plans)
    return [
        FieldChange(plan.name, plan.a, plan.b, tuple(_assemble(p, plan, moves)))
        for p, plan in enumerate(plans)
    ]


def word_diff(a: str, b: str) -> list[Op]:
    """A word-level diff of two texts: equal, insert and delete ops, changes grouped."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    # Most edits touch a few words: match the common head and tail directly and leave only
    # the changed middle to difflib, whose cost grows with the square of what it compares.
    head = 0
    limit = min(len(ta), len(tb))
    while head < limit and ta[head] == tb[head]:
        head += 1
    tail = 0
    while tail < limit - head and ta[-1 - tail] == tb[-1 - tail]:
        tail += 1
    mid_a, mid_b = ta[head : len(ta) - tail], tb[head : len(tb) - tail]
    ops: list[Op] = [Op("equal", "".join(ta[:head]))]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", "".join(mid_a[i1:i2])))
            continue
        ops.append(Op("delete", "".join(mid_a[i1:i2])))
        ops.append(Op("insert", "".join(mid_b[j1:j2])))
    ops.append(Op("equal", "".join(ta[len(ta) - tail :])))
    return _normalise(ops)


def section_names(order: Sequence[str], *texts: Mapping[str, str]) -> list[str]:
    """`order`, then any other section names found in `texts`, first seen first."""
    extra = [name for text in texts for name in text if name not in order]
    return [*order, *dict.fromkeys(extra)]


def meta_diff(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[MetaChange]:
    """Frontmatter changes key by key (nested mappings as dotted keys), `id` left out."""
    if _same_data(a, b):
        return []  # the usual case for a changed indsats: only its text changed
    fa, fb = _plain_leaves(a), _plain_leaves(b)
    keys = sorted(_merged_order(list(fa), list(fb)), key=_meta_rank)
    changes: list[MetaChange] = []
    for key in keys:
        if key not in fa:
            changes.append(MetaChange(key, "added", after=fb[key]))
        elif key not in fb:
            changes.append(MetaChange(key, "removed", before=fa[key]))
        elif not _same_value(fa[key], fb[key]):
            before, after = fa[key], fb[key]
            added: tuple[str, ...] = ()
            removed: tuple[str, ...] = ()
            if isinstance(before, list) and isinstance(after, list):
                old, new = [_item(v) for v in before], [_item(v) for v in after]
                added = tuple(v for v in new if v not in old)
                removed = tuple(v for v in old if v not in new)
            changes.append(MetaChange(key, "changed", before, after, added, removed))
    return changes


# --------------------------------------------------------------------------- internals
FRONTMATTER_TEXT = "(frontmatter)"


def _parsed(data: bytes | None) -> Document | None:
    if data is None:
        return None
    try:
        return Document.parse(data)
    except DocumentError:
        return None


def _sections(doc: Document | None) -> dict[str, str]:
    return doc.fields(doc.section_titles()) if doc is not None else {}


def _meta_or_text(doc: Document | None) -> Mapping[str, Any]:
    if doc is None:
        return {}
    try:
        return doc.meta
    except FrontmatterError:
        return {FRONTMATTER_TEXT: doc.frontmatter_text}


@dataclass(frozen=True)
class _Plan:
    """One changed section: its units on both sides and how they line up."""

    name: str
    a: str
    b: str
    units_a: tuple[str, ...]
    units_b: tuple[str, ...]
    opcodes: tuple[tuple[str, int, int, int, int], ...]

    @classmethod
    def make(cls, name: str, a: str, b: str) -> _Plan:
        ua, ub = _units(a), _units(b)
        opcodes = SequenceMatcher(None, ua, ub, autojunk=False).get_opcodes()
        return cls(name, a, b, ua, ub, tuple(opcodes))


@dataclass(frozen=True)
class _Candidate:
    plan: int
    block: int  # index of the opcode it sits in
    unit: int
    text: str

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Its words, for the similarity of near-identical paragraphs (only asked for then)."""
        return tuple(_WORD_TOKEN.findall(self.text))


@dataclass
class _Moves:
    sources: dict[tuple[int, int], MoveRef]  # (plan, unit in A) -> where it went
    targets: dict[tuple[int, int], tuple[MoveRef, tuple[Op, ...]]]  # (plan, unit in B) -> source


def _units(text: str) -> tuple[str, ...]:
    """Paragraphs/list items at even indices, the blank space between them at odd ones."""
    return tuple(_UNIT_SEPARATOR.split(text)) if text else ()


def _candidates(plans: Sequence[_Plan], side: Literal["a", "b"]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for p, plan in enumerate(plans):
        units = plan.units_a if side == "a" else plan.units_b
        for block, (tag, i1, i2, j1, j2) in enumerate(plan.opcodes):
            if tag == "equal":
                continue
            lo, hi = (i1, i2) if side == "a" else (j1, j2)
            for unit in range(lo, hi):
                text = units[unit]
                if unit % 2 == 0 and _WORD.search(text):
                    found.append(_Candidate(p, block, unit, text))
    return found


def _find_moves(plans: Sequence[_Plan]) -> _Moves:
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
    moves = _Moves({}, {})
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


def _assemble(p: int, plan: _Plan, moves: _Moves) -> list[Op]:
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
    return _normalise(ops)


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


def _normalise(ops: Sequence[Op]) -> list[Op]:
    """Drop empty ops, fold blank/punctuation-only equal runs inside a change into it, and
    group each change as one deletion followed by one insertion."""
    ops = [op for op in ops if op.text]
    plain = ("insert", "delete")
    folded: list[Op] = []
    for k, op in enumerate(ops):
        inside = 0 < k < len(ops) - 1 and ops[k - 1].kind in plain and ops[k + 1].kind in plain
        if op.kind == "equal" and inside and not _WORD.search(op.text):
            folded += [Op("delete", op.text), Op("insert", op.text)]
        else:
            folded.append(op)
    out: list[Op] = []
    k = 0
    while k < len(folded):
        op = folded[k]
        if op.kind in plain:
            end = k
            while end < len(folded) and folded[end].kind in plain:
                end += 1
            run = folded[k:end]
            for kind in ("delete", "insert"):
                text = "".join(o.text for o in run if o.kind == kind)
                if text:
                    out.append(Op(kind, text))
            k = end
            continue
        if op.kind == "equal" and out and out[-1].kind == "equal":
            out[-1] = Op("equal", out[-1].text + op.text)
        else:
            out.append(op)
        k += 1
    return out


def _totals(indsatser: Iterable[Indsats]) -> Totals:
    budget = antal = 0
    for indsats in indsatser:
        budget += indsats.budget_kr or 0
        antal += indsats.forventet_antal or 0
    return Totals(budget, antal)


def _plain_leaves(meta: Mapping[str, Any]) -> dict[str, JsonValue]:
    return {key: _plain(value) for key, value in flatten(meta).items()}


def _plain(value: Any) -> JsonValue:
    """YAML data as JSON data: dates as ISO strings, anything unusual as text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


def _same_data(a: Any, b: Any) -> bool:
    """Equal YAML data, types included (1, 1.0 and True differ, as they do in JSON)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(_same_data(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_data(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _same_value(a: JsonValue, b: JsonValue) -> bool:
    """Equal as JSON: plain values and lists of text by `==` (types equal too, so 1 is not
    True or 1.0), anything else by its canonical JSON."""
    if type(a) is type(b) and a == b:
        if isinstance(a, str | int | float) or a is None:
            return True
        if isinstance(a, list) and all(type(v) is str for v in a):
            return True
    return _canonical(a) == _canonical(b)


def _canonical(value: JsonValue) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _item(value: JsonValue) -> str:
    return value if isinstance(value, str) else _canonical(value)


def _merged_order(a: list[str], b: list[str]) -> list[str]:
    """B's keys in B's order, with keys only A has placed after their neighbour in A."""
    merged = list(b)
    for k, key in enumerate(a):
        if key in merged:
            continue
        after = next((merged.index(prev) for prev in reversed(a[:k]) if prev in merged), -1)
        merged.insert(after + 1, key)
    return [key for key in merged if key != "id"]


def _meta_rank(key: str) -> int:
    top = key.split(".", 1)[0]
    return REQUIRED_META.index(top) if top in REQUIRED_META else len(REQUIRED_META)
