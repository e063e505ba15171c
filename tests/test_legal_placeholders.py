"""Template placeholders left in the text are errors (issue 16 § 3), so nothing with them can
be adopted; the catalogue's own examples are run here."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import git, run_cli
from legal_docs import indsats, indsats_text, line_of, serviceniveau
from sn_tui.domain.checks.legal import check_indsats, check_serviceniveau
from sn_tui.domain.checks.legal.placeholders import catalogue


def codes(text: str) -> list[str]:
    doc = indsats({"Levering af ydelsen": text})
    return [f.code for f in check_indsats("i.md", doc) if f.kind == "pladsholder"]


@pytest.mark.parametrize("text", catalogue().skal_fange)
def test_each_placeholder_example_is_an_error(text: str) -> None:
    assert codes(text) == ["skabelon-pladsholder"], text


@pytest.mark.parametrize("text", catalogue().maa_ikke_fange)
def test_links_footnotes_and_prose_are_no_placeholders(text: str) -> None:
    assert codes(text) == [], text


def test_every_placeholder_in_serviceniveau_md_and_its_frontmatter_is_reported() -> None:
    doc = serviceniveau(
        "[Borgmesterens forord: …] Serviceniveauet gælder for XX Kommune.",
        "Der foretages altid en konkret og individuel vurdering. [tekst]",
    )
    doc = type(doc).parse(doc.text.replace("Testrup Kommune", "XX Kommune", 1))
    found = [f for f in check_serviceniveau("serviceniveau.md", doc) if f.kind == "pladsholder"]
    forord, principper = line_of(doc.text, "[Borgmester"), line_of(doc.text, "[tekst]")
    assert [(f.severity, f.field, f.line) for f in found] == [
        ("error", None, line_of(doc.text, "kommune: XX")),
        ("error", "Forord", forord),
        ("error", "Forord", forord),
        ("error", "Principper for indsatsen", principper),
    ]


def test_a_required_field_reports_its_placeholder_once() -> None:
    doc = indsats({"Omfang/varighed": "[tekst]"})
    found = [f.code for f in check_indsats("i.md", doc) if f.kind == "pladsholder"]
    assert found == ["lovhjemmel-content-placeholder"]


def test_an_indsats_with_a_placeholder_cannot_be_adopted(repo_path: Path) -> None:
    text = indsats_text({"Indhold": "Kontaktpersonen ______ barnet."})
    (repo_path / "indsatser" / "kontaktperson.md").write_text(text, encoding="utf-8")
    git(repo_path, "add", "-A")
    git(repo_path, "commit", "-qm", "Halvfærdig indsats")
    proc = run_cli(
        "adopt",
        "--date",
        "2026-03-12",
        "--udvalg",
        "Børne- og Ungeudvalget",
        "--punkt",
        "4",
        cwd=repo_path,
        SN_USER="ole",
    )
    assert proc.returncode == 2
    assert "pladsholder" in proc.stderr and "______" in proc.stderr
    assert git(repo_path, "tag", "-l") == ""
