"""Time from process start to an interactive overview, beside a minimal Textual app.

    PYTHONPATH=src python bench/startup.py [--runs 5]

Each figure is the median over fresh processes: the parent notes the time, starts Python, and
the child reports (on its own stdout, outside Textual) the moment the overview shows its rows
after a refresh. Apps run headless, so the terminal's own speed is left out. Repositories: the
demo (if its data is present) or 25 generated indsatser, and 1,000 generated indsatser.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from small_corpus import make_corpus  # noqa: E402

MINIMAL = """
import os, sys, time
from textual.app import App
from textual.widgets import Static

class Minimal(App[None]):
    def compose(self):
        yield Static("Hej")

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        os.write(1, f"READY {time.monotonic()}\\n".encode())
        self.exit()

Minimal().run(headless=True)
"""

SN_TUI = """
import os, sys, time
from sn_tui.tui.app import SnApp

def ready():
    os.write(1, f"READY {time.monotonic()}\\n".encode())
    app.exit()

app = SnApp(sys.argv[1], "bench", on_ready=ready)
app.run(headless=True)
"""


def one_run(code: str, *args: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), XDG_CONFIG_HOME=tempfile.gettempdir())
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    for line in proc.stdout.splitlines():
        if line.startswith("READY "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no READY from the child: {proc.stderr[-2000:]}")


def median(code: str, runs: int, *args: str) -> float:
    return statistics.median(one_run(code, *args) for _ in range(runs))


def small_repository(folder: Path) -> tuple[Path, str]:
    try:
        from sn_tui.create import build_demo, data_dir

        if (data_dir() / "demo" / "commits").is_dir():
            return build_demo(folder / "demo").work_tree or folder / "demo", "the demo"
    except ImportError:
        pass
    return make_corpus(folder / "small", 25), "25 generated indsatser"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sn-tui-bench-") as tmp:
        folder = Path(tmp)
        small, small_name = small_repository(folder)
        big = make_corpus(folder / "big", 1000)
        rows = [
            ("minimal Textual app (one Static)", median(MINIMAL, args.runs)),
            (f"sn-tui overview, {small_name}", median(SN_TUI, args.runs, str(small))),
            ("sn-tui overview, 1,000 generated indsatser", median(SN_TUI, args.runs, str(big))),
        ]
    print(f"Start-up to an interactive screen (median of {args.runs} runs, seconds)")
    for name, seconds in rows:
        print(f"  {name:<46} {seconds:6.2f}")


if __name__ == "__main__":
    main()
