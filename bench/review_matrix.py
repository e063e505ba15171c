"""Benchmark: the review matrix for 1,000 indsatser × 12 faggrupper with 20,000 reviews.

    PYTHONPATH=src python bench/review_matrix.py [--db URL] [--runs 7] [--no-render]

Compute: builds the reviews in a fresh SQLite file (or in the given, empty PostgreSQL
database), then times `StatusReader.matrix`: the first call (the query, and content checks
that read and parse blobs), calls right after one more review was recorded (the query again),
and calls with nothing new (the cached query result).

Render: commits the same indsatser to a real content repository (an older version first, so
the older approvals point at real blobs), fills a second SQLite database the same way, and runs
the TUI headless at 120×40 (`App.run_test`): the time from opening the matrix screen to its
first painted frame (the worker's Git reads and matrix, then the grid), the part of that from
the worker's result to the painted grid, and one page down through the 1,000 rows (beside a
key that does nothing, which is what the test pilot's own waiting costs).

Figures are for reading; nothing here passes or fails.

`bench/run.py` calls `fill`, `compute` and `table` on its large corpus: keep them plain
functions.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from sn_tui.cli.commands.review import matrix_table
from sn_tui.domain.entry import Adgang, Indsats, Person
from sn_tui.domain.fields import FAGGRUPPER_FILE, FIELDS, indsats_path
from sn_tui.domain.reviews.matrix import Matrix
from sn_tui.domain.reviews.records import Verdict
from sn_tui.reviewdb.connection import open_database
from sn_tui.reviewdb.service import ReviewService
from sn_tui.reviewdb.tables import Review

GROUPS = [f"faggruppe-{n:02d}" for n in range(12)]


def corpus(count: int, rng: random.Random) -> tuple[list[Indsats], dict[str, bytes]]:
    indsatser: list[Indsats] = []
    blobs: dict[str, bytes] = {}
    for n in range(count):
        groups = rng.sample(GROUPS, rng.randint(4, 12))
        body = "".join(f"\n## {name}\n\nTekst {n} om {name.lower()}.\n" for name in FIELDS)
        text = f"---\nid: indsats-{n}\ntitel: Indsats {n}\nfaggrupper: [{', '.join(groups)}]\n---\n"
        data = (text + body).encode()
        blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        blobs[blob] = data
        indsatser.append(Indsats.parse(data, indsats_path(f"indsats-{n}"), blob))
    return indsatser, blobs


def fill(
    url: str,
    indsatser: list[Indsats],
    reviews: int,
    rng: random.Random,
    old_blob: Callable[[Indsats], str] = lambda _indsats: "0" * 40,
) -> None:
    """`reviews` rows in random cells; a fifth judged an older text, `old_blob(indsats)`."""
    db = open_database(url)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    verdicts = [Verdict.APPROVED] * 3 + [Verdict.CHANGES_REQUESTED, Verdict.COMMENT]
    rows = []
    for k in range(reviews):
        indsats = rng.choice(indsatser)
        old = rng.random() < 0.2
        rows.append(
            {
                "indsats_id": indsats.id,
                "faggruppe": rng.choice(indsats.faggrupper),
                "login": "bench",
                "verdict": rng.choice(verdicts).value,
                "comment": "",
                "blob": old_blob(indsats) if old else indsats.blob,
                "commit": "1" * 40,
                "created_at": start + dt.timedelta(minutes=k),
            }
        )
    with db.engine.begin() as conn:
        conn.execute(insert(Review), rows)
    db.close()


def compute(
    service: ReviewService,
    indsatser: list[Indsats],
    read_blob: Callable[[str], bytes],
    groups: list[str] | None = None,
) -> Matrix:
    """The matrix as the review status shows it: every required cell's status."""
    return service.status.matrix(indsatser, read_blob, groups)


def table(matrix: Matrix) -> str:
    """The matrix as a table of cells, as `sn-tui review status` prints it."""
    return matrix_table(matrix)


def timed(service: ReviewService, indsatser: list[Indsats], blobs: dict[str, bytes]) -> float:
    began = time.perf_counter()
    compute(service, indsatser, blobs.__getitem__)
    return (time.perf_counter() - began) * 1000


def older(data: bytes) -> bytes:
    """An earlier wording of an indsats: what the older approvals judged."""
    return data.replace(b"Tekst ", b"Tidligere tekst ")


def build_repository(path: Path, indsatser: list[Indsats], blobs: dict[str, bytes]) -> None:
    """A content repository with the 12 faggrupper and the indsatser, an older version first."""
    from sn_tui.services.provisioning import init_repository
    from sn_tui.store.save import save_files

    bot = Person("bench", "Bench Bruger", "bench@example.org", tuple(GROUPS), ("redaktør",))
    repo = init_repository(path, "Bench Kommune", bot.login)
    groups = "".join(f"- id: {g}\n  navn: Faggruppe {g[-2:]}\n" for g in GROUPS)
    current = {indsats_path(i.id): blobs[i.blob] for i in indsatser}
    first = {p: older(data) for p, data in current.items()}
    for files, message in ((first, "Første udkast\n"), (current, "Nuværende tekst\n")):
        files = {**files, FAGGRUPPER_FILE: groups.encode()}
        save_files(repo, files, base=repo.head(), author=bot, message=message)
    repo.close()
    subprocess.run(["git", "-C", str(path), "reset", "-q", "--hard"], check=True)
    subprocess.run(["git", "-C", str(path), "repack", "-adq"], check=True)


