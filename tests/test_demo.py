"""The demo: built from data/ in seconds, the same commits every time, and clean under check."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from conftest import git, run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "eksempel"
    proc = run_cli("demo", str(path), "--no-tui")
    assert proc.returncode == 0, proc.stderr
    return path


def test_demo_is_the_same_every_time(demo: Path, tmp_path: Path) -> None:
    again = tmp_path / "igen"
    assert run_cli("demo", str(again), "--no-tui").returncode == 0
    refs = ["main", *git(demo, "tag", "-l").split()]
    assert git(demo, "rev-parse", *refs) == git(again, "rev-parse", *refs)


def test_demo_passes_check(demo: Path) -> None:
    proc = run_cli("check", "--format", "json", cwd=demo)
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout)["errors"] == 0


def test_demo_has_the_breadth_of_a_real_kommune(demo: Path) -> None:
    items = json.loads(run_cli("list", "--format", "json", cwd=demo).stdout)
    assert len(items) >= 14
    laws = " ".join(i["lovhjemmel"] for i in items)
    for provision in ("§ 30", "§ 32", "§ 35", "§ 86", "§ 87", "113"):
        assert provision in laws, provision
    assert any("§ 46" in i["lovhjemmel"] or "§ 47" in i["lovhjemmel"] for i in items)
    versions = json.loads(run_cli("versions", "--format", "json", cwd=demo).stdout)
    assert len(versions) >= 3
    authors = set(git(demo, "log", "--format=%an", "main").split("\n")) - {""}
    assert len(authors) >= 5
    dates = git(demo, "log", "--format=%as", "main").split()
    assert dates[-1][:4] != dates[0][:4]
    assert git(demo, "status", "--porcelain") == ""


def test_adopted_versions_differ_really(demo: Path) -> None:
    tags = sorted(git(demo, "tag", "-l", "vedtaget/*").split())
    for older, newer in itertools.pairwise(tags):
        stat = git(demo, "diff", "--name-status", older, newer)
        assert stat.strip(), (older, newer)
    first, last = tags[0], tags[-1]
    status = git(demo, "diff", "--name-status", first, last)
    assert any(line.startswith("A") for line in status.splitlines())
    assert any(line.startswith("D") for line in status.splitlines())


def test_demo_refuses_a_folder_with_other_things(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    proc = run_cli("demo", str(tmp_path), "--no-tui")
    assert proc.returncode == 2 and "ikke et demo-repository" in proc.stderr


def test_demo_comes_with_reviews_of_every_kind_and_an_open_round(demo: Path) -> None:
    status = json.loads(run_cli("review", "status", "--format", "json", cwd=demo).stdout)
    rows = {row["id"]: row for row in status["indsatser"]}
    assert {ident for ident, row in rows.items() if row["klar"]} == {
        "fast-kontaktperson",
        "merudgifter",
    }
    # approved in the adopted version, changed since: stale, not lost
    assert rows["familiebehandling"]["cells"]["myndighed"] == "stale"
    assert rows["familiebehandling"]["cells"]["sundhedspleje"] == "changes_requested"
    assert rows["hjemmetraening"]["cells"]["ppr"] == "changes_requested"
    assert rows["doegnophold-familie"]["progress"] == "2/5"
    rounds = run_cli("review", "round", "status", cwd=demo)
    assert rounds.returncode == 0, rounds.stderr
    assert "Høring før Børne- og Ungeudvalgets møde i december" in rounds.stdout
