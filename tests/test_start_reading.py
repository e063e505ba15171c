"""What a start reads, read the cheaper way (issue 23): the overview's rows found in the cache
by the indsats folders' ids, adgang.yml's problems from the parse cache, and the TUI's command
line by a parser of just its options. Each still gives what the long way gave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import git
from sn_tui.domain.overview import build_rows
from sn_tui.services.workspace import Workspace


def test_the_overview_from_the_cache_follows_every_change_of_main_and_of_the_adoption(
    repo_path: Path,
) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    head = str(ws.repo.head())
    first = ws.overview()
    assert first.rows == build_rows(ws.repo.indsatser(head).values(), None, index=False)
    assert {row.changed for row in first.rows} == {"nothing-adopted"}
    ws.close()
    ws = Workspace.open(str(repo_path), "ole")  # a new process's start: rows from the cache
    assert ws.overview().rows == first.rows
    ws.set_meta("familiebehandling", "titel", "Familiebehandling i hjemmet")
    titles = {row.titel for row in ws.overview().rows}
    assert "Familiebehandling i hjemmet" in titles
    ws.adopt(date=dt.date(2026, 3, 12), udvalg="Udvalget", punkt="7", confirmed=True)
    assert {row.changed for row in ws.overview().rows} == {"unchanged"}
    ws.set_meta("familiebehandling", "titel", "Familiebehandling igen")
    changed = {row.id: row.changed for row in ws.overview().rows}
    assert changed == {"familiebehandling": "changed", "fast-kontaktperson": "unchanged"}
    ws.close()


def test_a_broken_adgang_yml_is_still_reported_when_its_data_is_cached(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    assert ws.rights().person is not None  # adgang.yml read and kept in the parse cache
    ws.close()
    (repo_path / "adgang.yml").write_text("personer: [\n", encoding="utf-8")
    git(repo_path, "commit", "-qam", "adgang i stykker")
    ws = Workspace.open(str(repo_path), "ole")
    rights = ws.rights()
    assert rights.person is None
    assert rights.problem is not None and "adgang.yml" in rights.problem
    ws.close()
