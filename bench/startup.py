"""Time from process start to an interactive overview, beside a minimal Textual app.

    PYTHONPATH=src python bench/startup.py [--runs 5] [--load 0 2]
    PYTHONPATH=src python bench/startup.py --compare CHECKOUT_A CHECKOUT_B [--pairs 20] [--load 0 2]

Each figure is the median over fresh processes: the parent notes the time, starts Python, and
the child reports (on its own stdout, outside Textual) the moment the overview shows its rows
after a refresh. Apps run headless, so the terminal's own speed is left out. Repositories: the
demo (if its data is present) or 25 generated indsatser, and 1,000 generated indsatser.
`--load N` measures with N busy processes beside the app (`load.py`); several values give one
table per condition.

`--compare` compares the start of two checkouts (folders with `src/` and `bench/`, e.g. a copy
with one start-up trick taken out) in paired runs that alternate which goes first,
on 1,000 generated indsatser: the daily start (a warm cache, one per checkout) and the first
start (an empty cache each run). For each it prints both medians, how many pairs each side won,
and the spread of the paired differences, the noise a difference must exceed.

`bench/run.py` uses `one_run` for its start-up and memory figures.

Measured with `--compare` on 2026-12-06 (2 cores shared with other engineers' test runs, so
"idle" was noisy too; A-B median of the paired differences, interquartile range, pairs the
trick won) and removed, because none won the daily start in both conditions by more than the
noise: the forked overview prefetch (idle daily -16 ms, -29..+30, 15/25; with two busy
processes +111 ms, -457..+667, 11/25), the opening thread started in `SnApp.__init__` (idle
-25 ms, 8/15; loaded -209 ms, -577..+434, 10/15), `sys.setswitchinterval(0.001)` (idle +59 ms,
6/15), the collector held and frozen during the start (idle -28 ms, -153..+41, 9/15) and
`gc.disable` around bulk parsing (idle first start +25 ms, 5/15). The fork did win the first
start with an empty cache (idle -229 ms, 23/25; loaded -678 ms, -1422..+317, 17/25), and is back
for that start only (no parse cache for this program yet): `sn_tui.tui.startup` has its figures.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from load import busy, condition  # noqa: E402
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
from sn_tui.cli.command_line import parse_command_line
from sn_tui.tui.startup import prepare

# As `sn-tui` starts the TUI: its command line read, then the start prepared, then Textual.
args = parse_command_line(["--repo", sys.argv[1], "--user", "bench"])
start = prepare(args.repo, args.user, args.db)
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

app = make_app(args.repo, args.user, db_url=args.db, on_ready=ready, start=start)
app.run(headless=True)
if start is not None:
    start.wait()
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


def child_env(cache: Path | None = None, root: Path = ROOT) -> dict[str, str]:
    """PYTHONPATH to the checkout `root`; a throw-away config folder; the given cache folder."""
    env = dict(os.environ, PYTHONPATH=str(root / "src"), XDG_CONFIG_HOME=tempfile.gettempdir())
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    return env


def one_run(code: str, *args: str, cache: Path | None = None, root: Path = ROOT) -> Run:
    """Start `code` in a fresh Python (on the checkout `root`); its timings from the moment
    before the start."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.run(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.PIPE,
            stderr=err,
            env=child_env(cache, root),
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


class Checkout:
    """A checkout whose start is measured: its sources, how its benchmark starts sn-tui, and
    its own warm cache folder (caches of two programs must not feed each other)."""

    def __init__(self, root: Path, caches: Path) -> None:
        self.root = root.resolve()
        self.code = _child_code(self.root)
        self.caches = caches
        self.warm = caches / "varm"
        self._fresh = itertools.count()
        compile_all = [sys.executable, "-m", "compileall", "-q", str(self.root / "src")]
        subprocess.run(compile_all, check=True)  # as an installed package is

    def daily(self, repo: Path) -> float:
        if not self.warm.exists():  # filled by one unmeasured start that runs to the end
            one_run(self.code, str(repo), "settled", cache=self.warm, root=self.root)
        return one_run(self.code, str(repo), "ready", cache=self.warm, root=self.root).ready

    def first(self, repo: Path) -> float:
        cache = self.caches / f"kold-{next(self._fresh)}"
        return one_run(self.code, str(repo), "ready", cache=cache, root=self.root).ready


