"""Benchmarks at ten times a kommune's size: each figure beside its baseline, in one run.

    python bench/run.py            # 1,000 indsatser, 2,000 commits, 50 tags, 20,000 reviews
    python bench/run.py --quick    # a small corpus, for a check that the benchmark still works
    python bench/run.py --load 0 2 # each figure idle and with two busy processes beside it

Prints a table of p50 (median), p95 and max per figure (over --runs runs, 5 by default; the
keystroke figure over every key of every run), the baseline's median, the ratio, and the
issue's target (on the p95 where it says so). Nothing here asserts a time: figures are for
reading. The daily interactions (`interactions.py`: enter → editor, escape, ctrl+s → "Gemt.",
the review matrix, versions, comparison, history and datagrundlag opened the first time) run
each in a new app on the warm cache. The corpus gets YEARS years of datagrundlag for every
indsats (`datagrundlag.add_years`, one commit on main) for the datagrundlag screen.

Every sn-tui process gets a cache folder (XDG_CACHE_HOME) inside the benchmark's temporary
folder, never the user's own. "kold" rows give each run an empty one, so nothing a previous run
parsed or computed is reused; "varm" rows share one that an unmeasured first run filled, as
after any earlier use. The sources are byte-compiled first, as an installed package is.

A shared machine (an SSH host) is never idle: `--load N` measures every figure again with N
processes beside it that each keep a core busy (`load.py`), started before the figures of that
condition and stopped after them. The last column says which condition a row was measured in;
the rows of one figure stand together, and a loaded row's "mod tomgang" is its median over the
idle one (the issue's bound: 1.5).

Capacity (`--sessions N`, 50 by default, 0 to skip): N idle sn-tui sessions in real terminals
(tmux) on the corpus, each one's share of a core over 30 s and its resident memory, and one more
user's keystrokes in the 20 KB field while they are open (`capacity.py`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE

ROOT = Path(__file__).resolve().parents[1]
YEARS = 10
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import startup  # noqa: E402
from corpus import Corpus, add_reviews, generate, long_field  # noqa: E402
from datagrundlag import add_years  # noqa: E402
from load import busy, condition  # noqa: E402
from sn_tui.domain.entry import Person  # noqa: E402
from sn_tui.store.repo import ContentRepo  # noqa: E402
from sn_tui.store.save import save_files  # noqa: E402

Measure = Callable[[int], list[float]]
"""Takes the number of runs, returns the figures (more than one per run is allowed)."""


@dataclass(frozen=True)
class Figure:
    """One measured figure and, where it has one, the baseline it is compared with.

    `target` is a ratio to the baseline's median (≤ target); `limit` an absolute bound in `unit`,
    on the median, or with `tail` on the 95th percentile.
    """

    name: str
    measure: Measure
    baseline: Measure | None = None
    baseline_name: str = ""
    target: float | None = None
    limit: float | None = None
    unit: str = "ms"
    tail: bool = False


@dataclass(frozen=True)
class Row:
    figure: Figure
    values: list[float]
    base_values: list[float]
    condition: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        return percentile(self.values, 95)

    @property
    def ratio(self) -> float | None:
        if not self.base_values:
            return None
        return self.median / statistics.median(self.base_values)

    @property
    def met(self) -> bool | None:
        f = self.figure
        if f.target is not None and self.ratio is not None:
            return self.ratio <= f.target
        if f.limit is not None:
            return (self.p95 if f.tail else self.median) <= f.limit
        return None


def percentile(values: list[float], pct: float) -> float:
    """The `pct`th percentile, interpolated between the two nearest values."""
    ordered = sorted(values)
    at = (len(ordered) - 1) * pct / 100
    low = int(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


class Caches:
    """Cache folders for the sn-tui processes: a shared warm one, or a new empty one each time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.warm = root / "varm"
        self._fresh = itertools.count()

    def fresh(self) -> Path:
        return self.root / f"kold-{next(self._fresh)}"


def repeat(run: Callable[[], float]) -> Measure:
    return lambda runs: [run() for _ in range(runs)]


def timed_process(args: list[str], cwd: Path, cache: Callable[[], Path] | None = None) -> Measure:
    """Wall time of a whole process, in ms; `cache` gives each run its cache folder."""

    def run() -> float:
        env = startup.child_env(cache() if cache is not None else None)
        start = time.perf_counter()
        proc = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=PIPE)
        elapsed = (time.perf_counter() - start) * 1000
        if proc.returncode not in (0, 1):  # 1: check found errors, which is no failure here
            raise RuntimeError(f"{args} -> {proc.returncode}: {proc.stderr.decode()[-2000:]}")
        return elapsed

    return repeat(run)


