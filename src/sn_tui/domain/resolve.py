"""Finishing a conflicted save: the user's choice per conflicting field, merged with the rest.

`save_files` refuses a save when someone else changed the same field (`MergeConflict`). The
user then chooses a text for each such field; `resolve_conflicts` builds the file to save on
top of *their* commit: their version, plus every change of mine that did not conflict, plus the
chosen text for each conflicting field. Nothing of either side is dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from sn_tui.domain.document import DELETE, Document
from sn_tui.domain.merge import (
    META_PREFIX,
    PREAMBLE,
    WHOLE_FILE,
    merge_documents,
    render_value,
)
from sn_tui.domain.nested import flatten


def resolve_conflicts(
    base: bytes | None,
    mine: bytes,
    theirs: bytes | None,
    choices: Mapping[str, str | None],
) -> bytes | None:
    """The file to save on top of `theirs`, or None where the chosen result is no file at all.

    `choices` maps each conflict name (`FieldConflict.name`) to the chosen text; for a
    frontmatter key the text is a YAML value, None removes the key (or the section's text).
    """
    if WHOLE_FILE in choices:
        chosen = choices[WHOLE_FILE]
        return None if chosen is None else chosen.encode("utf-8")
    doc = Document.parse(mine)
    if theirs is not None:
        theirs_doc = Document.parse(theirs)
        for name in choices:
            doc = _set(doc, name, _current(theirs_doc, name))
    merged = merge_documents(base, doc.to_bytes(), theirs)
    if merged is None:
        return None
    result = Document.parse(merged)
    for name, text in choices.items():
        result = _set(result, name, text)
    return result.to_bytes()


def _current(doc: Document, name: str) -> str | None:
    """The text of conflict `name` in `doc` (YAML flow text for a frontmatter key)."""
    if name.startswith(META_PREFIX):
        flat = flatten(doc.meta)
        key = name.removeprefix(META_PREFIX)
        return render_value(flat[key]) if key in flat else None
    if name == PREAMBLE:
        return doc.preamble.strip()
    return doc.field(name)


def _set(doc: Document, name: str, text: str | None) -> Document:
    if name.startswith(META_PREFIX):
        path = name.removeprefix(META_PREFIX).split(".")
        value: Any = DELETE if text is None else yaml.safe_load(text)
        return doc.with_meta(path, value)
    if name == PREAMBLE:
        return doc.with_preamble(text or "")
    return doc.with_field(name, text or "")
