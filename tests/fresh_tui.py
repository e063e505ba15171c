"""A TUI script run in a fresh interpreter, for tests of what start-up and first openings import
(this interpreter has long since imported everything); the script prints one JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import cli_env


def run_fresh(script: str, repo: Path, url: str) -> dict[str, object]:
    """`script` run as `python -c script REPO URL`: the JSON object it printed last."""
    proc = subprocess.run(
        [sys.executable, "-c", script, str(repo), url],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = json.loads(proc.stdout.splitlines()[-1])
    assert isinstance(found, dict)
    return found
