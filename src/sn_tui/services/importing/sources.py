"""Reading one source file, whatever its kind, or refusing it with one Danish sentence.

The extension says what the file should be; its first bytes must agree (a .docx is a ZIP
package with a main document, an .html or .md file is text). A Word file protected by a
password is an OLE container holding an `EncryptedPackage`; it is named as such, not as corrupt.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput

if TYPE_CHECKING:  # the blocks are loaded by the readers; every start loads KINDS from here
    from sn_tui.domain.importing.blocks import Source

MAX_BYTES = 20 * 1024 * 1024  # a serviceniveau with pictures is a few MB; more is not one
KINDS = (".docx", ".html", ".htm", ".md")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_source(path: Path) -> Source:
    """The blocks of the file at `path`; InvalidInput (one sentence) when it cannot be read."""
    name = path.name
    kind = path.suffix.lower()
    if kind not in KINDS:
        raise InvalidInput(t("import.error.kind", name=name))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput(
                t("import.error.too_big", name=name, mb=size // 2**20, max=MAX_BYTES // 2**20)
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(t("import.error.missing", name=str(path))) from None
    except IsADirectoryError:
        raise InvalidInput(t("import.error.directory", name=str(path))) from None
    except OSError as exc:
        raise InvalidInput(
            t("import.error.unreadable", name=name, reason=exc.strerror or type(exc).__name__)
        ) from None
    if kind == ".docx":
        return _docx(name, data)
    text = _text(name, data)
    if kind == ".md":
        from sn_tui.domain.document import DocumentError, FrontmatterError
        from sn_tui.services.importing.md_reader import read_markdown

        try:
            return read_markdown(name, text)
        except (DocumentError, FrontmatterError) as exc:
            raise InvalidInput(t("import.error.markdown", name=name, detail=str(exc))) from None
    from sn_tui.services.importing.html_reader import read_html

    if "<" not in text:
        raise InvalidInput(t("import.error.not_html", name=name))
    return read_html(name, text)


def _docx(name: str, data: bytes) -> Source:
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InvalidInput(t("import.error.password", name=name))
        raise InvalidInput(t("import.error.old_word", name=name))
    if not data.startswith(_ZIP):
        raise InvalidInput(t("import.error.not_docx", name=name))
    from sn_tui.services.importing.docx_reader import open_docx, read_docx

    try:
        document = open_docx(data)
    except Exception as exc:  # zipfile, lxml and python-docx each fail in their own way
        raise InvalidInput(t("import.error.corrupt", name=name)) from exc
    return read_docx(name, document)


def _text(name: str, data: bytes) -> str:
    if data.startswith((_ZIP, _OLE, b"%PDF")) or b"\x00" in data[:4096]:
        raise InvalidInput(t("import.error.binary", name=name))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(t("import.error.binary", name=name))
