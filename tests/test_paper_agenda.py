"""`sn-tui dagsorden A B`: the committee's dagsordenpunkt made from the demo's Git history and
review database, as the secretary runs it, in Word, PDF and Markdown."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import run_cli
from paper_docx import NS, Word, w

B, C = "vedtaget/2025-10-08", "vedtaget/2026-06-03"
SECTIONS = (
    "Indstilling",
    "Sagsfremstilling",
    "Økonomiske konsekvenser",
    "Høring",
    "Lovgrundlag",
    "Bilag",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dagsorden") / "demo"
    assert run_cli("demo", str(path), "--no-tui").returncode == 0
    return path


def agenda(demo: Path, out: Path, *args: str) -> bytes:
    proc = run_cli("dagsorden", *args, "-o", str(out), cwd=demo, SN_USER="mette")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"Dagsordenpunktet er skrevet til {out}."
    return out.read_bytes()


@pytest.fixture(scope="module")
def markdown(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("md") / "punkt.md"
    return agenda(demo, out, B, "main", "--format", "md").decode()


def section(md: str, name: str) -> str:
    """One `## ` section of the Markdown agenda item."""
    match = re.search(rf"^## {re.escape(name)}\n(.*?)(?=^## |\Z)", md, re.S | re.M)
    assert match, name
    return match.group(1)


def test_the_sections_come_in_the_committees_order(markdown: str) -> None:
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert headings[: len(SECTIONS)] == list(SECTIONS)
    assert headings[len(SECTIONS)].startswith("Bilag 1: Sammenligning af vedtaget 8. oktober")


def test_the_default_indstilling_names_both_versions(markdown: str) -> None:
    text = section(markdown, "Indstilling")
    assert "godkender det reviderede serviceniveau (udkastet (main))" in text
    assert "afløser vedtaget 8. oktober 2025" in text


def test_the_sagsfremstilling_says_what_changed_in_each_indsats(markdown: str) -> None:
    text = section(markdown, "Sagsfremstilling")
    assert "1 ny, 1 fjernet og 10 ændrede indsatser; 7 er uændrede" in text
    assert "Forord og principper er ændret (Forord)." in text
    assert "- **Hjemmetræning** (Børn med funktionsnedsættelse): Hjemmetræning gør" in text
    assert "- **Anden hjælp: rådgivning, behandling og støtte**" in text
    [line] = [ln for ln in text.splitlines() if ln.startswith("- **Netværks- og samtalegrupper**")]
    assert "Ændret i Indhold, Målgruppe/tildelingskriterier." in line
    assert "Fjernet: »grupper for børn, hvis forældre er gået fra hinanden, og«" in line
    [line] = [ln for ln in text.splitlines() if ln.startswith("- **Efterskoleophold**")]
    assert "Budget 1.100.000 kr. → 1.350.000 kr., +23 %." in line


def test_the_economy_is_shown_per_indsats_and_in_total(markdown: str) -> None:
    """The plan before and after, with the datagrundlag's actual numbers beside it (issue 22)."""
    text = section(markdown, "Økonomiske konsekvenser")
    assert "| **Hjemmetræning** | budget – → 1.050.000 kr.; forventet antal – → 4 |" in text
    assert (
        "| **Familiebehandling** | budget 15.200.000 kr. → 16.400.000 kr. (+8 %); "
        "forventet antal 165 → 182 (+10 %); "
        "seneste datagrundlag 2025: 18.252.001 kr. til 184 børn |"
    ) in text
    assert (
        "| **I alt** | budget 168.250.000 kr. → 170.950.000 kr. (+2 %); forventet antal 1.428 → "
        "1.430 (+0,1 %); datagrundlag i A (2024): 172.598.609 kr. til 1.420 børn; "
        "datagrundlag i B (2025): 187.186.909 kr. til 1.356 børn |"
    ) in text