def _child_code(root: Path) -> str:
    """The `SN_TUI` child of the checkout's own bench/startup.py: each checkout starts sn-tui
    its own way (a trick taken out may change how it is started)."""
    module = ast.parse((root / "bench" / "startup.py").read_text(encoding="utf-8"))
    names: dict[str, object] = {}
    for node in module.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in ("PEAK", "SN_TUI") for t in node.targets
        ):
            exec(compile(ast.Module([node], []), str(root), "exec"), names)
    code = names["SN_TUI"]
    assert isinstance(code, str)
    return code


@dataclass(frozen=True)
class Paired:
    """Paired runs of checkout A and checkout B, in seconds."""

    a: list[float]
    b: list[float]

    def line(self, name: str) -> str:
        diffs = sorted(a - b for a, b in zip(self.a, self.b, strict=True))
        q1, _, q3 = statistics.quantiles(diffs, n=4) if len(diffs) > 1 else (0, 0, 0)
        return (
            f"  {name:<13} A {statistics.median(self.a) * 1000:4.0f} ms, "
            f"B {statistics.median(self.b) * 1000:4.0f} ms; A-B median "
            f"{statistics.median(diffs) * 1000:+4.0f} ms (quartiles {q1 * 1000:+.0f} … "
            f"{q3 * 1000:+.0f}); A faster in {sum(d < 0 for d in diffs)} of {len(diffs)}"
        )


def paired(
    run_a: Callable[[Path], float], run_b: Callable[[Path], float], repo: Path, pairs: int
) -> Paired:
    """`pairs` pairs, which side goes first alternating from pair to pair."""
    a: list[float] = []
    b: list[float] = []
    for n in range(pairs):
        if n % 2 == 0:
            a.append(run_a(repo))
            b.append(run_b(repo))
        else:
            b.append(run_b(repo))
            a.append(run_a(repo))
    return Paired(a, b)


def compare(checkouts: list[Path], pairs: int, loads: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="sn-tui-bench-") as tmp:
        folder = Path(tmp)
        repo = make_corpus(folder / "big", 1000)
        print(f"Start, 1,000 generated indsatser: A = {checkouts[0]}, B = {checkouts[1]}")
        for load in loads:
            a, b = (
                Checkout(c, folder / f"{n}-{load}") for n, c in zip("ab", checkouts, strict=True)
            )
            with busy(load):
                daily = paired(a.daily, b.daily, repo, pairs)
                first = paired(a.first, b.first, repo, pairs)
            print(f"{pairs} pairs, {condition(load)}:")
            print(daily.line("daily start"))
            print(first.line("first start"), flush=True)


def tables(runs: int, loads: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="sn-tui-bench-") as tmp:
        folder = Path(tmp)
        small, small_name = small_repository(folder)
        big = make_corpus(folder / "big", 1000)
        for load in loads:
            with busy(load):
                rows = [
                    ("minimal Textual app (empty screen)", median(MINIMAL, runs)),
                    (f"sn-tui overview, {small_name}", median(SN_TUI, runs, str(small), "ready")),
                    (
                        "sn-tui overview, 1,000 generated indsatser",
                        median(SN_TUI, runs, str(big), "ready"),
                    ),
                ]
            print(
                f"Start-up to an interactive screen (median of {runs} runs, seconds), "
                f"{condition(load)}"
            )
            for name, seconds in rows:
                print(f"  {name:<46} {seconds:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load", type=int, nargs="+", default=[0], help="busy processes beside")
    parser.add_argument("--compare", type=Path, nargs=2, help="two checkouts, start against start")
    parser.add_argument("--pairs", type=int, default=20)
    args = parser.parse_args()
    if args.compare is not None:
        compare(args.compare, args.pairs, args.load)
    else:
        tables(args.runs, args.load)


if __name__ == "__main__":
    main()