def warmed(measure: Measure, warm_up: Callable[[], object]) -> Measure:
    """`measure` after one unmeasured `warm_up` (which fills the warm cache) before its first
    run."""
    pending = [warm_up]

    def run(runs: int) -> list[float]:
        while pending:
            pending.pop()()
        return measure(runs)

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


# ---------------------------------------------------------------------- command line figures
def read_figures(corpus: Corpus, caches: Caches) -> list[Figure]:
    old = corpus.tags[0]
    a, b = _pick_tags(corpus, int(len(corpus.ids) * 0.6))
    changed = subprocess.run(
        ["git", "-C", str(corpus.path), "diff", "--name-only", a, b],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.count("\n")
    diff = sn_tui("diff", a, b, "--format", "json")
    git_diff = timed_process(["git", "diff", a, b], corpus.path)
    warm = timed_process(diff, corpus.path, lambda: caches.warm)
    warm_check = timed_process(sn_tui("check"), corpus.path, lambda: caches.warm)
    return [
        Figure(
            f"sn-tui diff --format json ({changed} ændrede), kold: tomme caches",
            timed_process(diff, corpus.path, caches.fresh),
            git_diff,
            "git diff af de samme tags",
            target=5.0,
        ),
        Figure(
            f"sn-tui diff --format json ({changed} ændrede), varm",
            warmed(warm, lambda: warm(1)),
            git_diff,
            "git diff af de samme tags",
            target=2.0,
        ),
        Figure(
            "sn-tui check, hele korpus, kold: tomme caches",
            timed_process(sn_tui("check"), corpus.path, caches.fresh),
        ),
        Figure(
            "sn-tui check, hele korpus, varm",
            warmed(warm_check, lambda: warm_check(1)),
        ),
        Figure(
            f"sn-tui list --at {old}",
            timed_process(sn_tui("list", "--at", old), corpus.path, lambda: caches.warm),
            timed_process(["git", "ls-tree", "-r", old], corpus.path),
            "git ls-tree -r",
        ),
    ]


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
        # A file of its own: written over an indsats, it would leave that indsats unreadable
        # for the figures measured after this one.
        path = "plumbing.txt"
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
        subprocess.run([*git, "reset", "-q", "--hard", "main"], check=True)  # the work tree too
        return elapsed

    return [
        Figure(
            "én gemning gennem store",
            repeat(ours),
            repeat(plumbing),
            "plumbing-commit med git CLI",
            target=2.0,
        )
    ]


# ---------------------------------------------------------------------- review matrix
def matrix_figures(corpus: Corpus, reviews: int) -> list[Figure]:
    import review_matrix
    from sn_tui.reviewdb.connection import open_database
    from sn_tui.reviewdb.service import ReviewService
    from sn_tui.services.reviews import database_url

    repo = ContentRepo.open(corpus.path)
    head = repo.head()
    assert head is not None
    indsatser = list(repo.indsatser(head).values())
    groups = [g.id for g in repo.faggrupper(head)]
    url = database_url(None, repo.git_dir)

    def run() -> float:
        db = open_database(url)
        try:
            start = time.perf_counter()
            matrix = review_matrix.compute(ReviewService(db), indsatser, repo.read_blob, groups)
            review_matrix.table(matrix)
            return (time.perf_counter() - start) * 1000
        finally:
            db.close()

    size = f"{len(indsatser)} × {len(groups)}, {reviews} reviews"
    name = f"review-matrix beregnet og vist som tabel ({size})"
    return [Figure(name, repeat(run))]


# ---------------------------------------------------------------------- the TUI
def tui_figures(corpus: Corpus, caches: Caches, field_id: str, keys: int) -> list[Figure]:
    """Start-up, memory and keystrokes: the measured runs are shared between figures."""
    repo = str(corpus.path)
    done: dict[str, list[startup.Run]] = {}  # the runs of each kind, shared between figures
    taken: dict[tuple[str, str], int] = {}  # how many of them each figure has used

    def one(kind: str) -> startup.Run:
        if kind.startswith("minimal"):
            return startup.one_run(startup.MINIMAL)
        if kind == "warm":
            if kind not in done:  # fill the warm cache first
                startup.one_run(startup.SN_TUI, repo, "settled", cache=caches.warm)
            return startup.one_run(startup.SN_TUI, repo, "settled", cache=caches.warm)
        return startup.one_run(startup.SN_TUI, repo, "ready", cache=caches.fresh())

    def runs_of(kind: str, figure: str, runs: int) -> list[startup.Run]:
        """The figure's next `runs` runs of `kind`: made now, or made for another figure."""
        start = taken.get((kind, figure), 0)
        have = done.setdefault(kind, [])
        while len(have) < start + runs:
            have.append(one(kind))
        taken[kind, figure] = start + runs
        return have[start : start + runs]

    def ready(kind: str, figure: str) -> Measure:
        return lambda runs: [r.ready * 1000 for r in runs_of(kind, figure, runs)]

    def rss(kind: str, figure: str) -> Measure:
        return lambda runs: [r.max_rss_mb for r in runs_of(kind, figure, runs)]

    typed: list[tuple[float, float]] = []  # (ms to the screen, processor ms) of every key

    def keystrokes(runs: int, column: int) -> list[float]:
        while len(typed) < runs * keys:
            typed.extend(keystroke_run(corpus.path, caches.warm, field_id, keys))
        return [key[column] for key in typed[: runs * keys]]

    count = len(corpus.ids)
    minimal = "minimal Textual-app, tom skærm"
    return [
        Figure(
            f"start til interaktiv oversigt ({count} indsatser)",
            ready("warm", "start"),
            ready("minimal", "start"),
            minimal,
            target=1.3,
        ),
        Figure(
            "  første start, tom parse-cache",
            ready("cold", "first"),
            ready("minimal-cold", "first"),  # runs of its own, alternating with the cold ones
            minimal,
            target=1.5,
        ),
        Figure(
            "RSS-top, oversigt indlæst og tjekket",
            rss("warm", "rss"),
            rss("minimal", "rss"),
            minimal,
            target=2.0,
            unit="MB",
        ),
        Figure(
            "tast til skærm, felt på 20 KB (pr. tast)",
            lambda runs: keystrokes(runs, 0),
            limit=16.0,
            tail=True,
        ),
        Figure("  heraf processortid pr. tast", lambda runs: keystrokes(runs, 1)),
    ]


INTERACTIONS = (
    ("open", "enter på en række → editoren viser indsatsens tekst", 100.0),
    ("checked", "  heraf tjeklinjen vist (må komme efter)", None),
    ("escape", "escape fra editoren → oversigten", 50.0),
    ("save", "ctrl+s, beskeden besvaret med enter → »Gemt.«", 100.0),
    ("matrix", "m → reviewmatrix, første gang", 200.0),
    ("versions", "v → versioner, første gang", 200.0),
    ("compare", "c på versioner → sammenligning, første gang", 200.0),
    ("history", "h → historik, første gang", 200.0),
    ("datagrundlag", "g → datagrundlag, seneste års rækker, første gang", 200.0),
    ("back", "escape fra matrix, versioner, sammenligning, historik, datagrundlag", 50.0),
)
"""`bench/interactions.py`'s figures: key, row name, target in ms."""


def interaction_figures(corpus: Corpus, caches: Caches) -> list[Figure]:
    """The daily interactions, key to screen; every run is a new app (so each screen is opened
    for the first time) on the warm cache, as on any day after the first."""
    done: list[dict[str, list[float]]] = []
    taken: dict[str, int] = {}

    def runs_of(key: str, runs: int) -> list[float]:
        start = taken.get(key, 0)
        while len(done) < start + runs:
            out = subprocess.run(
                [sys.executable, str(ROOT / "bench" / "interactions.py"), str(corpus.path)],
                env=startup.child_env(caches.warm),
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode != 0:
                raise RuntimeError(f"interactions.py -> {out.returncode}: {out.stderr[-2000:]}")
            done.append(json.loads(out.stdout))
        taken[key] = start + runs
        return [ms for run in done[start : start + runs] for ms in run[key]]

    return [
        Figure(name, lambda runs, key=key: runs_of(key, runs), limit=limit)
        for key, name, limit in INTERACTIONS
    ]


def capacity_figures(
    corpus: Corpus, caches: Caches, sessions: int, field_id: str, keys: int
) -> list[Figure]:
    """`sessions` idle TUI sessions in real terminals (`capacity.py`), measured once: processor
    share and resident memory of each, and one more user's keystrokes while they are open.
    Each figure gives all its values at its first run and none after."""
    from capacity import sessions_open

    found: dict[str, list[float]] = {}

    def measured(key: str) -> Measure:
        def measure(_runs: int) -> list[float]:
            if not found:
                with sessions_open(corpus.path, sessions, caches.warm) as opened:
                    usage = opened.usage(30)
                    typed = keystroke_run(corpus.path, caches.warm, field_id, keys * 3)
                found.update(cpu=usage.cpu_percent, rss=usage.rss_mb, keys=[w for w, _ in typed])
            return found.pop(key, [])

        return measure

    return [
        Figure(
            "processor pr. session i tomgang (% af én kerne)",
            measured("cpu"),
            limit=0.5,
            unit="%",
            tail=True,
        ),
        Figure("resident hukommelse pr. session", measured("rss"), limit=70, unit="MB", tail=True),
        Figure(
            "tast til skærm, felt på 20 KB, ved siden af", measured("keys"), limit=16, tail=True
        ),
    ]


def keystroke_run(repo: Path, cache: Path, field_id: str, keys: int) -> list[tuple[float, float]]:
    """One `keystroke.py` run: (ms to the screen, processor ms) of each key."""
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "keystroke.py"),
            str(repo),
            field_id,
            "Indhold",
            "--keys",
            str(keys),
        ],
        env=startup.child_env(cache),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(float(wall), float(cpu)) for wall, cpu in (line.split() for line in out.splitlines())]


