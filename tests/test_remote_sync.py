"""`sn-tui sync` against the guarded shared repository over real SSH: what the hook would refuse
is refused first with the commit and the reason, a refusal by the hook says so, a tag clash is
named and blocks nothing, and every other remote failure says what happened."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import run_cli
from remote_hosts import Shared, commit_edit, git_in, remote_rev, start_shared

pytestmark = pytest.mark.slow


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Shared]:
    found = start_shared(tmp_path)
    yield found
    found.server.stop()


def _sync(clone: Path, login: str) -> subprocess.CompletedProcess[str]:
    return run_cli("sync", cwd=clone, SN_USER=login)


def _save(clone: Path, login: str, text: str, ident: str = "familiebehandling") -> None:
    proc = run_cli("set", ident, "titel", text, cwd=clone, SN_USER=login)
    assert proc.returncode == 0, proc.stderr


RULE_FILE = "og det må kun en admin."
GROUPS = "'familiebehandling', og det må kun en godkender eller admin."


@pytest.mark.parametrize(
    ("path", "old", "new", "says"),
    [
        ("adgang.yml", "roller: [redaktør]", "roller: [admin]", "ændrer adgang.yml, " + RULE_FILE),
        (
            "faggrupper.yml",
            "- id: myndighed",
            "# ny\n- id: myndighed",
            "ændrer faggrupper.yml, " + RULE_FILE,
        ),
        (
            "indsatser/familiebehandling.md",
            "faggrupper: [myndighed, ppr]",
            "faggrupper: [ppr]",
            "ændrer, hvilke faggrupper der skal godkende " + GROUPS,
        ),
    ],
)
def test_sync_refuses_what_the_hook_would_before_sending_and_keeps_it(
    shared: Shared, path: str, old: str, new: str, says: str
) -> None:
    mette = shared.clone("mette")
    before = remote_rev(shared, "main")
    commit = commit_edit(mette, path, old, new)
    proc = _sync(mette, "mette")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"sn-tui: Intet er sendt: Commit {commit[:10]} {says}"
    assert remote_rev(shared, "main") == before
    assert git_in(mette, "rev-parse", "HEAD").stdout.strip() == commit  # nothing lost


def test_a_false_local_login_is_still_refused_by_the_hook(shared: Shared) -> None:
    mette = shared.clone("mette")
    commit = commit_edit(
        mette, "indsatser/familiebehandling.md", "faggrupper: [myndighed, ppr]", "faggrupper: []"
    )
    proc = _sync(mette, "ole")  # claims to be ole here; the key says mette on the host
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"sn-tui: Remoten 'origin' afviste ændringerne: Commit {commit[:10]} ændrer, hvilke "
        "faggrupper der skal godkende 'familiebehandling', og det må kun en godkender eller admin."
    )
    fremmed = shared.clone("fremmed")
    commit_edit(fremmed, "indsatser/familiebehandling.md", "Tekst om formål", "Fremmed")
    proc = _sync(fremmed, "ole")
    assert "Login 'fremmed' står ikke i adgang.yml og må ikke sende ændringer." in proc.stderr


def test_a_reader_only_fetches_and_is_told_what_is_not_sent(shared: Shared) -> None:
    fremmed, reader = shared.clone("fremmed"), shared.clone("fremmed", "fremmed-ren")
    commit_edit(fremmed, "indsatser/familiebehandling.md", "Tekst om formål", "Fremmed")
    before = remote_rev(shared, "main")
    proc = _sync(fremmed, "fremmed")
    assert proc.returncode == 0, proc.stderr
    assert "intet at sende, 1 ændring er ikke sendt" in proc.stdout
    assert remote_rev(shared, "main") == before
    ole = shared.clone("ole")
    _save(ole, "ole", "Ny titel fra Ole")
    assert _sync(ole, "ole").returncode == 0
    assert _sync(reader, "fremmed").returncode == 0  # a reader's main follows the remote
    assert git_in(reader, "rev-parse", "main").stdout.strip() == remote_rev(shared, "main")


def test_a_refused_tag_is_named_and_the_saves_still_go(shared: Shared) -> None:
    mette = shared.clone("mette")
    assert git_in(mette, "tag", "-a", "vedtaget/2026-07-01", "-m", "Vedtaget").returncode == 0
    _save(mette, "mette", "Mettes titel")
    proc = _sync(mette, "mette")
    assert proc.returncode == 0, proc.stderr
    assert "main sendt" in proc.stdout
    assert "Kun en godkender eller admin må vedtage en version (vedtaget/2026-07-01)" in proc.stderr
    assert remote_rev(shared, "main") == git_in(mette, "rev-parse", "main").stdout.strip()
    assert remote_rev(shared, "refs/tags/vedtaget/2026-07-01") == ""


def _adopt(clone: Path) -> None:
    proc = run_cli(
        "adopt",
        "--date",
        "2026-06-01",
        "--udvalg",
        "BUU",
        "--punkt",
        "3",
        "--yes",
        cwd=clone,
        SN_USER="ole",
    )
    assert proc.returncode == 0, proc.stderr


def test_a_tag_clash_names_both_commits_and_blocks_nothing(shared: Shared) -> None:
    a, b = shared.clone("ole", "a"), shared.clone("ole", "b")
    _save(a, "ole", "Titel fra A")
    _adopt(a)
    assert _sync(a, "ole").returncode == 0
    theirs = remote_rev(shared, "vedtaget/2026-06-01^{commit}")
    _save(b, "ole", "Titel fra B", "fast-kontaktperson")
    _adopt(b)
    mine = git_in(b, "rev-parse", "vedtaget/2026-06-01^{commit}").stdout.strip()
    for _attempt in range(2):  # the clash is reported each time, and never sticks
        proc = _sync(b, "ole")
        assert proc.returncode == 0, proc.stderr
        assert (
            f"Versionen vedtaget/2026-06-01 findes både her (commit {mine[:10]}) og på remoten "
            f"(commit {theirs[:10]}) på hver sin commit" in proc.stderr
        )
    shown = run_cli("show", "fast-kontaktperson", "--format", "json", "--repo", str(shared.repo))
    assert "Titel fra B" in shown.stdout
    assert remote_rev(shared, "vedtaget/2026-06-01^{commit}") == theirs


def test_authentication_and_unreachable_remotes_say_so(shared: Shared, tmp_path: Path) -> None:
    ole = shared.clone("ole")
    stranger = tmp_path / "fremmed_noegle"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(stranger)], check=True)
    ssh = shared.ssh_command("ole").replace(str(shared.server.keys["ole"]), str(stranger))
    git_in(ole, "config", "core.sshCommand", ssh)
    proc = _sync(ole, "ole")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "sn-tui: Remoten 'origin' godkendte ikke dit login eller din SSH-nøgle."
    )
    git_in(ole, "config", "core.sshCommand", shared.ssh_command("ole"))
    shared.server.stop()
    proc = _sync(ole, "ole")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "sn-tui: Remoten 'origin' kunne ikke nås; tjek forbindelsen og adressen."
    )


def _formål(shared: Shared, ident: str) -> str:
    shown = run_cli("show", ident, "--format", "json", "--repo", str(shared.repo))
    return str(json.loads(shown.stdout)["fields"]["Formål"])


def _set_formål(clone: Path, login: str, ident: str, text: str) -> None:
    args = ("set", ident, "--field", "Formål", "--text-file", "-")
    proc = run_cli(*args, cwd=clone, stdin=text, SN_USER=login)
    assert proc.returncode == 0, proc.stderr


def test_a_waiting_conflict_never_stops_later_saves_and_resolves(shared: Shared) -> None:
    ole, mette = shared.clone("ole"), shared.clone("mette")
    _set_formål(ole, "ole", "familiebehandling", "Oles formål.")
    assert _sync(ole, "ole").returncode == 0
    _set_formål(mette, "mette", "familiebehandling", "Mettes formål.")
    saves = [f"Mettes formål nr. {n}." for n in range(1, 4)]
    for n, text in enumerate(saves):
        _set_formål(mette, "mette", "fast-kontaktperson", text)
        proc = _sync(mette, "mette")
        assert proc.returncode == 3, proc.stderr  # the conflict waits and is named each time
        assert "Konflikt i Familiebehandling (Formål)" in proc.stderr
        assert "1 ændring er ikke sendt" in proc.stdout
        assert _formål(shared, "fast-kontaktperson") == saves[n]  # every later save went
    assert _formål(shared, "familiebehandling") == "Oles formål."
    proc = run_cli("sync", "--resolve", "mine", cwd=mette, SN_USER="mette")
    assert proc.returncode == 0, proc.stderr
    assert "ikke sendt" not in proc.stdout
    assert _formål(shared, "familiebehandling") == "Mettes formål."
    assert _sync(ole, "ole").returncode == 0
    assert "Mettes formål." in (ole / "indsatser/familiebehandling.md").read_text(encoding="utf-8")
