"""A throwaway OpenSSH server on 127.0.0.1 for tests: own host key, own authorized_keys.

The test process's own account is the service account; each person's key gets a forced
command (`restrict,pty,command=…`) exactly as `sn-tui ssh-setup keys` writes it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require_sshd() -> None:
    if not Path(SSHD).exists():
        pytest.skip(
            "OpenSSH-serveren (sshd) er ikke installeret; .ci/run installerer openssh-server"
        )
    if shutil.which("ssh") is None or shutil.which("ssh-keygen") is None:
        pytest.skip("OpenSSH-klienten (ssh, ssh-keygen) er ikke installeret")


@dataclass
class SshServer:
    """A running sshd; `client(login)` gives the ssh command line for that person's key."""

    folder: Path
    port: int
    proc: subprocess.Popen[bytes]
    keys: dict[str, Path] = field(default_factory=dict)

    def client(self, key_name: str, *extra: str) -> list[str]:
        return [
            "ssh",
            "-i",
            str(self.keys[key_name]),
            "-p",
            str(self.port),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            *extra,
            f"{os.environ.get('USER') or 'root'}@127.0.0.1",
        ]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def program_command(env: Mapping[str, str] | None = None) -> str:
    """How the forced command starts sn-tui from this checkout with this Python (with `env`
    added to its environment: the client cannot set any)."""
    src = Path(__file__).resolve().parents[1] / "src"
    extra = "".join(f" {k}={shlex.quote(v)}" for k, v in (env or {}).items())
    return f"env PYTHONPATH={src} TERM=xterm-256color{extra} {sys.executable} -m sn_tui"


def start_sshd(
    folder: Path, repo: Path, logins: list[str], env: Mapping[str, str] | None = None
) -> SshServer:
    """Start sshd with one key per login, each mapped by its forced command to that login."""
    from sn_tui.services.ssh_access import forced_command

    require_sshd()
    folder.mkdir(parents=True, exist_ok=True)
    host_key = folder / "host_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)], check=True)
    lines = []
    keys: dict[str, Path] = {}
    for login in logins:
        key = folder / f"key_{login}"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
        pub = key.with_suffix(".pub").read_text(encoding="utf-8").strip()
        command = forced_command(program_command(env), repo, login)
        lines.append(f'restrict,pty,command="{command}" {pub}')
        keys[login] = key
    authorized = folder / "authorized_keys"
    authorized.write_text("\n".join(lines) + "\n", encoding="utf-8")
    authorized.chmod(0o600)
    port = _free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {host_key}\nPidFile {folder}/sshd.pid\n"
        f"AuthorizedKeysFile {authorized}\nStrictModes no\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUsePAM no\nPermitRootLogin forced-commands-only\n"
        "PermitUserEnvironment no\nAcceptEnv LANG LC_*\n",
        encoding="utf-8",
    )
    Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation directory
    proc = subprocess.Popen(
        [SSHD, "-D", "-f", str(config), "-E", str(folder / "sshd.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # wait for the port to accept, not a fixed sleep
        if proc.poll() is not None:
            log = (folder / "sshd.log").read_text(errors="replace")
            pytest.skip(f"sshd kunne ikke starte her: {log[-300:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    return SshServer(folder, port, proc, keys)
