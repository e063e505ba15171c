"""`ssh -T host hent NAVN > NAVN` over real SSH: the forced command streams one file from the
login's own export folder, lists it, and refuses everything that is not a bare file name in it;
and the whole way a user meets it: the TUI over `ssh -tt` in tmux exports, its message names the
command, and that command fetches the file."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import run_cli
from sn_tui.services.exports import ExportFolder
from sshd import SshServer, start_sshd
from tmux_support import Tmux, wait_for

pytestmark = pytest.mark.slow
HOST = "sn-tui@serviceniveau.testrup.dk"


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    return tmp_path / "eksport"


@pytest.fixture
def server(tmp_path: Path, repo_path: Path, exports: Path) -> Iterator[SshServer]:
    env = {
        "SN_EXPORT_DIR": str(exports),
        "SN_SSH_HOST": HOST,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    srv = start_sshd(tmp_path / "ssh", repo_path, ["ole", "mette"], env)
    yield srv
    srv.stop()


def ssh(server: SshServer, login: str, command: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*server.client(login, "-T"), command], capture_output=True, timeout=60, check=False
    )


def one_sentence(proc: subprocess.CompletedProcess[bytes]) -> str:
    """The refusal: exit 2, nothing on stdout, one line on stderr."""
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == b""
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


def test_a_file_arrives_byte_exact_and_the_folder_is_listed(
    server: SshServer, exports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SN_EXPORT_DIR", str(exports))
    data = bytes(range(256)) * 4096 + b"\r\n\x00\x1b]52;c;aGVq\x07"  # 1 MB, every byte value
    ExportFolder("mette").write("sammenligning.docx", data)
    ExportFolder("mette").write("udvalg.md", b"# Udvalg\n")
    ExportFolder("ole").write("oles.md", b"kun til Ole\n")

    fetched = ssh(server, "mette", "hent sammenligning.docx")
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout == data

    listed = ssh(server, "mette", "hent")
    assert listed.returncode == 0, listed.stderr
    names = [line.split("  ")[0] for line in listed.stdout.decode().splitlines()]
    assert sorted(names) == ["sammenligning.docx", "udvalg.md"]  # not Ole's
    assert "1.048.591 byte" in listed.stdout.decode()  # len(data), the Danish way

    assert "ingen fil ved navn 'oles.md'" in one_sentence(ssh(server, "mette", "hent oles.md"))


def test_an_empty_folder_says_so(server: SshServer) -> None:
    listed = ssh(server, "ole", "hent")
    assert listed.returncode == 0
    assert listed.stdout.decode().startswith("Din eksportmappe er tom")


@pytest.mark.parametrize(
    "name",
    ["../../.git/sn-tui.db", "../mette/udvalg.md", "/etc/passwd", "..", ".ssh", "'a\\b'"],
)
def test_anything_but_a_bare_name_is_refused(
    server: SshServer, exports: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("SN_EXPORT_DIR", str(exports))
    ExportFolder("ole").write("x.md", b"x\n")
    ExportFolder("mette").write("udvalg.md", b"Mettes\n")
    sentence = one_sentence(ssh(server, "ole", f"hent {name}"))
    assert sentence.startswith("sn-tui: ")
    assert "filnavn" in sentence


def test_a_symlink_in_the_folder_is_not_followed(
    server: SshServer, exports: Path, repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SN_EXPORT_DIR", str(exports))
    ExportFolder("ole").write("x.md", b"x\n")
    secret = repo_path / ".git" / "config"
    (exports / "ole" / "db.md").symlink_to(secret)
    sentence = one_sentence(ssh(server, "ole", "hent db.md"))
    assert "'db.md' er ikke en almindelig fil i din eksportmappe" in sentence
    listed = ssh(server, "ole", "hent").stdout.decode()
    assert "db.md" not in listed


@pytest.mark.parametrize(
    "command", ["touch /tmp/x; echo hacked", "hent a b", "hent --user mette", "git-upload-packx"]
)
def test_no_other_command_is_run(server: SshServer, command: str) -> None:
    sentence = one_sentence(ssh(server, "ole", command))
    assert "Over SSH kan du kun bede om 'hent [NAVN]' eller 'aflever NAVN'" in sentence


def toast_text(session: Tmux) -> str:
    """The screen's words in one line: a notification wraps its text inside a bar (▌)."""
    return " ".join(session.screen().replace("▌", " ").split())


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux er ikke installeret")
def test_export_in_the_tui_over_ssh_then_fetch_it_with_the_command_it_names(
    server: SshServer, repo_path: Path, exports: Path, tmp_path: Path
) -> None:
    adopted = run_cli("adopt", "--date", "2026-03-12", "--udvalg", "Udvalget", "--punkt", "4",
                      "--yes", cwd=repo_path, SN_USER="ole")  # fmt: skip
    assert adopted.returncode == 0, adopted.stderr
    changed = run_cli("set", "familiebehandling", "titel", "Familiebehandling i hjemmet",
                      cwd=repo_path, SN_USER="ole")  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    tmux = Tmux(tmp_path / "tmux.sock")
    try:
        mette = tmux.session("mette")
        mette.start(shlex.join(server.client("mette", "-tt")))
        wait_for(lambda: "Fast kontaktperson" in mette.screen(), "the overview", show=mette)
        mette.keys("v")
        wait_for(lambda: "Sammenlign: A = vedtaget" in mette.screen(), "the versions", show=mette)
        mette.keys("c")
        wait_for(lambda: "1 ændrede" in mette.screen(), "the comparison", show=mette)
        mette.keys("e")
        wait_for(lambda: "eksportmappe" in mette.screen(), "the export dialog", show=mette)
        mette.keys("C-s")
        name = "sammenligning-2026-03-12-main.md"
        message = f"Hent den til din pc med: ssh -T {HOST} hent {name} > {name}"
        wait_for(lambda: message in toast_text(mette), "the message", show=mette)
        mette.keys("C-q")
    finally:
        tmux.run("kill-server")
    written = exports / "mette" / name
    assert "Familiebehandling i hjemmet" in written.read_text(encoding="utf-8")
    # The command the message names, with this test server's address for the host.
    fetched = ssh(server, "mette", f"hent {name}")
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout == written.read_bytes()


def test_with_a_terminal_the_file_is_not_poured_onto_it(
    server: SshServer, exports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SN_EXPORT_DIR", str(exports))
    ExportFolder("ole").write("udvalg.docx", b"PK\x03\x04binary")
    proc = subprocess.run(
        [*server.client("ole", "-tt"), "hent udvalg.docx"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    said = " ".join(proc.stdout.decode().split())  # a terminal: stdout and stderr in one
    assert "PK" not in said
    assert f"skriv den i en fil: ssh -T {HOST} hent udvalg.docx > udvalg.docx" in said
