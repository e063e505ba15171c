"""`sn-tui check` sets each indsats' budget and expected count (frontmatter) against its latest
numbers in the datagrundlag: a warning beyond the kommune's threshold (default 20 %, set in
serviceniveau.md), never an error; a year file naming an unknown indsats is a warning too."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import git, run_cli


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Ole", "-c", "user.email=o@x", "commit", "-qm", message)


def datagrundlag(repo: Path, year: int, lines: list[str]) -> None:
    (repo / "datagrundlag").mkdir(exist_ok=True)
    header = "indsats;antal_boern;helaarspersoner;udgift_kr;kilde;kontoplan"
    (repo / f"datagrundlag/{year}.csv").write_text(
        "\r\n".join([header, *lines]) + "\r\n", encoding="utf-8-sig"
    )


def warnings(repo: Path) -> list[tuple[str, int, str, str]]:
    proc = run_cli("check", "--format", "json", cwd=repo)
    data = json.loads(proc.stdout)
    return [
        (f["path"], f["line"], f["severity"], f["message"])
        for f in data["findings"]
        if f["code"].startswith("datagrundlag-")
    ]


def test_budget_and_count_beyond_the_threshold_warn(repo_path: Path) -> None:
    # both indsatser: budget 4.500.000 kr., 60 children expected (conftest.indsats_text)
    datagrundlag(repo_path, 2024, ["familiebehandling;10;8;1000000;x;"])
    datagrundlag(
        repo_path,
        2025,
        ["familiebehandling;61;40;5800000;x;", "fast-kontaktperson;45;30;4600000;x;",
         "botilbud;1;1;1;x;"],
    )  # fmt: skip
    commit_all(repo_path, "tal")
    assert warnings(repo_path) == [
        ("datagrundlag/2025.csv", 4, "warning",
         "Indsatsen 'botilbud' findes ikke i serviceniveauet."),
        ("indsatser/familiebehandling.md", 7, "warning",
         "Budgettet 4.500.000 kr. afviger 22 % fra udgiften 5.800.000 kr. i datagrundlaget "
         "for 2025 (grænsen er 20 %)."),
        ("indsatser/fast-kontaktperson.md", 8, "warning",
         "Det forventede antal 60 afviger 33 % fra 45 børn i datagrundlaget for 2025 "
         "(grænsen er 20 %)."),
    ]  # fmt: skip
    assert run_cli("check", cwd=repo_path).returncode == 0  # warnings never fail check


def test_the_kommune_sets_its_own_threshold(repo_path: Path) -> None:
    datagrundlag(repo_path, 2025, ["familiebehandling;61;40;5800000;x;"])
    text = (repo_path / "serviceniveau.md").read_text(encoding="utf-8")
    (repo_path / "serviceniveau.md").write_text(
        text.replace("---\n", "---\ndatagrundlag_afvigelse_pct: 25\n", 1), encoding="utf-8"
    )
    commit_all(repo_path, "grænse")
    assert warnings(repo_path) == []
    shown = json.loads(run_cli("datagrundlag", "--format", "json", cwd=repo_path).stdout)
    assert shown["graense_pct"] == 25
