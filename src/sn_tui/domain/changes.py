"""What an edit changed, in words for a commit message: which fields and frontmatter keys."""

from __future__ import annotations

from sn_tui.domain.document import Document, DocumentError, FrontmatterError, content_key
from sn_tui.domain.nested import flatten


def changed_parts(old: bytes | None, new: bytes | None) -> list[str]:
    """Names of the sections and frontmatter keys that differ (whitespace-only edits count)."""
    if old is None or new is None or old == new:
        return []
    try:
        a, b = Document.parse(old), Document.parse(new)
        meta_a, meta_b = flatten(a.meta), flatten(b.meta)
    except (DocumentError, FrontmatterError):
        return ["hele filen"]
    parts: list[str] = []
    for key in dict.fromkeys([*meta_a, *meta_b]):
        if meta_a.get(key) != meta_b.get(key):
            parts.append(key)
    titles = list(dict.fromkeys([*a.section_titles(), *b.section_titles()]))
    for title in titles:
        fa, fb = a.field(title), b.field(title)
        if fa != fb:
            same_words = fa is not None and fb is not None and content_key(fa) == content_key(fb)
            parts.append(f"{title} (kun ombrydning)" if same_words else title)
    return parts


def commit_message(titel: str, indsats_id: str, parts: list[str], note: str | None = None) -> str:
    """Subject names the indsats and what changed; a trailer names its id for tools."""
    if note and note.strip():
        subject = f"{titel}: {note.strip().splitlines()[0]}"
    elif parts:
        subject = f"{titel}: ændret {', '.join(parts)}"
    else:
        subject = f"{titel}: gemt"
    body = f"Ændrede felter: {', '.join(parts)}\n\n" if parts and note else ""
    return f"{subject}\n\n{body}Indsats: {indsats_id}\n"
