"""Shared fixtures: real Git repositories in temporary folders, and the CLI as a real process."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from legal_docs import fill_placeholders
from sn_tui.domain.fields import FIELDS
from sn_tui.services.provisioning import init_repository
from sn_tui.services.workspace import Workspace

SRC = Path(__file__).resolve().parents[1] / "src"

ADGANG = """\
personer:
  ole:
    navn: Ole Test
    email: ole@testrup.dk
    faggrupper: [myndighed]
    roller: [redaktør, godkender, admin]
  mette:
    navn: Mette Prøve
    email: mette@testrup.dk
    faggrupper: [ppr, familiebehandling]
    roller: [redaktør]
regler:
  forbyd_egen_godkendelse: false
"""

# The Forord and Principper a kommune writes over the template's placeholders (which `check`
# reports as errors until then).
SERVICENIVEAU = """\
---
kommune: Testrup Kommune
titel: Serviceniveau for børn og unge med særlige behov
---

## Forord

Her står, hvad vi vil gøre for børn og unge, og hvad de kan få hjælp til.

## Principper for indsatsen

Vi laver altid en konkret og individuel vurdering af, hvad det enkelte barn har brug for.
"""


def indsats_text(indsats_id: str, titel: str = "Familiebehandling", **fields: str) -> str:
    body = "".join(
        f"\n## {name}\n\n{fields.get(name, f'Tekst om {name.lower()} for {titel}.')}\n"
        for name in FIELDS
    )
    return (
        "---\n"
        f"id: {indsats_id}\n"
        f"titel: {titel}\n"
        "kategori: Støttende indsatser\n"
        "faggrupper: [myndighed, ppr]  # skal godkende\n"
        "økonomi:\n"
        "  budget_kr: 4500000\n"
        "  forventet_antal: 60\n"
        "---\n" + body
    )


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SN_REPO", None)
    env.pop("SN_USER", None)
    env.update(extra)
    return env


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sn_tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        env=cli_env(**env),
        check=False,
    )


WHEN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def make_repo(
    path: Path,
    *,
    bare: bool = False,
    ids: tuple[str, ...] = ("familiebehandling", "fast-kontaktperson"),
) -> Path:
    """A content repository with the test people and a few indsatser."""
    from sn_tui.domain.entry import Person
    from sn_tui.store.save import save_files

    repo = init_repository(path, "Testrup Kommune", "ole", bare=bare)
    ole = Person("ole", "Ole Test", "ole@testrup.dk")
    written = repo.read(repo.head(), "serviceniveau.md")
    assert written is not None
    files: dict[str, bytes | None] = {
        "adgang.yml": ADGANG.encode(),
        # the template's placeholders are check errors: write the texts, as a kommune would
        "serviceniveau.md": fill_placeholders(written.decode()).encode(),
    }
    for ident in ids:
        titel = ident.replace("-", " ").capitalize()
        files[f"indsatser/{ident}.md"] = indsats_text(ident, titel).encode()
    save_files(repo, files, base=repo.head(), author=ole, message="Testdata\n", when=WHEN)
    if not bare:
        subprocess.run(["git", "-C", str(path), "reset", "-q", "--hard"], check=True)
    repo.close()
    return path


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own parse cache (subprocesses inherit it through the environment)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def repo_path(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


@pytest.fixture
def bare_repo_path(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo.git", bare=True)


@pytest.fixture
def workspace(repo_path: Path) -> Callable[[str], Workspace]:
    opened: list[Workspace] = []

    def open_as(login: str = "ole") -> Workspace:
        ws = Workspace.open(str(repo_path), login)
        opened.append(ws)
        return ws

    yield open_as  # type: ignore[misc]
    for ws in opened:
        ws.close()


def git(path: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(path), *args], capture_output=True, text=True, check=True
    ).stdout
