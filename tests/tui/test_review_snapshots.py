"""Snapshots of the review matrix: 120×40 in colour, and 80×24 without colour (NO_COLOR),
where every cell still reads by its symbol.

Regenerate after a deliberate change with
`pytest tests/tui/test_review_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_review import db_url, record, review_app
from textual.pilot import Pilot
from tui_support import settle

from sn_tui.services.workspace import Workspace

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def fixed_config_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/bruger/.config")


def every_status(repo_path: Path, tmp_path: Path) -> None:
    """One indsats klar, one with changes requested, one stale after an edit, a late round."""
    record(repo_path, tmp_path, "ole", ("plejefamilie", "myndighed", "approved"))
    record(
        repo_path,
        tmp_path,
        "mette",
        ("plejefamilie", "ppr", "approved"),
        ("familiebehandling", "ppr", "changes_requested"),
        ("fast-kontaktperson", "ppr", "approved"),
    )
    ws = Workspace.open(str(repo_path), "ole", db_url(tmp_path))
    ws.set_field("fast-kontaktperson", "Formål", "Formål for fast kontaktperson, også om aftenen.")
    ws.reviews.start_round("Forår 2026", dt.date(2026, 3, 10))
    ws.close()


async def to_matrix(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    await pilot.press("down", "down")  # the cursor on the stale cell


def test_matrix(snap_compare: SnapCompare, repo_path: Path, tmp_path: Path) -> None:
    every_status(repo_path, tmp_path)
    app = review_app(repo_path, tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=to_matrix)


def test_matrix_without_colour(
    snap_compare: SnapCompare, repo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    every_status(repo_path, tmp_path)
    app = review_app(repo_path, tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_matrix)
