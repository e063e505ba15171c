"""What a commit changed in one file, field by field, with a plain word diff (difflib).

A stop-gap: `sn_tui.model.diff.field_diff` (the section-aware diff) is to replace
`word_diff_simple`; `field_changes` stays the per-field split the history screen shows.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sn_tui.model.document import Document, DocumentError, FrontmatterError
from sn_tui.model.merge import flatten, render_value

Op = Literal["equal", "delete", "insert"]
_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldChange:
    """One field or frontmatter key whose text differs; None means absent on that side."""

    name: str
    old: str | None
    new: str | None
    is_meta: bool = False


def word_diff_simple(old: str, new: str) -> list[tuple[Op, str]]:
    """The two texts as runs of equal, deleted and inserted words (white space kept)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[tuple[Op, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(out, "equal", "".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _append(out, "delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _append(out, "insert", "".join(b[j1:j2]))
    return out


def _append(out: list[tuple[Op, str]], op: Op, text: str) -> None:
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    else:
        out.append((op, text))


def field_changes(
    old: bytes | None, new: bytes | None, sections: Sequence[str]
) -> list[FieldChange]:
    """Frontmatter keys, then the given sections (in order), whose text differs."""
    old_doc, new_doc = _parse(old), _parse(new)
    changes: list[FieldChange] = []
    old_meta = _meta(old_doc)
    new_meta = _meta(new_doc)
    for key in dict.fromkeys([*old_meta, *new_meta]):
        before, after = old_meta.get(key), new_meta.get(key)
        if before != after:
            changes.append(FieldChange(key, before, after, is_meta=True))
    titles = list(sections)
    for doc in (old_doc, new_doc):
        if doc is not None:
            titles += [s for s in doc.section_titles() if s not in titles]
    for title in titles:
        before = old_doc.field(title) if old_doc is not None else None
        after = new_doc.field(title) if new_doc is not None else None
        if before != after:
            changes.append(FieldChange(title, before, after))
    return changes


def _parse(data: bytes | None) -> Document | None:
    if data is None:
        return None
    try:
        return Document.parse(data)
    except DocumentError:
        return None


def _meta(doc: Document | None) -> dict[str, str | None]:
    if doc is None:
        return {}
    try:
        return {k: render_value(v) for k, v in flatten(doc.meta).items()}
    except FrontmatterError:
        return {"(frontmatter)": doc.frontmatter_text}
