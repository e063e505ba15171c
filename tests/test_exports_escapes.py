"""Nothing escapes the content repository: no save through a committed symlink, no leftover
temporary file kept or committed, no adoption of nothing.

Real Git repositories changed with plain git, sn-tui run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import git, run_cli
from exports_git import commit_all


def test_a_save_never_writes_through_a_committed_folder_symlink(
    repo_path: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "udenfor"
    outside.mkdir()
    for md in (repo_path / "indsatser").iterdir():
        (outside / md.name).write_bytes(md.read_bytes())
    git(repo_path, "rm", "-rq", "indsatser")
    (repo_path / "indsatser").symlink_to(outside)
    commit_all(repo_path, "indsatser er nu et symlink")
    head = git(repo_path, "rev-parse", "main")
    before = {p.name: p.read_bytes() for p in outside.iterdir()}

    made = run_cli("new", "ny", "--titel", "Ny", "--kategori", "Støttende indsatser",
                   cwd=repo_path, SN_USER="ole")  # fmt: skip
    assert made.returncode == 2
    assert made.stderr.strip() == (
        "sn-tui: indsatser/ny.md gemmes ikke: indsatser er et symlink i arbejdsmappen og kan "
        "pege ud af den; erstat det med en almindelig fil eller mappe med git."
    )
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before
    assert git(repo_path, "rev-parse", "main") == head  # nothing committed either

    checked = run_cli("check", cwd=repo_path)
    assert checked.returncode == 1
    assert "indsatser:1: fejl: indsatser er et symlink;" in checked.stdout


def test_a_symlinked_indsats_is_a_check_error_and_is_not_saved_through(
    repo_path: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "authorized_keys"
    victim.write_text("ssh-ed25519 AAAA ole\n", encoding="utf-8")
    path = repo_path / "indsatser" / "familiebehandling.md"
    victim_copy = path.read_bytes()
    path.unlink()
    path.symlink_to(victim)
    commit_all(repo_path, "familiebehandling er et symlink")
    checked = run_cli("check", cwd=repo_path)
    assert checked.returncode == 1
    assert (
        "indsatser/familiebehandling.md:1: fejl: indsatser/familiebehandling.md er et symlink"
        in (checked.stdout)
    )
    victim.write_bytes(victim_copy)  # even when the link's target parses as the indsats
    saved = run_cli("set", "familiebehandling", "titel", "Ny titel", cwd=repo_path, SN_USER="ole")
    assert saved.returncode == 2
    assert victim.read_bytes() == victim_copy


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(proc.stdout)


def test_leftover_temporary_files_of_dead_processes_are_removed_and_never_committed(
    repo_path: Path,
) -> None:
    folder = repo_path / "indsatser"
    dead = folder / f".familiebehandling.md.sn-tui-{dead_pid()}"
    dead.write_text("halvt skrevet", encoding="utf-8")  # as a kill -9 midway leaves it
    alive = folder / f".fast-kontaktperson.md.sn-tui-{os.getppid()}"
    alive.write_text("en anden gemmer lige nu", encoding="utf-8")

    saved = run_cli("set", "familiebehandling", "titel", "Ny titel", cwd=repo_path, SN_USER="ole")
    assert saved.returncode == 0, saved.stderr
    assert not dead.exists()
    assert alive.exists()  # its process still runs: not ours to remove
    git(repo_path, "add", "-A")  # plain git, as anyone would
    assert git(repo_path, "status", "--porcelain") == ""
    assert ".sn-tui-" not in git(repo_path, "ls-files")


def test_adoption_needs_at_least_one_readable_indsats(repo_path: Path) -> None:
    for ident in ("familiebehandling", "fast-kontaktperson"):
        assert run_cli("delete", ident, cwd=repo_path, SN_USER="ole").returncode == 0
    adopted = run_cli("adopt", "--date", "2026-04-01", "--udvalg", "Udvalget", "--punkt", "3",
                      "--yes", cwd=repo_path, SN_USER="ole")  # fmt: skip
    assert adopted.returncode == 2
    assert adopted.stderr.strip() == (
        "sn-tui: Der er ingen læsbare indsatser på main; et serviceniveau uden indsatser kan "
        "ikke vedtages."
    )
    assert git(repo_path, "tag", "--list", "vedtaget/*") == ""


def test_adoption_of_indsatser_replaced_by_a_file_is_refused(repo_path: Path) -> None:
    git(repo_path, "rm", "-rq", "indsatser")
    (repo_path / "indsatser").write_text("ikke en mappe\n", encoding="utf-8")
    commit_all(repo_path, "indsatser er en fil")
    adopted = run_cli("adopt", "--date", "2026-04-01", "--udvalg", "Udvalget", "--punkt", "3",
                      "--yes", cwd=repo_path, SN_USER="ole")  # fmt: skip
    assert adopted.returncode == 2
    assert "kan ikke vedtages" in adopted.stderr
    assert git(repo_path, "tag", "--list", "vedtaget/*") == ""
