"""The datagrundlag where decisions are made: the whole document shows each indsats' numbers
and the spending per kategori; a comparison shows the økonomiske konsekvenser (budget and
numbers before/after, per indsats and in total) and carries both sides' numbers in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from conftest import git, run_cli
from sn_tui.export.comparison_json import schema

HEADER = "indsats;antal_boern;helaarspersoner;udgift_kr;kilde;kontoplan"


def commit_year(repo: Path, year: int, lines: list[str], message: str) -> None:
    (repo / "datagrundlag").mkdir(exist_ok=True)
    (repo / f"datagrundlag/{year}.csv").write_text(
        "\r\n".join([HEADER, *lines]) + "\r\n", encoding="utf-8-sig"
    )
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Ole", "-c", "user.email=o@x", "commit", "-qm", message)


def test_document_export_shows_numbers_per_indsats_and_kategori(repo_path: Path) -> None:
    commit_year(repo_path, 2024, ["familiebehandling;50;40;4000000;Prisme 2025;"], "2024")
    commit_year(repo_path, 2025, ["familiebehandling;55;44;4400000,50;Prisme 2026;"], "2025")
    proc = run_cli("export", "--format", "md", "-o", "-", cwd=repo_path)
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    section = md[md.index("#### Familiebehandling") : md.index("#### Fast kontaktperson")]
    assert section.index("**Datagrundlag 2025**") < section.index("**Datagrundlag 2024**")
    assert (
        # 4.400.000,50 kr. is 4.400.001 kr., as a spreadsheet rounds it (a half away from zero)
        "| **Datagrundlag 2025** | 55 børn, 44 helårspersoner, 4.400.001 kr. (80.000 kr. pr. "
        "barn, 100.000 kr. pr. helårsperson) · kilde: Prisme 2026 |" in section
    )
    assert "## Datagrundlag: udgift pr. kategori" in md
    assert "| **Støttende indsatser** | 2024: 4.000.000 kr. · 2025: 4.400.001 kr. |" in md
    nothing = run_cli("export", "--format", "md", "-o", "-", "--at", "HEAD~2", cwd=repo_path)
    assert "Datagrundlag" not in nothing.stdout  # that version had no numbers


def test_comparison_shows_the_economic_consequences(repo_path: Path) -> None:
    commit_year(repo_path, 2024, ["familiebehandling;50;40;4000000;x;"], "2024")
    before = git(repo_path, "rev-parse", "HEAD").strip()
    assert (
        run_cli(
            "set", "familiebehandling", "økonomi.budget_kr", "5000000", cwd=repo_path, SN_USER="ole"
        ).returncode
        == 0
    )
    commit_year(repo_path, 2025, ["familiebehandling;55;44;4800000;x;"], "2025")
    text = run_cli("diff", before, "main", cwd=repo_path).stdout
    assert "Økonomiske konsekvenser" in text
    line = next(x for x in text.splitlines() if x.strip().startswith("Familiebehandling:"))
    assert line.split(":", 1)[1].strip() == (
        "budget 4.500.000 kr. → 5.000.000 kr. (+11 %); forventet antal 60; "
        "seneste datagrundlag 2025: 4.800.000 kr. til 55 børn"
    )
    total = next(x for x in text.splitlines() if x.strip().startswith("I alt:"))
    assert "datagrundlag i A (2024): 4.000.000 kr. til 50 børn" in total
    assert "datagrundlag i B (2025): 4.800.000 kr. til 55 børn" in total
    data = json.loads(run_cli("diff", before, "main", "--format", "json", cwd=repo_path).stdout)
    jsonschema.validate(data, schema())
    assert list(data["datagrundlag"]["a"]) == ["2024"]
    assert data["datagrundlag"]["b"]["2025"][0]["udgift_kr"] == 4800000
