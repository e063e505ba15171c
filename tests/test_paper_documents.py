"""Committee-grade documents (issue 21): the demo's comparison and serviceniveau as a secretary
gets them from `sn-tui diff` and `sn-tui export` on a real Git repository, checked the way a
word processor and a PDF reader see them: A4 pages, margins, header and footer with page
fields, tables inside the margins, lists that restart, Markdown drawn and never shown raw,
dated and signed tracked changes, true file properties, and the kommune's own template."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Pt

from conftest import cli_env, git, run_cli
from diff_builders import draft, make_indsats, make_snapshot
from paper_docx import CM_IN_TWIPS, NS, Word, text_width_twips, w
from sn_tui.domain.diff.compare import compare
from sn_tui.export import render_comparison, render_document

A, B, C = "vedtaget/2025-01-22", "vedtaget/2025-10-08", "vedtaget/2026-06-03"
# A list marker, heading or emphasis left as typed ("4. november 2024" is a date, not a list).
RAW_MARKDOWN = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s(?![a-zæøå]+ \d{4}))|\*\*|__|\]\(", re.M)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paper") / "demo"
    assert run_cli("demo", str(path), "--no-tui").returncode == 0
    return path


def cli_file(demo: Path, out: Path, *args: str, **env: str) -> bytes:
    proc = run_cli(*args, "-o", str(out), cwd=demo, SN_USER="mette", **env)
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes()


@pytest.fixture(scope="module")
def forord_diff(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Word:
    """The comparison in which the borgmester's Forord and its signature changed."""
    out = tmp_path_factory.mktemp("forord") / "sammenligning.docx"
    return Word(cli_file(demo, out, "diff", B, C, "--format", "docx"))


