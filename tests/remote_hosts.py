"""A shared bare repository behind the test sshd, with sn-tui's pre-receive hook, and clones of
it that push over SSH as one login each (the key decides who pushes, as on a real host)."""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from conftest import make_repo, run_cli
from sshd import SshServer, program_command, start_sshd

LOGINS = ["ole", "mette", "fremmed"]  # admin and godkender; redaktør; not in adgang.yml


@dataclass
class Shared:
    """The shared repository on the 'host' and the sshd in front of it."""

    repo: Path
    server: SshServer
    folder: Path

    def url(self) -> str:
        account = self.server.client(LOGINS[0])[-1]  # the service account @ 127.0.0.1
        return f"ssh://{account}:{self.server.port}{self.repo}"

    def ssh_command(self, login: str) -> str:
        return shlex.join(self.server.client(login)[:-1])

    def clone(self, login: str, name: str | None = None) -> Path:
        """A clone that fetches and pushes over SSH with `login`'s key."""
        path = self.folder / (name or login)
        ssh = f"core.sshCommand={self.ssh_command(login)}"
        subprocess.run(
            ["git", "clone", "-q", "-c", ssh, self.url(), str(path)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        for key, value in (("user.name", login), ("user.email", f"{login}@testrup.dk")):
            git_in(path, "config", key, value)
        return path


def start_shared(folder: Path, *, hook: bool = True) -> Shared:
    repo = make_repo(folder / "shared.git", bare=True)
    if hook:
        proc = run_cli("ssh-setup", "hook", "--repo", str(repo), "--sn-tui", program_command())
        assert proc.returncode == 0, proc.stderr
    server = start_sshd(folder / "ssh", repo, LOGINS)
    return Shared(repo, server, folder)


def git_in(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """git in `path`, its failure returned (a refused push is what the tests look at)."""
    return subprocess.run(
        ["git", "-C", str(path), *args], capture_output=True, text=True, check=False, timeout=120
    )


def remote_rev(shared: Shared, ref: str) -> str:
    return git_in(shared.repo, "rev-parse", "-q", "--verify", ref).stdout.strip()


def commit_edit(clone: Path, path: str, old: str, new: str, *, author: str | None = None) -> str:
    """Replace `old` by `new` in one file and commit it with plain git; the new commit."""
    file = clone / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    extra = ["--author", author] if author else []
    assert git_in(clone, "commit", "-qam", f"Ret {path}", *extra).returncode == 0
    return git_in(clone, "rev-parse", "HEAD").stdout.strip()
