"""The bad-repository generator of issue 16 §8 at full size: 10,000 seeded cases.

    python bench/badfiles.py                 # seeds 0..9999, one process per core
    python bench/badfiles.py --count 500     # fewer
    python bench/badfiles.py --start 20000   # other seeds

Each case is one way of spoiling one file (`tests/badfiles_cases.py`), committed with plain git
onto a good repository, and read by every read command in the process (check, list, diff,
export, review status, show). Prints each broken promise (an undocumented exit, a traceback,
a command over 2 s, a good indsats missing, a bad file neither shown nor named, anything
written into the repository) and a summary per kind; exit 1 if there was any. The test suite
runs a few hundred of the same cases (`tests/test_badfiles_generated.py`).
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"


def run_seeds(seeds: range) -> tuple[list[str], dict[str, float], int]:
    """(broken promises, slowest command per kind, cases run) for `seeds`, in one process."""
    sys.path.insert(0, str(TESTS))
    from badfiles_cases import Case, own_database, problems, repository_files, run_commands

    found: list[str] = []
    slowest: dict[str, float] = collections.defaultdict(float)
    with tempfile.TemporaryDirectory(prefix="sn-badfiles-") as folder:
        root = Path(folder)
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")  # never the user's own cache
        with own_database(root):
            for seed in seeds:
                case = Case(seed)
                repo = case.build(root)
                before = repository_files(repo)
                results = run_commands(repo, root)
                found += problems(case, results)
                if repository_files(repo) != before:
                    found.append(f"{case.kind} (seed {seed}): wrote into the repository")
                slowest[case.kind] = max(slowest[case.kind], *(r.seconds for r in results))
                shutil.rmtree(repo)
    return found, dict(slowest), len(seeds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    seeds = range(args.start, args.start + args.count)
    chunks = [seeds[i :: args.jobs] for i in range(args.jobs)]
    started = time.monotonic()
    found: list[str] = []
    slowest: dict[str, float] = collections.defaultdict(float)
    done = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for problems, slow, count in pool.map(run_seeds, chunks):
            found += problems
            done += count
            for kind, seconds in slow.items():
                slowest[kind] = max(slowest[kind], seconds)
    for line in found:
        print(line)
    print(f"{done} cases in {time.monotonic() - started:.0f} s; {len(found)} broken promises")
    for kind, seconds in sorted(slowest.items()):
        print(f"  {kind:<28} slowest command {seconds:.2f} s")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
