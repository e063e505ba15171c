"""Eight OS processes saving at the same moment: nothing is lost, conflicts are reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env, git, make_repo, run_cli

IDS = tuple(f"indsats-{n}" for n in range(8))


def _spawn(repo: Path, args: list[str], login: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sn_tui", *args],
        cwd=repo,
        env=cli_env(SN_USER=login),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(params=["bare", "worktree"])
def repo8(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", bare=request.param == "bare", ids=IDS)


@pytest.mark.slow
def test_eight_processes_on_eight_indsatser_all_land(repo8: Path, tmp_path: Path) -> None:
    base = git(repo8, "rev-parse", "main").strip()
    procs = []
    for n, ident in enumerate(IDS):
        text = tmp_path / f"{ident}.txt"
        text.write_text(f"Formål skrevet af proces {n}.\n", encoding="utf-8")
        args = ["set", ident, "--field", "Formål", "--text-file", str(text), "--base", base]
        procs.append(_spawn(repo8, args, "ole" if n % 2 else "mette"))
    results = [
        (p.wait(60), p.stdout.read() if p.stdout else "", p.stderr.read() if p.stderr else "")
        for p in procs
    ]
    assert [r[0] for r in results] == [0] * 8, results
    assert len(git(repo8, "rev-list", f"{base}..main").split()) == 8
    items = {i["id"]: i for i in json.loads(run_cli("list", "--format", "json", cwd=repo8).stdout)}
    for n, ident in enumerate(IDS):
        shown = json.loads(run_cli("show", ident, "--format", "json", cwd=repo8).stdout)
        assert shown["fields"]["Formål"] == f"Formål skrevet af proces {n}."
    assert len(items) == 8
    git(repo8, "fsck", "--strict")
    if (repo8 / ".git").exists():
        assert git(repo8, "status", "--porcelain") == ""


@pytest.mark.slow
def test_eight_processes_on_one_field_exactly_one_wins(repo8: Path, tmp_path: Path) -> None:
    base = git(repo8, "rev-parse", "main").strip()
    procs = []
    for n in range(8):
        text = tmp_path / f"{n}.txt"
        text.write_text(f"Version {n} af formålet.\n", encoding="utf-8")
        args = ["set", IDS[0], "--field", "Formål", "--text-file", str(text), "--base", base]
        procs.append(_spawn(repo8, args, "ole"))
    results = [(p.wait(60), p.stderr.read() if p.stderr else "") for p in procs]
    codes = sorted(r[0] for r in results)
    assert codes == [0] + [3] * 7, results
    for code, err in results:
        if code == 3:
            assert "Konflikt" in err and "Formål" in err
    assert len(git(repo8, "rev-list", f"{base}..main").split()) == 1
    winner = json.loads(run_cli("show", IDS[0], "--format", "json", cwd=repo8).stdout)
    assert winner["fields"]["Formål"] in {f"Version {n} af formålet." for n in range(8)}
    git(repo8, "fsck", "--strict")