def blob_of(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


async def render_times(repo: Path, url: str, runs: int, count: int) -> dict[str, list[float]]:
    """Open the matrix screen `runs` + 1 times in a headless app; milliseconds per phase."""
    from sn_tui.tui.app import SnApp
    from sn_tui.tui.screens.review import review_matrix
    from sn_tui.tui.screens.review.review_matrix import MatrixLoaded, ReviewMatrixScreen
    from sn_tui.tui.widgets.review_grid import ReviewGrid

    painted = asyncio.Event()
    marks: dict[str, float] = {}

    class TimedMatrix(ReviewMatrixScreen):
        """The real screen, noting when the worker's result arrives and when it is painted."""

        CSS_PATH = str(Path(review_matrix.__file__).with_name("review_matrix.tcss"))

        def on_matrix_loaded(self, message: MatrixLoaded) -> None:
            marks["loaded"] = time.perf_counter()
            super().on_matrix_loaded(message)
            self.call_after_refresh(painted.set)

    ready = asyncio.Event()
    app = SnApp(str(repo), "bench", db_url=url, on_ready=ready.set)
    times: dict[str, list[float]] = {"open": [], "paint": [], "page": [], "nokey": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await ready.wait()
        await app.workers.wait_for_complete()
        for _ in range(runs + 1):
            painted.clear()
            began = time.perf_counter()
            app.push_screen(TimedMatrix())
            await painted.wait()
            done = time.perf_counter()
            times["open"].append((done - began) * 1000)
            times["paint"].append((done - marks["loaded"]) * 1000)
            grid = app.screen.query_one(ReviewGrid)
            assert len(grid.rows) == count, "every indsats is a row"
            began = time.perf_counter()
            await pilot.press("pagedown")
            times["page"].append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            await pilot.press("z")
            times["nokey"].append((time.perf_counter() - began) * 1000)
            await pilot.press("escape")
            await app.workers.wait_for_complete()
    return times


def report(label: str, times: list[float]) -> str:
    return (
        f"{label}: median {statistics.median(times):.1f} ms, "
        f"bedste {min(times):.1f} ms ({len(times)} målinger)"
    )


def render_screen(indsatser: list[Indsats], blobs: dict[str, bytes], args: Any) -> None:
    """Time the TUI's matrix screen on these indsatser, headless at 120×40, and print it."""
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        build_repository(repo, indsatser, blobs)
        url = f"sqlite:///{Path(folder) / 'render.db'}"
        old = {i.id: blob_of(older(blobs[i.blob])) for i in indsatser}
        fill(url, indsatser, args.reviews, rng, lambda i: old[i.id])
        times = asyncio.run(render_times(repo, url, args.runs, len(indsatser)))
    print(f"matrixskærmen åbnet første gang: {times['open'][0]:.1f} ms (databasen åbnes)")
    print(report("matrixskærmen åbnet, tast til tegnet", times["open"][1:]))
    print(report("heraf fra beregnet matrix til tegnet gitter", times["paint"][1:]))
    print(report("én side ned i gitteret", times["page"]))
    print(report("til sammenligning: en tast uden handling", times["nokey"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    parser.add_argument("--indsatser", type=int, default=1000)
    parser.add_argument("--reviews", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-render", action="store_true", help="time the computation only")
    args = parser.parse_args()
    rng = random.Random(2026)
    indsatser, blobs = corpus(args.indsatser, rng)
    compute_blobs = dict(blobs)
    compute_blobs["0" * 40] = next(iter(blobs.values()))  # older approvals: a readable text
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'sn-tui.db'}"
        fill(url, indsatser, args.reviews, rng, lambda _i: "0" * 40)
        db = open_database(url)
        service = ReviewService(db)
        adgang = Adgang({"bench": Person("bench", "Bench", "", tuple(GROUPS))})
        first = timed(service, indsatser, compute_blobs)
        after_review, unchanged = [], []
        for n in range(args.runs):
            indsats = indsatser[n]
            service.record(
                indsats, indsats.faggrupper[0], "bench", "comment", "Nyt.", "1" * 40, adgang, None
            )
            after_review.append(timed(service, indsatser, compute_blobs))
            unchanged.append(timed(service, indsatser, compute_blobs))
        matrix = service.status.matrix(indsatser, compute_blobs.__getitem__)
        service.close()
    totals = matrix.totals()
    print(
        f"{args.indsatser} indsatser × {len(GROUPS)} faggrupper, {args.reviews} reviews, "
        f"{db.backend}: {totals.required} celler, {totals.approved} godkendt, "
        f"{totals.stale} forældet"
    )
    print(f"matrix, første kald: {first:.1f} ms")
    for label, times in (("efter et nyt review", after_review), ("uændret", unchanged)):
        print(report(f"matrix, {label}", times))
    if not args.no_render:
        render_screen(indsatser, blobs, args)


if __name__ == "__main__":
    sys.exit(main())
