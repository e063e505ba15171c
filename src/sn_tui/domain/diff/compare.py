"""Two snapshots compared: indsatser added, removed and changed (matched by `id`), the
serviceniveau document, and the økonomi totals of both."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from sn_tui.domain.diff.meta import meta_diff
from sn_tui.domain.diff.text import section_diff, section_names
from sn_tui.domain.diff.types import (
    Comparison,
    DocumentChange,
    FieldChange,
    IndsatsChange,
    Summary,
    Totals,
)
from sn_tui.domain.entry import Indsats, Serviceniveau
from sn_tui.domain.fields import DOCUMENT_SECTIONS, FIELDS, INDSATS_DIR, SERVICENIVEAU_FILE
from sn_tui.domain.ordering import in_reading_order
from sn_tui.domain.snapshot import Snapshot


def compare(
    a: Snapshot,
    b: Snapshot,
    *,
    diff: Callable[[Indsats, Indsats], IndsatsChange | None] | None = None,
) -> Comparison:
    """Compare two snapshots; all sequences come out in reading order (kategori, titel).

    An indsats whose file one side could not read is neither added nor removed (its id is
    taken to be its file name, as the contract has it): the comparison lists those files.
    `diff` diffs one indsats present on both sides (`diff_indsats`, or one that keeps results).
    """
    diff = diff or diff_indsats
    unknown_a, unknown_b = _unread_ids(a), _unread_ids(b)
    added = in_reading_order(
        b.indsatser[i]
        for i in b.indsatser
        if i not in a.indsatser and unknown_a is not None and i not in unknown_a
    )
    removed = in_reading_order(
        a.indsatser[i]
        for i in a.indsatser
        if i not in b.indsatser and unknown_b is not None and i not in unknown_b
    )
    changed: list[IndsatsChange] = []
    unchanged: list[Indsats] = []
    for new in in_reading_order(b.indsatser[i] for i in b.indsatser if i in a.indsatser):
        change = diff(a.indsatser[new.id], new)
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
    document = None
    if not ({SERVICENIVEAU_FILE} & (_unread_paths(a) | _unread_paths(b))):
        document = diff_serviceniveau(a.serviceniveau, b.serviceniveau)
    return Comparison(
        a=a.revision,
        b=b.revision,
        kommune=doc.kommune if doc else "",
        titel=doc.titel if doc else "",
        summary=summary,
        document=document,
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
        unchanged=tuple(unchanged),
        unreadable_a=a.unreadable,
        unreadable_b=b.unreadable,
        datagrundlag_a=a.datagrundlag,
        datagrundlag_b=b.datagrundlag,
    )


def _unread_paths(snap: Snapshot) -> set[str]:
    return {u.path for u in snap.unreadable}


def _unread_ids(snap: Snapshot) -> set[str] | None:
    """The ids the unreadable indsats files of `snap` would have (their file names); None
    when that cannot be told (`indsatser` is a file; a file named `.md`): then no indsats
    missing from `snap` is taken to be added or removed."""
    ids: set[str] = set()
    for problem in snap.unreadable:
        if problem.path == INDSATS_DIR:
            return None
        if problem.path.startswith(f"{INDSATS_DIR}/"):
            stem = problem.path.rsplit("/", 1)[-1].split(".", 1)[0].lower()
            if not stem:
                return None
            ids.add(stem)
    return ids


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


def diff_serviceniveau(a: Serviceniveau | None, b: Serviceniveau | None) -> DocumentChange | None:
    a_sections: Mapping[str, str] = a.sections if a else {}
    b_sections: Mapping[str, str] = b.sections if b else {}
    meta = meta_diff(a.meta if a else {}, b.meta if b else {})
    names = section_names(DOCUMENT_SECTIONS, a_sections, b_sections)
    sections = section_diff(names, a_sections, b_sections)
    if not meta and not sections:
        return None
    return DocumentChange(tuple(meta), tuple(sections))


def percent_change(before: float, after: float) -> float | None:
    """The relative change in per cent, or None where there was nothing before."""
    if before == 0:
        return None
    return (after - before) / abs(before) * 100


def _totals(indsatser: Iterable[Indsats]) -> Totals:
    budget = antal = 0
    for indsats in indsatser:
        budget += indsats.budget_kr or 0
        antal += indsats.forventet_antal or 0
    return Totals(budget, antal)