# ----------------------------------------------------------------------------- the page
def test_pages_are_a4_with_margins_of_two_to_two_and_a_half_cm(forord_diff: Word) -> None:
    [section] = forord_diff.body.iter(w("sectPr"))
    size = section.find("w:pgSz", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")  # 210 x 297 mm
    margin = section.find("w:pgMar", NS)
    for side in ("top", "bottom", "left", "right"):
        assert 2.0 * CM_IN_TWIPS - 2 <= int(margin.get(w(side))) <= 2.5 * CM_IN_TWIPS + 2, side


def test_header_names_the_kommune_and_the_title_and_the_footer_counts_pages(
    forord_diff: Word,
) -> None:
    [header] = forord_diff.matching(r"word/header\d*\.xml")
    header_text = "".join(header.itertext())
    assert "Eksempel Kommune" in header_text
    assert "Sammenligning af vedtaget 8. oktober 2025 og vedtaget 3. juni 2026" in header_text
    [footer] = forord_diff.matching(r"word/footer\d*\.xml")
    fields = [f.get(w("instr")).strip() for f in footer.iter(w("fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    footer_text = "".join(footer.itertext())
    assert footer_text.startswith("Side 1 af 1")  # the fields' placeholders until laid out
    assert "vedtaget 3. juni 2026" in footer_text


def test_every_table_fits_between_the_margins(forord_diff: Word) -> None:
    [section] = forord_diff.body.iter(w("sectPr"))
    width = text_width_twips(section)
    tables = list(forord_diff.body.iter(w("tbl")))
    assert tables
    for table in tables:
        columns = [int(c.get(w("w"))) for c in table.iter(w("gridCol"))]
        indent = int(table.find("w:tblPr/w:tblInd", NS).get(w("w")))
        assert indent > 0  # the border, drawn one cell margin left of the text, stays inside
        assert sum(columns) + indent <= width
        assert table.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"


# ----------------------------------------------------------------------------- the text
def test_the_forord_is_drawn_not_shown_as_markdown(forord_diff: Word) -> None:
    texts = forord_diff.paragraph_texts()
    assert not RAW_MARKDOWN.search("\n".join(texts))
    heading = "Serviceniveau – et redskab for børn, familier og medarbejdere"
    [p] = [p for p in forord_diff.body.iter(w("p")) if "".join(p.itertext()) == heading]
    assert all(r.find("w:rPr/w:b", NS) is not None for r in p.iter(w("r")))


def test_the_signature_keeps_its_line_break(forord_diff: Word, demo: Path, tmp_path: Path) -> None:
    texts = forord_diff.paragraph_texts()
    assert "Lene Bjerregaard" in texts and "Borgmester" in texts
    assert not any("Lene Bjerregaard Borgmester" in t for t in texts)
    html = cli_file(demo, tmp_path / "d.html", "diff", B, C, "--format", "html").decode()
    assert re.search(r"Lene Bjerregaard</ins><br>Borgmester", html)
    assert "### " not in html and "**" not in html
    whole = cli_file(demo, tmp_path / "s.html", "export", "--at", C, "--format", "html").decode()
    assert "Lene Bjerregaard<br" in whole


def test_frontmatter_changes_have_labels_and_danish_dates(demo: Path, tmp_path: Path) -> None:
    text = Word(cli_file(demo, tmp_path / "d.docx", "diff", A, C, "--format", "docx")).text()
    assert "Opdateret" in text and "opdateret" not in text
    assert "4. november 2024 → 17. marts 2026" in text
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text.split("Forord og principper")[1])


def test_numbered_lists_restart_in_every_indsats() -> None:
    steps = "Forløbet:\n\n1. Visitation\n2. Samtaler\n3. Opfølgning"
    snapshot = make_snapshot(
        draft(dt.datetime(2026, 4, 3, 10, 0, tzinfo=dt.UTC)),
        [
            make_indsats("a", titel="A", fields={"Indhold": steps}),
            make_indsats("b", titel="B", fields={"Indhold": steps}),
        ],
    )
    word = Word(render_document(snapshot, "docx"))
    numbering = word.xml("word/numbering.xml")
    firsts = []
    for p in word.body.iter(w("p")):
        num = p.find("w:pPr/w:numPr/w:numId", NS)
        if num is not None and "".join(p.itertext()) == "Visitation":
            firsts.append(num.get(w("val")))
    assert len(firsts) == 2 and firsts[0] != firsts[1]
    for num_id in firsts:
        [start] = numbering.xpath(
            f'w:num[@w:numId="{num_id}"]/w:lvlOverride/w:startOverride/@w:val', namespaces=NS
        )
        assert start == "1"


def test_numbered_lists_in_a_comparison_restart_too() -> None:
    before = make_snapshot(draft(), [make_indsats("a", titel="A"), make_indsats("b", titel="B")])
    steps = "1. Visitation\n2. Samtaler"
    after = make_snapshot(
        draft(dt.datetime(2026, 4, 3, 10, 0, tzinfo=dt.UTC)),
        [
            make_indsats("a", titel="A", fields={"Indhold": steps}),
            make_indsats("b", titel="B", fields={"Indhold": steps}),
        ],
    )
    word = Word(render_comparison(compare(before, after), "docx"))
    nums = {
        p.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
        for p in word.body.iter(w("p"))
        if p.find("w:pPr/w:numPr/w:numId", NS) is not None
    }
    assert len(nums) == 2
    assert not RAW_MARKDOWN.search(word.text())


# ----------------------------------------------------------------------------- changes, props
def test_every_tracked_change_has_an_author_and_the_adoption_date(forord_diff: Word) -> None:
    changes = [*forord_diff.body.iter(w("ins")), *forord_diff.body.iter(w("del"))]
    assert changes
    assert {c.get(w("author")) for c in changes} == {"Mette Kjærgaard"}  # adopted version C
    assert {c.get(w("date")) for c in changes} == {"2026-06-03T00:00:00Z"}


def test_a_draft_is_dated_by_its_last_commit(demo: Path, tmp_path: Path) -> None:
    committed = git(demo, "log", "-1", "--format=%cI", "main").strip()
    expected = dt.datetime.fromisoformat(committed).astimezone(dt.UTC)
    word = Word(cli_file(demo, tmp_path / "d.docx", "diff", A, "main", "--format", "docx"))
    changes = [*word.body.iter(w("ins")), *word.body.iter(w("del"))]
    assert changes
    assert {c.get(w("date")) for c in changes} == {expected.strftime("%Y-%m-%dT%H:%M:%SZ")}
    assert all(c.get(w("author")) for c in changes)


def test_the_file_properties_tell_the_truth(forord_diff: Word) -> None:
    document = docx.Document(io.BytesIO(_package(forord_diff)))
    props = document.core_properties
    assert props.title == "Sammenligning af vedtaget 8. oktober 2025 og vedtaget 3. juni 2026"
    assert props.author == "Mette Kjærgaard"
    assert props.created == dt.datetime(2026, 6, 3, tzinfo=dt.UTC)
    app = forord_diff.parts["docProps/app.xml"].decode()
    assert "<Company>Eksempel Kommune</Company>" in app
    assert "docProps/thumbnail.jpeg" not in forord_diff.parts["_rels/.rels"].decode()


def _package(word: Word) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in word.parts.items():
            package.writestr(name, data)
    return out.getvalue()


# ----------------------------------------------------------------------------- the template
def _template() -> bytes:
    document = docx.Document()
    document.styles["Normal"].font.name = "Garamond"
    document.styles["Normal"].font.size = Pt(12)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    section.header.paragraphs[0].text = "EKSEMPEL KOMMUNE LOGO"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _clone_with(demo: Path, tmp_path: Path, data: bytes) -> Path:
    clone = tmp_path / "kommune"
    subprocess.run(["git", "clone", "-q", str(demo), str(clone)], check=True)
    (clone / "skabelon.docx").write_bytes(data)
    git(clone, "add", "skabelon.docx")
    git(clone, "commit", "-q", "-m", "Kommunens Word-skabelon")
    return clone


def test_the_kommunes_template_is_the_base_document(demo: Path, tmp_path: Path) -> None:
    clone = _clone_with(demo, tmp_path, _template())
    out = tmp_path / "serviceniveau.docx"
    word = Word(cli_file(clone, out, "export", "--at", C, "--format", "docx"))
    headers = "".join("".join(h.itertext()) for h in word.matching(r"word/header\d*\.xml"))
    assert "EKSEMPEL KOMMUNE LOGO" in headers
    assert b"Garamond" in word.parts["word/styles.xml"]
    assert "Anbringelse i plejefamilie" in word.text()
    assert "EKSEMPEL KOMMUNE LOGO" not in word.text()  # the template's body is not kept
    [section] = word.body.iter(w("sectPr"))
    assert section.find("w:pgMar", NS).get(w("left")) == str(round(2.2 * 567.0))


def test_a_broken_template_is_refused_in_one_sentence(demo: Path, tmp_path: Path) -> None:
    clone = _clone_with(demo, tmp_path, b"ikke et Word-dokument")
    out = tmp_path / "sammenligning.docx"
    proc = run_cli("diff", A, B, "--format", "docx", "-o", str(out), cwd=clone)
    assert proc.returncode == 2
    assert "skabelon.docx kan ikke læses som et Word-dokument" in proc.stderr
    assert "Traceback" not in proc.stderr and not out.exists()


# ----------------------------------------------------------------------------- PDF
def _pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (key.strip(), value.strip())
        for key, value in (line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
    )


def _page_text(path: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _words(path: Path) -> list[tuple[str, float, float]]:
    """Every word of the PDF with its left and right edge in points (pdftotext -bbox)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', html
    )
    return [(text, float(x0), float(x1)) for x0, x1, text in found]


def _weasyprint_missing() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return True
    return False


needs_pdfinfo = pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) is not installed here"
)


@needs_pdfinfo
@pytest.mark.skipif(_weasyprint_missing(), reason="WeasyPrint (sn-tui[pdf]) or pango is missing")
@pytest.mark.parametrize("command", [("diff", B, C), ("export", "--at", C)])
def test_weasyprint_pdf_is_a4_and_counts_its_pages(
    demo: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    out = tmp_path / "dokument.pdf"
    cli_file(demo, out, *command, "--format", "pdf", SN_PDF_RENDERER="weasyprint")
    info = _pdfinfo(out)
    assert info["Page size"].endswith("(A4)")
    assert info["Tagged"] == "yes"
    pages = int(info["Pages"])
    assert pages >= 2
    assert f"Side {pages} af {pages}" in _page_text(out, pages)
    assert "Eksempel Kommune" in _page_text(out, 1)
    assert not RAW_MARKDOWN.search(_page_text(out, 2))


@needs_pdfinfo
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is missing")
def test_libreoffice_lays_out_the_word_file_on_a4(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "dokument.pdf"
    cli_file(demo, out, "diff", B, C, "--format", "pdf", SN_PDF_RENDERER="libreoffice")
    info = _pdfinfo(out)
    assert info["Page size"].endswith("(A4)")
    pages = int(info["Pages"])
    assert pages >= 2
    last = _page_text(out, pages)
    assert f"Side {pages} af {pages}" in last  # Word's PAGE and NUMPAGES fields, filled in
    assert "vedtaget 3. juni 2026" in last
    # every word on every page lies between the margins (2.5 cm left, 2 cm right; 1 pt slack)
    left, right = 2.5 / 2.54 * 72 - 1, (21.0 - 2.0) / 2.54 * 72 + 1
    words = _words(out)
    assert words
    outside = [(text, x0, x1) for text, x0, x1 in words if x0 < left or x1 > right]
    assert outside == []


def test_without_a_pdf_renderer_the_user_is_told_what_to_install(
    demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dokument.pdf"
    proc = run_cli(
        "diff", B, C, "--format", "pdf", "-o", str(out), cwd=demo, SN_PDF_RENDERER="ingen"
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "sn-tui: PDF kræver WeasyPrint (pip install 'sn-tui[pdf]') eller LibreOffice (soffice);"
        " ingen af dem er installeret her."
    )
    assert not out.exists()


# ----------------------------------------------------------------------------- the bench
@pytest.mark.slow
def test_the_bench_prints_p50_and_p95_for_docx_and_pdf() -> None:
    bench = Path(__file__).resolve().parents[1] / "bench" / "paper_documents.py"
    command = [sys.executable, str(bench), "--indsatser", "3", "--changes", "12", "--runs", "1"]
    proc = subprocess.run(
        command, capture_output=True, text=True, env=cli_env(), timeout=600, check=False
    )
    if proc.returncode != 0 and "PDF kræver" in proc.stderr:
        pytest.skip("neither WeasyPrint nor LibreOffice is installed here")
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Sammenligning: 3 ændrede indsatser")
    assert re.match(r"docx: p50 \d+ ms, p95 \d+ ms over 1 kørsler", lines[2])
    assert re.match(r"pdf: p50 \d+ ms, p95 \d+ ms over 1 kørsler", lines[3])
