"""Has the content of an indsats changed between two Git blobs, or only its layout?

An approval is bound to a blob id, but re-wrapping lines or re-indenting the frontmatter must not
throw it away. Two texts have the same content when their parsed frontmatter is equal (ignoring
`faggrupper`: who must review is not what is approved) and every section's text is equal after
folding runs of white space (`sn_tui.domain.document.content_key`). Blobs never change, so each
answer is cached by the pair of blob ids, and each text is kept only as a digest of its
signature (20 bytes instead of the text: a matrix of 1,000 indsatser compares thousands).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from sn_tui.domain.document import Document, content_key

ReadBlob = Callable[[str], bytes]
"""Returns a blob's bytes by id; raises `LookupError` (e.g. `KeyError`) for an unknown one."""

NOT_CONTENT_META = frozenset({"faggrupper"})
_CACHE_LIMIT = 100_000
_SIGNATURE_LIMIT = 100_000  # texts whose signature digest is kept

Signature = tuple[dict[str, Any], str, tuple[tuple[str, str], ...]]


def content_signature(data: bytes) -> Signature:
    """What a reader of the text would notice: frontmatter, preamble, sections, sans layout."""
    doc = Document.parse(data)
    meta = {k: v for k, v in doc.meta.items() if k not in NOT_CONTENT_META}
    sections = tuple(
        (sec.title, content_key(doc.text[sec.body_start : sec.end])) for sec in doc.sections
    )
    return meta, content_key(doc.preamble), sections


def _canonical(value: Any) -> Any:
    """`value` with every mapping's items in key order: equal values get equal reprs."""
    if isinstance(value, dict):
        return tuple(sorted(((repr(k), _canonical(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return tuple(_canonical(v) for v in value)
    return value


def signature_digest(data: bytes) -> bytes:
    """A digest of `content_signature(data)`: equal for texts of the same content."""
    text = repr(_canonical(content_signature(data)))
    return hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).digest()


class ContentComparer:
    """Cached `same_content(old_blob, new_blob)` checks."""

    def __init__(self) -> None:
        self._same: dict[tuple[str, str], bool] = {}
        self._signatures: dict[str, bytes] = {}

    def _signature(self, blob: str, read_blob: ReadBlob) -> bytes:
        """A blob's signature digest, read and parsed once: today's text is compared with
        each of the older texts its reviews approved."""
        found = self._signatures.get(blob)
        if found is None:
            found = signature_digest(read_blob(blob))
            if len(self._signatures) >= _SIGNATURE_LIMIT:
                self._signatures.clear()
            self._signatures[blob] = found
        return found

    def same_content(self, old_blob: str, new_blob: str, read_blob: ReadBlob) -> bool:
        if old_blob == new_blob:
            return True
        key = (old_blob, new_blob)
        cached = self._same.get(key)
        if cached is not None:
            return cached
        try:
            same = self._signature(old_blob, read_blob) == self._signature(new_blob, read_blob)
        except (LookupError, ValueError):
            # A blob that cannot be read or parsed cannot prove the text unchanged: the approval
            # counts as stale. Not cached, in case the blob turns up (e.g. after a fetch).
            return False
        if len(self._same) >= _CACHE_LIMIT:
            self._same.clear()
        self._same[key] = same
        return same
