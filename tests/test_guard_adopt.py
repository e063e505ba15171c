"""Adoption is deliberate: `sn-tui adopt` prints the review summary first, needs --yes when an
indsats is not klar, and refuses a commit that is adopted already, naming its tag."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import git, run_cli


def _adopt(
    repo: Path, *extra: str, user: str = "ole", date: str = "2026-03-12"
) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "adopt", "--date", date, "--udvalg", "BUU", "--punkt", "4", *extra, cwd=repo, SN_USER=user
    )


def _review(repo: Path, user: str, verdict: str, ident: str, group: str) -> None:
    extra = ["--comment", "Omfang mangler."] if verdict == "request-changes" else []
    proc = run_cli("review", verdict, ident, "--group", group, *extra, cwd=repo, SN_USER=user)
    assert proc.returncode == 0, proc.stderr


def _approve_all(repo: Path, ident: str) -> None:
    _review(repo, "ole", "approve", ident, "myndighed")
    _review(repo, "mette", "approve", ident, "ppr")


def test_not_klar_needs_yes_after_the_summary(repo_path: Path) -> None:
    proc = _adopt(repo_path)
    assert proc.returncode == 2
    assert proc.stdout.splitlines() == [
        "0 af 2 indsatser er klar.",
        "Mangler godkendelser (2): familiebehandling, fast-kontaktperson",
    ]
    assert proc.stderr.count("\n") == 1 and "--yes" in proc.stderr
    assert git(repo_path, "tag", "-l") == ""
    confirmed = _adopt(repo_path, "--yes")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "Vedtaget som vedtaget/2026-03-12." in confirmed.stdout
    assert git(repo_path, "tag", "-l").split() == ["vedtaget/2026-03-12"]


def test_the_summary_names_changes_requested_and_stale_approvals(repo_path: Path) -> None:
    _review(repo_path, "ole", "approve", "familiebehandling", "myndighed")
    _review(repo_path, "mette", "request-changes", "familiebehandling", "ppr")
    _approve_all(repo_path, "fast-kontaktperson")
    edit = run_cli(
        "set", "fast-kontaktperson", "--field", "Indhold", "--text-file", "-",
        cwd=repo_path, stdin="Ny tekst om indholdet.", SN_USER="ole",
    )  # fmt: skip
    assert edit.returncode == 0, edit.stderr
    proc = _adopt(repo_path)
    assert proc.returncode == 2
    assert proc.stdout.splitlines() == [
        "0 af 2 indsatser er klar.",
        "Ændringer ønsket (1): familiebehandling",
        "Forældede godkendelser (1): fast-kontaktperson",
    ]


def test_all_klar_adopts_without_yes(repo_path: Path) -> None:
    _approve_all(repo_path, "familiebehandling")
    _approve_all(repo_path, "fast-kontaktperson")
    proc = _adopt(repo_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "2 af 2 indsatser er klar."


def test_a_commit_adopted_already_is_refused_naming_the_tag(repo_path: Path) -> None:
    assert _adopt(repo_path, "--yes").returncode == 0
    again = _adopt(repo_path, "--yes", date="2026-03-13")
    assert again.returncode == 2
    assert "allerede vedtaget som vedtaget/2026-03-12" in again.stderr
    same_day = _adopt(repo_path, "--yes")
    assert same_day.returncode == 2 and "vedtaget/2026-03-12" in same_day.stderr
    assert git(repo_path, "tag", "-l").split() == ["vedtaget/2026-03-12"]


def test_who_may_not_adopt_is_told_so_first(repo_path: Path) -> None:
    proc = _adopt(repo_path, "--yes", user="mette")
    assert proc.returncode == 2 and "godkender" in proc.stderr
    assert proc.stdout == ""
