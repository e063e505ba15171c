"""SSH setup: forced commands per key, an sshd snippet per group, a group-shared repository."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import git, run_cli
from sn_tui.services.ssh_access import authorized_keys, share_repository, sshd_snippet
from sn_tui.services.workspace import resolve_login
from sn_tui.store.repo import RepoError


def _keypair(path: Path) -> str:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)
    return path.with_suffix(".pub").read_text(encoding="utf-8").strip()


def test_one_forced_command_line_per_key(tmp_path: Path, repo_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    ole_key = _keypair(tmp_path / "ole")
    (keys / "ole.pub").write_text(ole_key + "\n# kommentar\n", encoding="utf-8")
    (keys / "mette.pub").write_text(_keypair(tmp_path / "mette") + "\n", encoding="utf-8")
    lines = authorized_keys(keys, repo_path, "/usr/bin/sn-tui")
    assert [k.login for k in lines] == ["mette", "ole"]
    assert lines[1].line == (
        f'restrict,pty,command="/usr/bin/sn-tui --repo {repo_path} --user ole" {ole_key}'
    )
    (keys / "Ugyldig Login.pub").write_text(ole_key, encoding="utf-8")
    with pytest.raises(RepoError, match="ikke et gyldigt login"):
        authorized_keys(keys, repo_path, "/usr/bin/sn-tui")


def test_cli_writes_authorized_keys_and_rejects_non_keys(tmp_path: Path, repo_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "ole.pub").write_text(_keypair(tmp_path / "ole"), encoding="utf-8")
    target = tmp_path / "authorized_keys"
    proc = run_cli(
        "ssh-setup", "keys", "--keys", str(keys), "--repo", str(repo_path), "-o", str(target)
    )
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "--user ole" in target.read_text(encoding="utf-8")
    (keys / "mette.pub").write_text("ikke en nøgle\n", encoding="utf-8")
    bad = run_cli("ssh-setup", "keys", "--keys", str(keys), "--repo", str(repo_path))
    assert bad.returncode == 2 and "ikke er en offentlig SSH-nøgle" in bad.stderr


def test_sshd_snippet_forces_the_command_for_the_group(repo_path: Path) -> None:
    text = sshd_snippet("sn-tui", repo_path, "/usr/local/bin/sn-tui")
    assert "Match Group sn-tui\n" in text
    assert f"ForceCommand /usr/local/bin/sn-tui --repo {repo_path}\n" in text
    assert "DisableForwarding yes" in text


def test_share_repository_makes_everything_group_writable(repo_path: Path) -> None:
    share_repository(repo_path)
    assert git(repo_path, "config", "core.sharedRepository").strip() == "group"
    for root, dirs, files in os.walk(repo_path):
        for name in dirs:
            mode = (Path(root) / name).stat().st_mode
            assert mode & stat.S_IWGRP and mode & stat.S_ISGID, Path(root) / name
        for name in files:
            assert (Path(root) / name).stat().st_mode & stat.S_IWGRP, Path(root) / name
    # What sn-tui writes afterwards stays group-writable despite a 022 umask.
    old = os.umask(0o022)
    try:
        proc = run_cli("set", "familiebehandling", "titel", "Delt", cwd=repo_path, SN_USER="ole")
        assert proc.returncode == 0, proc.stderr
    finally:
        os.umask(old)
    assert (repo_path / "indsatser/familiebehandling.md").stat().st_mode & stat.S_IWGRP
    assert (repo_path / ".git/sn-tui-main.lock").stat().st_mode & stat.S_IWGRP


def test_over_ssh_the_environment_cannot_choose_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SN_USER", "ole")
    assert resolve_login(None) == "ole"
    monkeypatch.setenv("SSH_CONNECTION", "127.0.0.1 5000 127.0.0.1 22")
    assert resolve_login(None) != "ole"
    assert resolve_login("mette") == "mette"
