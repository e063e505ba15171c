"""Benchmarks at ten times a kommune's size: each figure beside its baseline, in one run.

    python bench/run.py            # 1,000 indsatser, 2,000 commits, 50 tags; 5 runs each
    python bench/run.py --quick    # a small corpus, for a check that the benchmark still works

Prints a table of median, min and max per figure, the baseline's median and the ratio, with the
target ratio where the issue sets one. Nothing here asserts a time: figures are for reading.
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import Corpus, generate  # noqa: E402
from sn_tui.model.entry import Person  # noqa: E402
from sn_tui.store.repo import ContentRepo  # noqa: E402
from sn_tui.store.save import save_files  # noqa: E402


@dataclass(frozen=True)
class Figure:
    """One measured figure and, where it has one, the baseline it is compared with."""

    name: str
    measure: Callable[[], float]
    baseline: Callable[[], float] | None = None
    baseline_name: str = ""
    target: float | None = None
    unit: str = "ms"


@dataclass(frozen=True)
class Row:
    figure: Figure
    values: list[float]
    base_values: list[float]

    @property
    def ratio(self) -> float | None:
        if not self.base_values:
            return None
        return statistics.median(self.values) / statistics.median(self.base_values)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


def timed_process(args: list[str], cwd: Path) -> Callable[[], float]:
    """Wall time of a whole process, in ms."""

    def run() -> float:
        start = time.perf_counter()
        subprocess.run(args, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL, check=True)
        return (time.perf_counter() - start) * 1000

    return run


def sn_tui(*args: str) -> list[str]:
    return [sys.executable, "-m", "sn_tui", *args]


def _pick_tags(corpus: Corpus, want: int) -> tuple[str, str]:
    """Two adopted versions with about `want` indsatser changed between them."""
    best = (corpus.tags[0], corpus.tags[-1])
    best_gap = None
    for later in corpus.tags[1:]:
        out = subprocess.run(
            ["git", "-C", str(corpus.path), "diff", "--name-only", corpus.tags[0], later],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        gap = abs(len(out.split()) - want)
        if best_gap is None or gap < best_gap:
            best, best_gap = (corpus.tags[0], later), gap
    return best


def save_figures(corpus: Corpus) -> list[Figure]:
    repo = ContentRepo.open(corpus.path)
    person = Person("person01", "Person 01", "person01@korpus.dk")
    path = f"indsatser/{corpus.ids[0]}.md"
    counter = iter(range(10**6))

    def ours() -> float:
        head = repo.head()
        data = repo.read(str(head), path) or b""
        new = data + f"\nÆndring {next(counter)}.\n".encode()
        start = time.perf_counter()
        save_files(repo, {path: new}, base=head, author=person, message="bench\n")
        return (time.perf_counter() - start) * 1000

    def plumbing() -> float:
        git = ["git", "-C", str(corpus.path)]
        head = subprocess.run([*git, "rev-parse", "main"], capture_output=True, text=True).stdout
        data = f"plumbing {next(counter)}\n".encode()
        index = corpus.path / ".git" / "bench-index"
        env = {**os.environ, "GIT_INDEX_FILE": str(index)}
        start = time.perf_counter()
        blob = (
            subprocess.run(
                [*git, "hash-object", "-w", "--stdin"], input=data, capture_output=True, check=True
            )
            .stdout.decode()
            .strip()
        )
        subprocess.run([*git, "read-tree", head.strip()], env=env, check=True)
        subprocess.run(
            [*git, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}"],
            env=env,
            check=True,
        )
        tree = subprocess.run(
            [*git, "write-tree"], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        commit = subprocess.run(
            [*git, "commit-tree", tree, "-p", head.strip(), "-m", "plumbing"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        subprocess.run([*git, "update-ref", "refs/heads/main", commit, head.strip()], check=True)
        elapsed = (time.perf_counter() - start) * 1000
        index.unlink(missing_ok=True)
        return elapsed

    return [
        Figure(
            "én gemning gennem store",
            ours,
            plumbing,
            "plumbing-commit med git CLI",
            target=2.0,
        )
    ]


def read_figures(corpus: Corpus) -> list[Figure]:
    old = corpus.tags[0]
    a, b = _pick_tags(corpus, int(len(corpus.ids) * 0.6))
    changed = subprocess.run(
        ["git", "-C", str(corpus.path), "diff", "--name-only", a, b],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.count("\n")
    return [
        Figure(
            f"sn-tui diff --format json ({changed} ændrede)",
            timed_process(sn_tui("diff", a, b, "--format", "json"), corpus.path),
            timed_process(["git", "diff", a, b], corpus.path),
            "git diff af de samme tags",
            target=3.0,
        ),
        Figure("sn-tui check, hele korpus", timed_process(sn_tui("check"), corpus.path)),
        Figure(
            f"sn-tui list --at {old}",
            timed_process(sn_tui("list", "--at", old), corpus.path),
            timed_process(["git", "ls-tree", "-r", old], corpus.path),
            "git ls-tree -r",
        ),
    ]


def collect(figures: list[Figure], runs: int) -> list[Row]:
    rows = []
    for figure in figures:
        values = [figure.measure() for _ in range(runs)]
        base = [figure.baseline() for _ in range(runs)] if figure.baseline else []
        rows.append(Row(figure, values, base))
        print(f"  målt: {figure.name}", file=sys.stderr)
    return rows


def table(rows: list[Row]) -> str:
    header = ("figur", "median", "min", "max", "grundlinje", "median", "forhold", "mål")
    lines = [header]
    for row in rows:
        f = row.figure
        base_med = f"{statistics.median(row.base_values):.1f}" if row.base_values else "–"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "–"
        target = f"≤ {f.target:g}" if f.target is not None else "–"
        lines.append(
            (
                f.name,
                f"{statistics.median(row.values):.1f} {f.unit}",
                f"{min(row.values):.1f}",
                f"{max(row.values):.1f}",
                f.baseline_name or "–",
                base_med,
                ratio,
                target,
            )
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append(" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)))
        if n == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="lille korpus, færre gentagelser")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--indsatser", type=int)
    args = parser.parse_args(argv)
    size = args.indsatser or (60 if args.quick else 1000)
    commits = size * 2
    tags = 10 if args.quick else 50
    with tempfile.TemporaryDirectory(prefix="sn-tui-bench-") as tmp:
        start = time.perf_counter()
        corpus = generate(Path(tmp) / "korpus", indsatser=size, commits=commits, tags=tags)
        made = time.perf_counter() - start
        print(
            f"Korpus: {size} indsatser, {commits} commits, {tags} vedtagne versioner "
            f"(bygget på {made:.1f} s); {args.runs} kørsler pr. figur.",
        )
        figures = read_figures(corpus) + save_figures(corpus)
        rows = collect(figures, args.runs)
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
