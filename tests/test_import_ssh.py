"""A file reaches the host over the same SSH login that runs sn-tui, with no shell:
`ssh -T host aflever NAVN < fil` stores it in the login's own import folder."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import run_cli
from import_docs import STOETTEOPHOLD, template_docx
from sn_tui.services.errors import InvalidInput
from sn_tui.services.workspace import Workspace
from sshd import SshServer, start_sshd


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    place = tmp_path / "import"
    place.mkdir()
    return place


@pytest.fixture
def server(tmp_path: Path, repo_path: Path, folder: Path) -> Iterator[SshServer]:
    srv = start_sshd(
        tmp_path / "ssh", repo_path, ["mette", "fremmed"], env={"SN_IMPORT_DIR": str(folder)}
    )
    yield srv
    srv.stop()


def send(
    server: SshServer, login: str, command: str, data: bytes
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*server.client(login, "-T"), command],
        input=data,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_aflever_stores_the_file_for_the_import_screen(
    server: SshServer, folder: Path, repo_path: Path, tmp_path: Path
) -> None:
    word = template_docx(tmp_path / "serviceniveau.docx", {"Støtteophold": STOETTEOPHOLD})
    proc = send(server, "mette", "aflever serviceniveau.docx", word.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    stored = folder / "mette" / "serviceniveau.docx"
    assert stored.read_bytes() == word.read_bytes()
    assert "serviceniveau.docx er gemt i" in proc.stdout.decode()
    plan = run_cli("import", str(stored), "--dry-run", cwd=repo_path)
    assert plan.returncode == 0 and "Støtteophold → indsatser/stoetteophold.md" in plan.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("login", "command", "sentence"),
    [
        ("mette", "aflever ../../.git/hooks/post-commit.md", "er ikke et filnavn"),
        ("mette", "aflever .bashrc", "er ikke et filnavn"),
        ("mette", "aflever script.sh", "kan ikke importeres"),
        ("mette", "aflever", "Brug: ssh -T VÆRT aflever NAVN < FIL"),
        ("fremmed", "aflever s.docx", "står ikke i adgang.yml"),
    ],
)
def test_aflever_refuses_paths_kinds_and_logins_without_rights(
    server: SshServer, folder: Path, login: str, command: str, sentence: str
) -> None:
    proc = send(server, login, command, b"PK\x03\x04data")
    assert proc.returncode == 2
    assert sentence in proc.stderr.decode()
    assert list(folder.rglob("*")) in ([], [folder / "mette"])


def test_a_login_folder_that_is_a_symlink_is_not_written_through(
    workspace: Callable[[str], Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import folder is written as the export folder is (`services.exports.LoginFolder`):
    a login's folder replaced by a link to elsewhere (~/.ssh) is refused, nothing written."""
    folder = tmp_path / "import"
    monkeypatch.setenv("SN_IMPORT_DIR", str(folder))
    elsewhere = tmp_path / "ssh"
    elsewhere.mkdir()
    folder.mkdir()
    (folder / "mette").symlink_to(elsewhere)
    with pytest.raises(InvalidInput, match="kunne ikke oprettes eller åbnes"):
        workspace("mette").receive_import_file("serviceniveau.md", io.BytesIO(b"# Ny\n"))
    assert list(elsewhere.iterdir()) == []
