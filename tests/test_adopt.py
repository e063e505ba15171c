"""Adopting versions: rights, refusals, trailers, versions in force on a date, moved tags."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import git, run_cli


def _adopt(
    repo: Path, user: str, date: str = "2026-03-12", *extra: str
) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "adopt",
        "--date",
        date,
        "--udvalg",
        "Børne- og Ungeudvalget",
        "--punkt",
        "7",
        "--yes",  # nothing is reviewed here; the summary and --yes: test_guard_adopt.py
        *extra,
        cwd=repo,
        SN_USER=user,
    )


def test_adopt_tags_main_with_trailers(repo_path: Path) -> None:
    proc = _adopt(repo_path, "ole", "2026-03-12", "--ikraft", "2026-04-01")
    assert proc.returncode == 0, proc.stderr
    assert "vedtaget/2026-03-12" in proc.stdout
    assert git(repo_path, "cat-file", "-t", "vedtaget/2026-03-12").strip() == "tag"
    message = git(repo_path, "tag", "-l", "--format=%(contents)", "vedtaget/2026-03-12")
    for line in (
        "Vedtaget-af: Ole Test <ole@testrup.dk>",
        "Moededato: 2026-03-12",
        "Dagsordenpunkt: 7",
        "Ikrafttraeden: 2026-04-01",
        "Review-status: ingen reviews",
    ):
        assert line in message
    versions = json.loads(run_cli("versions", "--format", "json", cwd=repo_path).stdout)
    assert versions[0]["tag"] == "vedtaget/2026-03-12"
    assert versions[0]["udvalg"] == "Børne- og Ungeudvalget"
    assert versions[0]["ikraft"] == "2026-04-01"


def test_second_adoption_on_one_day_gets_a_suffix_and_newest_first(repo_path: Path) -> None:
    assert _adopt(repo_path, "ole").returncode == 0
    run_cli("set", "familiebehandling", "titel", "Ændret", cwd=repo_path, SN_USER="ole")
    proc = _adopt(repo_path, "ole")
    assert proc.returncode == 0 and "vedtaget/2026-03-12-2" in proc.stdout
    versions = json.loads(run_cli("versions", "--format", "json", cwd=repo_path).stdout)
    assert [v["tag"] for v in versions] == ["vedtaget/2026-03-12-2", "vedtaget/2026-03-12"]


def test_version_in_force_on_a_date(repo_path: Path) -> None:
    assert _adopt(repo_path, "ole", "2026-01-10", "--ikraft", "2026-02-01").returncode == 0
    run_cli("set", "familiebehandling", "titel", "Ny titel", cwd=repo_path, SN_USER="ole")
    assert _adopt(repo_path, "ole", "2026-05-10").returncode == 0

    def titel_on(day: str) -> str:
        proc = run_cli("show", "familiebehandling", "--at", day, "--format", "json", cwd=repo_path)
        assert proc.returncode == 0, proc.stderr
        return str(json.loads(proc.stdout)["meta"]["titel"])

    assert titel_on("2026-02-01") == "Familiebehandling"
    assert titel_on("2026-05-09") == "Familiebehandling"
    assert titel_on("2026-05-10") == "Ny titel"
    early = run_cli("show", "familiebehandling", "--at", "2026-01-20", cwd=repo_path)
    assert early.returncode == 2 and "ikke vedtaget" in early.stderr


def test_only_godkender_or_admin_may_adopt(repo_path: Path) -> None:
    proc = _adopt(repo_path, "mette")
    assert proc.returncode == 2
    assert "godkender" in proc.stderr and "Traceback" not in proc.stderr
    assert git(repo_path, "tag", "-l") == ""
    stranger = _adopt(repo_path, "fremmed")
    assert stranger.returncode == 2 and "adgang.yml" in stranger.stderr


def test_adopt_refused_while_check_reports_errors(repo_path: Path) -> None:
    run_cli("set", "familiebehandling", "faggrupper", "[tandpleje]", cwd=repo_path, SN_USER="ole")
    proc = _adopt(repo_path, "ole")
    assert proc.returncode == 2 and "sn-tui check" in proc.stderr
    first, *errors = proc.stderr.splitlines()
    assert first.startswith("sn-tui: Serviceniveauet kan ikke vedtages")
    assert errors and all(line.startswith("indsatser/familiebehandling.md:") for line in errors)
    assert any("tandpleje" in line for line in errors)
    assert git(repo_path, "tag", "-l") == ""


def test_a_moved_or_deleted_tag_is_reported_by_every_command(repo_path: Path) -> None:
    assert _adopt(repo_path, "ole").returncode == 0
    run_cli("set", "familiebehandling", "titel", "Senere", cwd=repo_path, SN_USER="ole")
    git(repo_path, "tag", "-f", "-a", "-m", "flyttet", "vedtaget/2026-03-12", "HEAD")
    for args in (["list"], ["versions"], ["check"]):
        proc = run_cli(*args, cwd=repo_path)
        assert "vedtaget/2026-03-12 er flyttet" in proc.stderr, (args, proc.stderr)
    git(repo_path, "tag", "-d", "vedtaget/2026-03-12")
    assert "er slettet" in run_cli("list", cwd=repo_path).stderr
