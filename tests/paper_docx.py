"""Reading a Word file's parts for the committee-document tests: the body, header, footer,
properties and numbering as XML, and its text as a reader sees it."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CM_IN_TWIPS = 567  # 1 cm = 566.9 twips


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class Word:
    """One .docx file's parts, parsed."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.body = self.xml("word/document.xml")

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.parts[name])

    def matching(self, pattern: str) -> list[Any]:
        return [self.xml(n) for n in sorted(self.parts) if re.fullmatch(pattern, n)]

    def paragraph_texts(self) -> list[str]:
        """Each body paragraph's text after accepting every change; a line break is a newline."""
        out = []
        for p in self.body.iter(w("p")):
            text = ""
            for node in p.iter(w("t"), w("br")):
                text += "\n" if node.tag == w("br") else node.text or ""
            out.append(text)
        return out

    def text(self) -> str:
        return "\n".join(self.paragraph_texts())


def text_width_twips(section: Any) -> int:
    size = section.find("w:pgSz", NS)
    margin = section.find("w:pgMar", NS)
    return int(size.get(w("w"))) - int(margin.get(w("left"))) - int(margin.get(w("right")))
