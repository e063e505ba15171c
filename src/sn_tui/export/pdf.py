"""PDF: the Word rendering laid out by LibreOffice where it is installed, else the HTML
rendering laid out by WeasyPrint (the optional extra `sn-tui[pdf]`).

LibreOffice comes first because it is the faster of the two on committee-sized documents (a
60-indsats comparison of ~65 pages: 4–6 s against WeasyPrint's 15–20 s on a busy 2-core
machine) and prints the Word file's own tracked changes, header and footer. WeasyPrint reads
the HTML's `@page` rules (A4, running header, "Side X af Y"). Both write a tagged PDF.
`SN_PDF_RENDERER=weasyprint|libreoffice` picks one. Neither is a required dependency: without
both, the user is told in one sentence what to install.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from sn_tui.domain.errors import UserError
from sn_tui.i18n import t

_LIBREOFFICE_SECONDS = 300
_STAMP_LOCK = threading.Lock()
_TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


class NoPdfRenderer(UserError):
    """Neither WeasyPrint nor LibreOffice is installed."""


class PdfFailed(UserError):
    """The renderer ran but made no PDF."""


def render_pdf(
    html: Callable[[], str], docx: Callable[[], bytes], when: dt.datetime | None
) -> bytes:
    """A PDF from `docx()` through LibreOffice, else from `html()` through WeasyPrint. `when`
    (the version's date) stamps WeasyPrint's embedded fonts, so a document is the same bytes."""
    renderer = os.environ.get("SN_PDF_RENDERER", "")  # "weasyprint" or "libreoffice": only that
    soffice = shutil.which("soffice") if renderer in ("", "libreoffice") else None
    if soffice is not None:
        return _libreoffice(soffice, docx())
    if renderer in ("", "weasyprint"):
        try:
            import weasyprint
        except (ImportError, OSError):  # OSError: the package is there, but pango is not
            weasyprint = None
        if weasyprint is not None:
            with _font_stamp(when):
                data: bytes = weasyprint.HTML(string=html()).write_pdf(pdf_tags=True)
            return data
    raise NoPdfRenderer(t("paper.no_pdf_renderer"))


@contextlib.contextmanager
def _font_stamp(when: dt.datetime | None) -> Iterator[None]:
    """fontTools stamps each font subset with the clock unless SOURCE_DATE_EPOCH is set."""
    with _STAMP_LOCK:
        if "SOURCE_DATE_EPOCH" in os.environ:
            yield
            return
        stamp = when or dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
        try:
            yield
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]


def _libreoffice(soffice: str, data: bytes) -> bytes:
    """LibreOffice headless in a private profile, so it runs beside a user's open office."""
    with tempfile.TemporaryDirectory(prefix="sn-tui-pdf-") as folder:
        work = Path(folder)
        source = work / "dokument.docx"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profil').as_uri()}",
            "--headless",
            "--convert-to",
            _TAGGED_PDF,
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=_LIBREOFFICE_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfFailed(t("paper.pdf_failed")) from exc
        target = work / "dokument.pdf"
        if not target.exists():
            raise PdfFailed(t("paper.pdf_failed"))
        return target.read_bytes()
