"""Busy processes beside a benchmark, as on a shared machine (an SSH host is never idle).

`busy(2)` starts two Python processes that spin on a core each for as long as the block runs
and stops them when it ends, also when the block fails (and they stop by themselves when the
benchmark's process is killed). `condition(n)` says in words which
condition a figure was measured in.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

SPIN = "import os\nparent = os.getppid()\nwhile os.getppid() == parent: pass"
"""Busy until stopped, or until the benchmark is gone (killed, it cannot stop them itself)."""


def condition(load: int) -> str:
    if load == 0:
        return "tomgang"
    return f"{load} travl{'e' if load > 1 else ''} proces{'ser' if load > 1 else ''} ved siden af"


@contextlib.contextmanager
def busy(load: int) -> Iterator[None]:
    """`load` processes each keeping one core busy while the block runs."""
    spinners: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(load):
            spinners.append(subprocess.Popen([sys.executable, "-c", SPIN]))
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait()
