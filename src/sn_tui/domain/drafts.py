"""A draft beside the saved text: which parts the draft changed, and both texts of each part.

Pure. A part is named as a merge conflict is (`sn_tui.domain.merge`): a section title,
`frontmatter:<dotted key>`, or the whole file when a side cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.document import Document, DocumentError, FrontmatterError, content_key
from sn_tui.domain.merge import META_PREFIX, WHOLE_FILE, render_value
from sn_tui.domain.nested import flatten


@dataclass(frozen=True)
class DraftPart:
    """One part the draft changed; None means the part is absent on that side."""

    name: str
    draft: str | None
    saved: str | None


def part_texts(data: bytes) -> dict[str, str]:
    """Every section's text and every frontmatter value (as YAML flow text), by part name."""
    doc = Document.parse(data)
    parts = {title: doc.field(title) or "" for title in doc.section_titles()}
    for key, value in flatten(doc.meta).items():
        parts[META_PREFIX + key] = render_value(value) or ""
    return parts


def _same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return content_key(a) == content_key(b)


def draft_parts(base: bytes | None, draft: bytes, saved: bytes | None) -> list[DraftPart]:
    """The parts `draft` changed from `base` (or from `saved` when the base is unknown), each
    with the draft's text and the saved text now; in the draft's order."""
    start = base if base is not None else saved
    try:
        mine = part_texts(draft)
        before = part_texts(start) if start is not None else {}
        now = part_texts(saved) if saved is not None else {}
    except (DocumentError, FrontmatterError):
        return [DraftPart(WHOLE_FILE, _text(draft), _text(saved))]
    names = list(dict.fromkeys([*mine, *before]))
    return [
        DraftPart(name, mine.get(name), now.get(name))
        for name in names
        if not _same(mine.get(name), before.get(name))
    ]


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")
