"""Three-way merge of one Markdown+frontmatter file, field by field.

Used when someone else saved the same file since an edit began: changes to different fields (or
different frontmatter keys) are combined; the same field changed differently on both sides is a
conflict that carries base, mine and theirs — nothing is overwritten silently.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sn_tui.domain.document import DELETE, Document, DocumentError, content_key, normalise
from sn_tui.domain.nested import flatten

PREAMBLE = "(indledning)"
WHOLE_FILE = "(hele filen)"
META_PREFIX = "frontmatter:"


@dataclass(frozen=True)
class FieldConflict:
    """One field both sides changed differently; None means absent (or file deleted)."""

    name: str  # a section title, "frontmatter:<dotted key>", or WHOLE_FILE
    base: str | None
    mine: str | None
    theirs: str | None

    @property
    def is_meta(self) -> bool:
        return self.name.startswith(META_PREFIX)

    @property
    def meta_key(self) -> str:
        return self.name.removeprefix(META_PREFIX)


class MergeConflict(Exception):
    """The merge cannot be done without a person choosing."""

    def __init__(self, conflicts: list[FieldConflict]) -> None:
        super().__init__(", ".join(c.name for c in conflicts))
        self.conflicts = conflicts


def render_value(value: Any) -> str | None:
    """A frontmatter value as a person would type it (YAML flow style)."""
    if value is _ABSENT:
        return None
    import yaml

    text: str = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    return text.removesuffix("\n").removesuffix("\n...").strip()


_ABSENT: Any = object()


def _decide(base: Any, mine: Any, theirs: Any, same: Any) -> tuple[bool, Any]:
    """(needs applying, value): whether mine must be applied on top of theirs."""
    if same(mine, base) or same(mine, theirs):
        return False, None
    if same(theirs, base):
        return True, mine
    raise _Clash


class _Clash(Exception):
    pass


def _text_same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return content_key(a) == content_key(b)


def _value_same(a: Any, b: Any) -> bool:
    return bool(a is b or (a is not _ABSENT and b is not _ABSENT and a == b))


def _fields(doc: Document) -> dict[str, str]:
    out = {s.title: normalise(doc.text[s.body_start : s.end]) for s in doc.sections}
    return out


def merge_documents(base: bytes | None, mine: bytes | None, theirs: bytes | None) -> bytes | None:
    """The merged file (None: deleted), or `MergeConflict`."""
    if mine == theirs:
        return mine
    if base == theirs:
        return mine
    if base == mine:
        return theirs
    if base is None or mine is None or theirs is None:
        raise MergeConflict([FieldConflict(WHOLE_FILE, _text(base), _text(mine), _text(theirs))])
    try:
        docs = [Document.parse(x) for x in (base, mine, theirs)]
        metas = [flatten(d.meta) for d in docs]
    except (DocumentError, ValueError) as exc:
        raise MergeConflict(
            [FieldConflict(WHOLE_FILE, _text(base), _text(mine), _text(theirs))]
        ) from exc
    b_doc, m_doc, t_doc = docs
    result = t_doc
    conflicts: list[FieldConflict] = []
    for title, (b, m, t) in _aligned(_fields(b_doc), _fields(m_doc), _fields(t_doc)):
        try:
            apply, value = _decide(b, m, t, _text_same)
        except _Clash:
            conflicts.append(FieldConflict(title, b, m, t))
            continue
        if apply:
            if value is None:  # I removed a section they left alone
                conflicts.append(FieldConflict(title, b, m, t))
            else:
                result = result.with_field(title, value)
    b_pre, m_pre, t_pre = (normalise(d.preamble) for d in docs)
    try:
        apply, value = _decide(b_pre, m_pre, t_pre, _text_same)
        if apply:
            result = result.with_preamble(value)
    except _Clash:
        conflicts.append(FieldConflict(PREAMBLE, b_pre, m_pre, t_pre))
    for key, (b, m, t) in _aligned(metas[0], metas[1], metas[2], missing=_ABSENT):
        try:
            apply, value = _decide(b, m, t, _value_same)
        except _Clash:
            conflicts.append(
                FieldConflict(META_PREFIX + key, render_value(b), render_value(m), render_value(t))
            )
            continue
        if apply:
            result = result.with_meta(key.split("."), DELETE if value is _ABSENT else value)
    if conflicts:
        raise MergeConflict(conflicts)
    return result.to_bytes()


def _aligned(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    missing: Any = None,
) -> Iterator[tuple[str, tuple[Any, Any, Any]]]:
    keys = list(dict.fromkeys([*base, *mine, *theirs]))
    for key in keys:
        yield key, (base.get(key, missing), mine.get(key, missing), theirs.get(key, missing))


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")