# ---------------------------------------------------------------------- output
def collect(figures: list[Figure], runs: int, load: int, where: str = "") -> list[Row]:
    """Each figure's runs alternate with its baseline's, so that a machine that slows down or
    speeds up during the benchmark moves both alike and the ratio stays fair."""
    rows = []
    for figure in figures:
        values: list[float] = []
        base: list[float] = []
        for _ in range(runs):
            values += figure.measure(1)
            if figure.baseline is not None:
                base += figure.baseline(1)
        rows.append(Row(figure, values, base, where or condition(load)))
        print(f"  målt ({where or condition(load)}): {figure.name.strip()}", file=sys.stderr)
    return rows


LOADED_LIMIT = 1.5
"""Under load, no figure's median may be more than this times its idle median."""


def table(rows: list[Row]) -> str:
    """One line per row; a row measured under load also says how its median compares with the
    same figure's idle median."""
    idle = {row.figure.name: row.median for row in rows if row.condition == condition(0)}
    header = (
        *("figur", "p50", "p95", "max", "grundlinje", "p50", "forhold", "mål", "nået"),
        *("mod tomgang", "betingelse"),
    )
    lines = [header]
    for row in rows:
        f = row.figure
        base_med = f"{statistics.median(row.base_values):.1f}" if row.base_values else "–"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "–"
        if f.target is not None:
            target = f"≤ {f.target:g}"
        elif f.limit is not None:
            target = f"{'p95 ' if f.tail else ''}≤ {f.limit:g} {f.unit}"
        else:
            target = "–"
        met = {True: "ja", False: "nej", None: "–"}[row.met]
        loaded = "–"
        if row.condition != condition(0) and idle.get(f.name):
            times = row.median / idle[f.name]
            loaded = f"{times:.2f} ({'ja' if times <= LOADED_LIMIT else 'nej'})"
        lines.append(
            (
                f.name,
                f"{row.median:.1f} {f.unit}",
                f"{row.p95:.1f}",
                f"{max(row.values):.1f}",
                f.baseline_name or "–",
                base_med,
                ratio,
                target,
                met,
                loaded,
                row.condition,
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
    parser.add_argument("--keys", type=int, help="taster pr. kørsel (standard 40, --quick 10)")
    parser.add_argument(
        "--load", type=int, nargs="+", default=[0], help="travle processer ved siden af (0: ingen)"
    )
    parser.add_argument(
        "--sessions", type=int, help="TUI-sessioner i kapacitetsmålingen (standard 50, --quick 3)"
    )
    args = parser.parse_args(argv)
    size = args.indsatser or (60 if args.quick else 1000)
    commits = size * 2
    tags = 10 if args.quick else 50
    reviews = size * 20
    keys = args.keys or (10 if args.quick else 40)
    sessions = args.sessions if args.sessions is not None else (3 if args.quick else 50)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    with tempfile.TemporaryDirectory(prefix="sn-tui-bench-") as tmp:
        start = time.perf_counter()
        corpus = generate(Path(tmp) / "korpus", indsatser=size, commits=commits, tags=tags)
        add_reviews(corpus, reviews, random.Random(2026))
        add_years(corpus.path, YEARS)  # the datagrundlag screen's numbers (one commit on main)
        made = time.perf_counter() - start
        conditions = ", ".join(condition(load) for load in args.load)
        print(
            f"Korpus: {size} indsatser, {commits} commits, {tags} vedtagne versioner, "
            f"{reviews} reviews (bygget på {made:.1f} s); {args.runs} kørsler pr. figur, "
            f"{keys} taster pr. kørsel; betingelser: {conditions}.",
        )
        field_id = long_field(corpus)
        by_condition = []
        for load in args.load:
            caches = Caches(Path(tmp) / f"cache-{load}")  # each condition fills its own
            with busy(load):
                rows = collect(read_figures(corpus, caches) + save_figures(corpus), args.runs, load)
                figures = matrix_figures(corpus, reviews)
                figures += tui_figures(corpus, caches, field_id, keys)
                figures += interaction_figures(corpus, caches)
                rows += collect(figures, args.runs, load)
            by_condition.append(rows)
        rows = [row for rows in zip(*by_condition, strict=True) for row in rows]
        if sessions:
            # The first condition's warm cache, as each user has one from the day before.
            caches = Caches(Path(tmp) / f"cache-{args.load[0]}")
            figures = capacity_figures(corpus, caches, sessions, field_id, keys)
            rows += collect(figures, 1, 0, f"{sessions} sessioner åbne")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
