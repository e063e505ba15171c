"""Golden files: the comparison of the demo's first two adopted versions, in every format (the
PDF as its text), the comparison in which the Forord changed, the dagsordenpunkt, and the whole
serviceniveau as adopted. Regenerate with SN_UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli

GOLDEN = Path(__file__).parent / "golden"
A, B = "vedtaget/2025-01-22", "vedtaget/2025-10-08"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("golden") / "demo"
    assert run_cli("demo", str(path), "--no-tui").returncode == 0
    return path


def _compare(name: str, data: bytes) -> None:
    target = GOLDEN / name
    if os.environ.get("SN_UPDATE_GOLDEN"):
        target.write_bytes(data)
    assert target.exists(), f"{name} mangler; kør med SN_UPDATE_GOLDEN=1"
    assert data == target.read_bytes(), f"{name} afviger fra den gyldne fil"


def _docx_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        return docx.read("word/document.xml")


def _pdf_text(path: Path) -> bytes:
    """The PDF's text page by page, as a reader copies it (the bytes embed font subsets)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout


def _no_weasyprint() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return True
    return shutil.which("pdftotext") is None


@pytest.mark.parametrize(
    "fmt",
    [
        "text",
        "md",
        "html",
        "json",
        "docx",
        pytest.param(
            "pdf",
            marks=pytest.mark.skipif(
                _no_weasyprint(), reason="WeasyPrint (sn-tui[pdf]) or pdftotext is missing"
            ),
        ),
    ],
)
def test_comparison_of_two_adopted_versions(demo: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"diff.{fmt}"
    proc = run_cli(
        "diff",
        A,
        B,
        "--format",
        fmt,
        "-o",
        str(out),
        cwd=demo,
        SN_USER="mette",
        SN_PDF_RENDERER="weasyprint",
    )
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    if fmt == "docx":
        xml = _docx_xml(data)
        assert b"<w:ins " in xml and b"<w:del " in xml
        assert b'w:author="Hanne Vestergaard"' in xml  # the adopter of version B
        data = xml
    if fmt == "pdf":
        data = _pdf_text(out)
    suffix = {"docx": "xml", "pdf": "pdf.txt"}.get(fmt, fmt)
    _compare(f"diff-2025-01-22-2025-10-08.{suffix}", data)


def test_the_moved_paragraph_is_shown_as_moved(demo: Path) -> None:
    data = json.loads(run_cli("diff", A, B, "--format", "json", cwd=demo).stdout)
    [kontakt] = [c for c in data["changed"] if c["id"] == "fast-kontaktperson"]
    kinds = {op["op"] for field in kontakt["fields"] for op in field["ops"]}
    assert {"moved-from", "moved-to"} <= kinds
    assert [c["id"] for c in data["added"]] == ["praktiktilbud"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_whole_serviceniveau_as_adopted(demo: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"serviceniveau.{fmt}"
    proc = run_cli(
        "export", "--at", "vedtaget/2026-06-03", "--format", fmt, "-o", str(out), cwd=demo
    )
    assert proc.returncode == 0, proc.stderr
    _compare(f"serviceniveau-2026-06-03.{fmt}", out.read_bytes())


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_comparison_where_the_forord_changed(demo: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"diff.{fmt}"
    proc = run_cli("diff", B, "vedtaget/2026-06-03", "--format", fmt, "-o", str(out), cwd=demo)
    assert proc.returncode == 0, proc.stderr
    data = _docx_xml(out.read_bytes()) if fmt == "docx" else out.read_bytes()
    _compare(f"diff-2025-10-08-2026-06-03.{'xml' if fmt == 'docx' else fmt}", data)


def test_dagsordenpunkt(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "dagsorden.md"
    proc = run_cli(
        "dagsorden", B, "vedtaget/2026-06-03", "--format", "md", "-o", str(out), cwd=demo
    )
    assert proc.returncode == 0, proc.stderr
    _compare("dagsorden-2025-10-08-2026-06-03.md", out.read_bytes())
