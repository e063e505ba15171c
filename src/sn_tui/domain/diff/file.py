"""One file's two versions compared (e.g. before and after a commit, as history shows them),
also where a version is missing or does not parse."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sn_tui.domain.diff.meta import meta_diff
from sn_tui.domain.diff.text import section_diff, section_names
from sn_tui.domain.diff.types import FieldChange, MetaChange
from sn_tui.domain.document import Document, DocumentError, FrontmatterError

FRONTMATTER_TEXT = "(frontmatter)"


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
