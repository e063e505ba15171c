"""The benchmark itself cannot rot: it runs on a small corpus and prints its table.

No timing is asserted here; figures are for reading, not for passing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bench_run_quick_prints_the_table() -> None:
    proc = subprocess.run(
        [
            *(sys.executable, str(ROOT / "bench/run.py"), "--quick"),
            *("--indsatser", "20", "--runs", "2", "--sessions", "2"),
        ],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Korpus: 20 indsatser")
    header = lines[1].split("|")
    assert [h.strip() for h in header][:3] == ["figur", "p50", "p95"]
    names = [line.split("|")[0].strip() for line in lines[3:]]
    assert "én gemning gennem store" in names
    for start in (
        "sn-tui diff --format json",
        "sn-tui check",
        "sn-tui list --at",
        "review-matrix",
        "start til interaktiv oversigt",
        "første start",
        "RSS-top",
        "tast til skærm",
        "enter på en række → editoren",
        "ctrl+s",
        "m → reviewmatrix",
        "c på versioner",
        "g → datagrundlag",
        "processor pr. session",
        "resident hukommelse pr. session",
    ):
        assert any(name.startswith(start) for name in names), start
    assert any(name.endswith("kold: tomme caches") for name in names)
    for line in lines[3:]:
        cells = [c.strip() for c in line.split("|")]
        assert float(cells[1].split()[0]) > 0


@pytest.mark.slow
def test_review_matrix_bench_computes_and_renders() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench/review_matrix.py"),
            *("--indsatser", "30", "--reviews", "300", "--runs", "1"),
        ],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.startswith("30 indsatser × 12 faggrupper, 300 reviews, sqlite:")
    assert "matrixskærmen åbnet, tast til tegnet: median" in proc.stdout
    assert "én side ned i gitteret: median" in proc.stdout


def test_corpus_is_reproducible(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    a = generate(tmp_path / "a", indsatser=5, commits=12, tags=3, seed=7)
    b = generate(tmp_path / "b", indsatser=5, commits=12, tags=3, seed=7)
    heads = [
        subprocess.run(
            ["git", "-C", str(c.path), "rev-parse", "main", *c.tags],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for c in (a, b)
    ]
    assert heads[0] == heads[1]
    assert len(a.tags) == 3