def test_without_a_datagrundlag_the_economy_is_the_plan_alone(demo: Path, tmp_path: Path) -> None:
    """A kommune that keeps no datagrundlag still gets the plan's figures, in the same rows."""
    repo = tmp_path / "uden"
    shutil.copytree(demo, repo)

    def commit(message: str) -> str:
        subprocess.run(["git", "-C", str(repo), "commit", "-qam", message], check=True)
        rev = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True)
        return rev.stdout.decode().strip()

    subprocess.run(["git", "-C", str(repo), "rm", "-rq", "datagrundlag"], check=True)
    before = commit("Uden datagrundlag")
    path = repo / "indsatser" / "familiebehandling.md"
    path.write_text(path.read_text().replace("16400000", "17000000"), encoding="utf-8")
    after = commit("Familiebehandling: højere budget")
    text = section(agenda(repo, tmp_path / "punkt.md", before, after, "--format", "md").decode(),
                   "Økonomiske konsekvenser")  # fmt: skip
    rows = [line for line in text.splitlines() if line.startswith("| **")]
    assert rows[0] == (
        "| **Familiebehandling** | budget 16.400.000 kr. → 17.000.000 kr. (+4 %); "
        "forventet antal 182 |"
    )
    assert rows[-1].startswith("| **I alt** | budget ") and "datagrundlag" not in text
    assert len(rows) == 2


def test_the_hearing_comes_from_the_review_database(markdown: str) -> None:
    text = section(markdown, "Høring")
    assert "Høringsrunden »Høring før Børne- og Ungeudvalgets møde i december«" in text
    assert "er stadig åben" in text
    assert re.search(r"\| \*\*Myndighedsrådgivere\*\* \| \d+ af \d+ godkendt \|", text)
    assert "- PPR om Hjemmetræning: »Målgruppen er for bred; beskriv, hvornår hjemmetræning" in text


def test_the_law_lists_the_provisions_the_indsatser_cite(markdown: str) -> None:
    text = section(markdown, "Lovgrundlag")
    assert "- § 32, stk. 1, nr. 5: Familiebehandling" in text
    assert "- §§ 113–116: Ungestøtte til unge fra 18 til 22 år" in text
    assert "- § 85: Hjemmetræning" in text


def test_word_has_the_sections_the_indstilling_given_and_the_bilag_tracked(
    demo: Path, tmp_path: Path
) -> None:
    indstilling = "Forvaltningen indstiller, at Børne- og Ungeudvalget godkender serviceniveauet."
    data = agenda(
        demo, tmp_path / "punkt.docx", B, C, "--format", "docx", "--indstilling", indstilling
    )
    document = docx.Document(str(tmp_path / "punkt.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[: len(SECTIONS)] == list(SECTIONS)
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("Indstilling") + 1] == indstilling
    word = Word(data)
    changes = [*word.body.iter(w("ins")), *word.body.iter(w("del"))]
    assert changes and {c.get(w("date")) for c in changes} == {"2026-06-03T00:00:00Z"}
    [section_pr] = word.body.iter(w("sectPr"))
    assert section_pr.find("w:pgSz", NS).get(w("w")) == "11906"
    assert "**" not in word.text() and "### " not in word.text()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) is missing")
def test_pdf_is_a4(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "punkt.pdf"
    proc = run_cli("dagsorden", B, C, "--format", "pdf", "-o", str(out), cwd=demo)
    if proc.returncode == 2 and "PDF kræver" in proc.stderr:
        pytest.skip("neither WeasyPrint nor LibreOffice is installed here")
    assert proc.returncode == 0, proc.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout


def test_an_unknown_version_is_one_sentence_and_no_file(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "punkt.docx"
    proc = run_cli("dagsorden", "vedtaget/1999-01-01", "main", "-o", str(out), cwd=demo)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "sn-tui: Versionen 'vedtaget/1999-01-01' findes ikke i repositoriet."
    )
    assert not out.exists()


def test_markdown_can_go_to_stdout(demo: Path) -> None:
    proc = run_cli("dagsorden", B, C, "--format", "md", "-o", "-", cwd=demo)
    assert proc.returncode == 0
    assert proc.stdout.startswith("# Serviceniveau for børn og unge med særlige behov")
