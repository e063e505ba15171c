"""Starting sn-tui in tmux at a chosen size, for the tests of issue 16 (test_keys_*).

The child's environment drops COLUMNS and LINES: a process that inherits them (the test run
can carry 80 and 24) has Textual draw at that size whatever the terminal's size is.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from tmux_support import Tmux

SRC = Path(__file__).resolve().parents[2] / "src"


def start(
    tmux: Tmux,
    folder: Path,
    *args: str,
    pid_file: Path | None = None,
    size: tuple[int, int] = (120, 40),
    **env: str,
) -> None:
    """`sn-tui ARGS` in the tmux session, with `env` besides the usual; its process id in
    `pid_file`."""
    env = {
        "PYTHONPATH": str(SRC),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "TERM": "tmux-256color",
        **env,
    }
    words = [f"{k}={shlex.quote(v)}" for k, v in env.items()]
    command = " ".join(
        ["exec", "env", "-u", "COLUMNS", "-u", "LINES", *words, sys.executable, "-m", "sn_tui"]
        + [shlex.quote(a) for a in args]
    )
    if pid_file is not None:
        command = f"echo $$ > {shlex.quote(str(pid_file))}; {command}"
    tmux.start(f"sh -c {shlex.quote(command)}", *size)
