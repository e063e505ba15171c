"""Heavy packages load only where they are used: a command does not pay for the TUI, the review
database or GitPython, and GitPython loads only when a sync runs.

Each check runs in a fresh interpreter, since this one has long since imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("textual", "rich", "sqlalchemy", "sqlmodel", "alembic", "git")


def _loaded_after(statement: str) -> list[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    top_level = {name.split(".")[0] for name in json.loads(proc.stdout)}
    return [name for name in HEAVY if name in top_level]


def test_the_cli_loads_neither_textual_nor_the_database_nor_gitpython() -> None:
    assert _loaded_after("import sn_tui.cli.main") == []


@pytest.mark.parametrize(
    "statement",
    [
        # The TUI asks at start whether there is a remote (to offer `s`).
        "from sn_tui.store.sync import remote_name",
        "from sn_tui.services.collaboration import Collaboration",
    ],
)
def test_gitpython_loads_only_when_syncing(statement: str) -> None:
    assert "git" not in _loaded_after(statement)
