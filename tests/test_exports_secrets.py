"""Secrets and identities in the SSH setup: a database password never lands on a command line
or in a file others can read, and a key given for two logins is pointed out.

`sn-tui ssh-setup` run as a real process, its database read by a real `sn-tui review`."""

from __future__ import annotations

import grp
import os
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli
from sn_tui.domain.reviews.errors import DatabaseUnavailable
from sn_tui.services.reviews import database_url


def keys_folder(tmp_path: Path, logins: dict[str, str]) -> Path:
    folder = tmp_path / "keys"
    folder.mkdir(parents=True)
    made: dict[str, str] = {}
    for login, key_name in logins.items():
        if key_name not in made:
            key = tmp_path / key_name
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)],
                           check=True)  # fmt: skip
            made[key_name] = key.with_suffix(".pub").read_text(encoding="utf-8")
        (folder / f"{login}.pub").write_text(made[key_name], encoding="utf-8")
    return folder


PASSWORD = "hemmeligt-kodeord-42"


def test_a_database_password_is_kept_in_a_file_only_its_owner_reads(
    repo_path: Path, tmp_path: Path
) -> None:
    keys = keys_folder(tmp_path, {"ole": "k1", "mette": "k2"})
    other_db = tmp_path / "andet" / "reviews.db"
    other_db.parent.mkdir()
    url = f"sqlite:///{other_db}?kode={PASSWORD}"
    target = tmp_path / "authorized_keys"
    proc = run_cli("ssh-setup", "keys", "--keys", str(keys), "--repo", str(repo_path),
                   "-o", str(target), SN_DATABASE_URL=url)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert PASSWORD not in target.read_text(encoding="utf-8")  # not on any command line
    stored = repo_path / ".git" / "sn-tui-database-url"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert f"Database-URL'en er gemt i {stored}, som kun ejeren kan læse" in proc.stderr
    assert PASSWORD not in proc.stderr

    group = grp.getgrgid(os.getgid()).gr_name
    snippet = tmp_path / "sn-tui.conf"
    proc = run_cli("ssh-setup", "sshd", "--group", group, "--repo", str(repo_path),
                   "-o", str(snippet), "--db", url)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert PASSWORD not in snippet.read_text(encoding="utf-8")
    assert stat.S_IMODE(stored.stat().st_mode) == 0o640  # the group's members run sn-tui

    # The forced command, without --db, uses the stored database.
    approved = run_cli("review", "approve", "familiebehandling", "--group", "myndighed",
                       cwd=repo_path, SN_USER="ole")  # fmt: skip
    assert approved.returncode == 0, approved.stderr
    assert other_db.is_file()
    assert not (repo_path / ".git" / "sn-tui.db").exists()

    stored.chmod(0o644)
    with pytest.raises(DatabaseUnavailable, match="kan læses af andre"):
        database_url(None, repo_path / ".git")
    refused = run_cli("review", "status", cwd=repo_path, SN_USER="ole")
    assert refused.returncode == 2
    assert "kan læses af andre; gør den kun læsbar for ejeren (chmod 600)" in refused.stderr


def test_ssh_setup_keys_warns_when_one_key_is_given_for_two_logins(
    repo_path: Path, tmp_path: Path
) -> None:
    keys = keys_folder(tmp_path, {"ole": "k1", "mette": "k1", "hanne": "k2"})
    proc = run_cli("ssh-setup", "keys", "--keys", str(keys), "--repo", str(repo_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        "sn-tui: Advarsel: den samme nøgle står for mette og ole; sshd bruger kun den første "
        "linje, så nøglen logger altid ind som mette."
    ]
    single = keys_folder(tmp_path / "enkelt", {"ole": "k1", "mette": "k2"})
    assert (
        run_cli("ssh-setup", "keys", "--keys", str(single), "--repo", str(repo_path)).stderr == ""
    )
