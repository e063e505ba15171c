"""Benchmark: the review matrix for 1,000 indsatser × 12 faggrupper with 20,000 reviews.

    PYTHONPATH=src python bench/review_matrix.py [--db URL] [--runs 7]

Builds the reviews in a fresh SQLite file (or in the given, empty PostgreSQL database), then
times `ReviewService.matrix`: the first call (the query, and content checks that read and parse
blobs), calls right after one more review was recorded (the query again), and calls with
nothing new (the cached query result). Figures are for reading; nothing here passes or fails.

`bench/run.py` calls `fill`, `compute` and `render` on its large corpus: keep them plain
functions (a matrix screen's table builder can take `render`'s place).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from sn_tui.cli_review import matrix_table
from sn_tui.model.entry import Adgang, Indsats, Person
from sn_tui.model.fields import FIELDS, indsats_path
from sn_tui.review.codes import Verdict
from sn_tui.review.db import open_database
from sn_tui.review.matrix import Matrix
from sn_tui.review.service import ReviewService
from sn_tui.review.tables import Review

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
    older: Callable[[Indsats], str] = lambda _indsats: "0" * 40,
) -> None:
    """`reviews` rows in random cells; a fifth judged an older text, `older(indsats)`'s blob."""
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
                "blob": older(indsats) if old else indsats.blob,
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
    return service.matrix(indsatser, read_blob, groups)


def render(matrix: Matrix) -> str:
    """The matrix as a table of cells, as `sn-tui review status` prints it."""
    return matrix_table(matrix)


def timed(service: ReviewService, indsatser: list[Indsats], blobs: dict[str, bytes]) -> float:
    began = time.perf_counter()
    compute(service, indsatser, blobs.__getitem__)
    return (time.perf_counter() - began) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    parser.add_argument("--indsatser", type=int, default=1000)
    parser.add_argument("--reviews", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(2026)
    indsatser, blobs = corpus(args.indsatser, rng)
    old_text = next(iter(blobs.values()))
    blobs["0" * 40] = old_text  # every older approval points at a readable, different text
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'sn-tui.db'}"
        fill(url, indsatser, args.reviews, rng)
        db = open_database(url)
        service = ReviewService(db)
        adgang = Adgang({"bench": Person("bench", "Bench", "", tuple(GROUPS))})
        first = timed(service, indsatser, blobs)
        after_review, unchanged = [], []
        for n in range(args.runs):
            indsats = indsatser[n]
            service.record(
                indsats, indsats.faggrupper[0], "bench", "comment", "Nyt.", "1" * 40, adgang, None
            )
            after_review.append(timed(service, indsatser, blobs))
            unchanged.append(timed(service, indsatser, blobs))
        matrix = service.matrix(indsatser, blobs.__getitem__)
        db.close()
    totals = matrix.totals()
    print(
        f"{args.indsatser} indsatser × {len(GROUPS)} faggrupper, {args.reviews} reviews, "
        f"{db.backend}: {totals.required} celler, {totals.approved} godkendt, "
        f"{totals.stale} forældet"
    )
    print(f"matrix, første kald: {first:.1f} ms")
    for label, times in (("efter et nyt review", after_review), ("uændret", unchanged)):
        print(
            f"matrix, {label}: median {statistics.median(times):.1f} ms, "
            f"bedste {min(times):.1f} ms ({len(times)} kald)"
        )


if __name__ == "__main__":
    sys.exit(main())
