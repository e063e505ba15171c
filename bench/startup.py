"""Time from process start to an interactive overview, beside a minimal Textual app.

    PYTHONPATH=src python bench/startup.py [--runs 5]

Each figure is the median over fresh processes: the parent notes the time, starts Python, and
the child reports (on its own stdout, outside Textual) the moment the overview shows its rows
after a refresh. Apps run headless, so the terminal's own speed is left out. Repositories: the
demo (if its data is present) or 25 generated indsatser, and 1,000 generated indsatser.

`bench/run.py` uses `one_run` for its start-up and memory figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from small_corpus import make_corpus  # noqa: E402

PEAK = """
import resource
try:
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
os.write(1, f"PEAK {peak}\\n".encode())
"""
"""The child's own peak RSS in kB. Not the parent's `wait4` figure: Linux carries the parent's
peak over into a child's across fork and exec, so a large parent would hide a small child."""

MINIMAL = (
    """
import os, sys, time
from textual.app import App

class Minimal(App[None]):
    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        os.write(1, f"READY {time.monotonic()}\\n".encode())
        self.exit()

Minimal().run(headless=True)
"""
    + PEAK
)
"""An app that shows an empty screen, and says so after its first refresh."""

SN_TUI = (
    """
import os, sys, time
from sn_tui.cli.parser import build_parser
from sn_tui.tui.launch import prepare

# As `sn-tui` starts the TUI: its command line read, then the start prepared, then Textual.
args = build_parser().parse_args(["--repo", sys.argv[1], "--user", "bench"])
prefetch = prepare(args.repo, args.user, args.db)
from sn_tui.tui.app import make_app

def ready():
    os.write(1, f"READY {time.monotonic()}\\n".encode())
    if sys.argv[2] == "ready":
        app.exit()
    else:
        app.call_later(settled)

async def settled():
    await app.workers.wait_for_complete()
    os.write(1, f"SETTLED {time.monotonic()}\\n".encode())
    app.exit()

app = make_app(args.repo, args.user, db_url=args.db, on_ready=ready, prefetch=prefetch)
app.run(headless=True)
if prefetch is not None:
    prefetch.wait()  # its cache writes must not run into the next measured start
"""
    + PEAK
)
"""sn-tui on the repository in argv[1]; argv[2] is `ready` (exit as soon as the overview shows
its rows) or `settled` (exit once every start-up worker, the check included, has finished)."""


@dataclass(frozen=True)
class Run:
    """One child process: seconds to READY (and SETTLED), and its peak resident memory."""

    ready: float
    settled: float | None
    max_rss_mb: float


def child_env(cache: Path | None = None) -> dict[str, str]:
    """PYTHONPATH to this checkout; a throw-away config folder; the given cache folder."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), XDG_CONFIG_HOME=tempfile.gettempdir())
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    return env


def one_run(code: str, *args: str, cache: Path | None = None) -> Run:
    """Start `code` in a fresh Python; its timings from the moment before the start."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.run(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.PIPE,
            stderr=err,
            env=child_env(cache),
            timeout=300,
            check=False,
        )
        err.seek(0)
        errors = err.read().decode(errors="replace")
    marks: dict[str, float] = {}
    for line in proc.stdout.decode(errors="replace").splitlines():
        name, _, value = line.partition(" ")
        if name in ("READY", "SETTLED"):
            marks[name] = float(value) - start
        elif name == "PEAK":
            marks[name] = float(value) / 1024
    if "READY" not in marks or "PEAK" not in marks:
        raise RuntimeError(f"no READY from the child: {errors[-2000:]}")
    return Run(marks["READY"], marks.get("SETTLED"), marks["PEAK"])


def median(code: str, runs: int, *args: str) -> float:
    return statistics.median(one_run(code, *args).ready for _ in range(runs))


def small_repository(folder: Path) -> tuple[Path, str]:
    try:
        from sn_tui.services.provisioning import build_demo, data_dir

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
            ("minimal Textual app (empty screen)", median(MINIMAL, args.runs)),
            (f"sn-tui overview, {small_name}", median(SN_TUI, args.runs, str(small), "ready")),
            (
                "sn-tui overview, 1,000 generated indsatser",
                median(SN_TUI, args.runs, str(big), "ready"),
            ),
        ]
    print(f"Start-up to an interactive screen (median of {args.runs} runs, seconds)")
    for name, seconds in rows:
        print(f"  {name:<46} {seconds:6.2f}")


if __name__ == "__main__":
    main()
