"""The demo's datagrundlag: three years from the finance system, each adopted version carrying
the numbers it was decided on, and the figures `sn-tui datagrundlag` shows from them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "eksempel"
    proc = run_cli("demo", str(path), "--no-tui")
    assert proc.returncode == 0, proc.stderr
    return path


def shown(demo: Path, *args: str) -> Any:
    proc = run_cli("datagrundlag", "--format", "json", *args, cwd=demo)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_three_years_on_main_and_each_adopted_version_carries_its_own(demo: Path) -> None:
    assert list(shown(demo)["aar"]) == ["2023", "2024", "2025"]
    assert list(shown(demo, "--at", "vedtaget/2025-01-22")["aar"]) == ["2023"]
    assert list(shown(demo, "--at", "vedtaget/2025-10-08")["aar"]) == ["2023", "2024"]


def test_figures_kategorier_and_the_deviation_beyond_the_threshold(demo: Path) -> None:
    data = shown(demo, "--aar", "2025")
    rows = {r["indsats"]: r for r in data["aar"]["2025"]}
    home = rows["doegninstitution"]
    assert home["titel"] == "Anbringelse på børne- og ungehjem"
    assert home["pris_pr_barn"] == round(home["udgift_kr"] / home["antal_boern"])
    assert home["pris_pr_helaarsperson"] == round(home["udgift_kr"] / home["helaarspersoner"])
    assert home["aendring_pct"]["udgift_kr"] > 10  # dearer than in 2024
    assert data["graense_pct"] == 20
    deviations = {(d["indsats"], d["hvad"]) for d in data["afvigelser"]}
    assert ("doegninstitution", "budget_kr") in deviations
    assert ("familieraadgivning", "forventet_antal") in deviations
    anbringelse = data["kategorier"]["Anbringelse"]
    assert set(anbringelse) == {"2023", "2024", "2025"}
    text = run_cli("datagrundlag", "--aar", "2025", cwd=demo).stdout
    assert text.startswith("Datagrundlag 2025\n")
    assert "Anbringelse på børne- og ungehjem | 32 | 27,5 | 59.944.001 kr." in text
    assert "Budget og forventet antal mod seneste tal (grænse 20 %)" in text


def test_a_year_without_numbers_is_one_sentence(demo: Path) -> None:
    proc = run_cli("datagrundlag", "--aar", "2019", cwd=demo)
    assert proc.returncode == 2
    assert proc.stderr == (
        "sn-tui: Der er intet datagrundlag for 2019; årene er: 2023, 2024, 2025.\n"
    )
    wrong = run_cli("datagrundlag", "--aar", "19", cwd=demo)
    assert wrong.returncode == 2
    assert "--aar skal være et årstal som 2025, ikke '19'." in wrong.stderr
