"""The code stays clean: ruff (lint and format), mypy --strict on src/, the layer contracts
(lint-imports) and the declared dependencies (deptry) are part of the suite.

The contracts and deptry's settings live in pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> list[str]:
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} er ikke installeret (installer med pip install -e '.[test]')")
    return [found]


@pytest.mark.parametrize(
    "args",
    [
        ["ruff", "check", "src", "tests", "bench"],
        ["ruff", "format", "--check", "src", "tests", "bench"],
        ["mypy"],
        ["lint-imports", "--no-cache"],
        ["deptry", "src"],
    ],
    ids=["ruff-check", "ruff-format", "mypy", "layers", "dependencies"],
)
def test_tool_is_clean(args: list[str]) -> None:
    proc = subprocess.run(
        [*_tool(args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
