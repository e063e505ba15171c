"""A Markdown file in the project's own format (an indsats, or serviceniveau.md) as blocks.

The frontmatter is kept (id, kategori, faggrupper, økonomi and unknown keys travel with the
indsats); the title is a heading above the file's `## ` sections, so the mapping treats it
like any other source.
"""

from __future__ import annotations

from sn_tui.domain.document import Document
from sn_tui.domain.importing.blocks import Block, Heading, Source, Text


def read_markdown(name: str, text: str) -> Source:
    """Raises DocumentError or FrontmatterError for a file that is not one of ours."""
    doc = Document.parse(text)
    meta = dict(doc.meta)
    titel = str(meta.get("titel") or "")
    blocks: list[Block] = []
    is_indsats = bool(meta.get("id") or titel) and "kommune" not in meta
    if is_indsats:
        blocks.append(Heading(1, titel or name))
    if doc.preamble.strip():
        blocks.append(Text(doc.preamble.strip()))
    for section in doc.sections:
        blocks.append(Heading(2, section.title))
        body = doc.field(section.title) or ""
        if body:
            blocks.append(Text(body))
    return Source(name, tuple(blocks), titel, (), meta if is_indsats else {})
