"""Eight processes reviewing at once on one SQLite file: nothing lost, never "database is locked".

The processes also open the brand-new database together (so the first migration races too) and
all try to start a round of the same name (read-then-write: exactly one may win).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sn_tui.domain.entry import Indsats, parse_adgang
from sn_tui.domain.reviews.errors import ReviewRefused
from sn_tui.domain.reviews.records import Verdict
from sn_tui.reviewdb.connection import open_database
from sn_tui.reviewdb.service import ReviewService

if TYPE_CHECKING:
    from review_fixtures import Texts

pytest_plugins = ["review_fixtures"]

WORKERS = 8
REVIEWS_EACH = 25
GROUPS = tuple(f"gruppe-{n}" for n in range(WORKERS))
TIMEOUT = 120  # seconds; only reached if something hangs


def _adgang_yml() -> str:
    people = "".join(
        f"  p{n}:\n    navn: Person {n}\n    faggrupper: [{GROUPS[n]}]\n" for n in range(WORKERS)
    )
    return "personer:\n" + people


def _worker(n: int, url: str, data: bytes, blob: str, barrier: Barrier, results: Queue) -> None:
    """Runs in its own process; reports whether it won the contested round, or its error."""
    results.put((n, _work(n, url, data, blob, barrier)))


def _work(n: int, url: str, data: bytes, blob: str, barrier: Barrier) -> str:
    try:
        barrier.wait(timeout=TIMEOUT)
        db = open_database(url)
        service = ReviewService(db)
        adgang = parse_adgang(_adgang_yml())
        indsats = Indsats.parse(data, "indsatser/familiebehandling.md", blob)
        barrier.wait(timeout=TIMEOUT)
        outcome = ""
        for i in range(REVIEWS_EACH):
            verdict = Verdict.APPROVED if i % 2 else Verdict.COMMENT
            service.record(indsats, GROUPS[n], f"p{n}", verdict, f"nr. {i}", "c" * 40, adgang, None)
            if i == REVIEWS_EACH // 2:
                try:
                    service.start_round("Fælles runde", dt.date(2026, 6, 1), by=f"p{n}")
                    outcome = "won"
                except ReviewRefused:
                    outcome = "refused"
        service.close()
        return outcome
    except Exception:
        barrier.abort()  # release the others rather than leave them waiting
        return traceback.format_exc()


@pytest.mark.slow
def test_eight_processes_record_reviews_at_once(tmp_path: Path, texts: Texts) -> None:
    indsats = texts.new("familiebehandling", GROUPS)
    url = f"sqlite:///{tmp_path / 'sn-tui.db'}"
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    queue = context.Queue()
    data = texts.blobs[indsats.blob]
    processes = [
        context.Process(target=_worker, args=(n, url, data, indsats.blob, barrier, queue))
        for n in range(WORKERS)
    ]
    for process in processes:
        process.start()
    try:
        results = [queue.get(timeout=TIMEOUT)[1] for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=TIMEOUT)
            if process.is_alive():
                process.terminate()
    errors = [r for r in results if r not in ("won", "refused")]
    assert errors == []
    assert sorted(results).count("won") == 1

    db = open_database(url)
    service = ReviewService(db)
    history = service.history(indsats.id)
    assert len(history) == WORKERS * REVIEWS_EACH
    assert len({r.id for r in history}) == len(history)
    for n in range(WORKERS):
        mine = [int(r.comment.removeprefix("nr. ")) for r in history if r.login == f"p{n}"]
        assert mine == list(reversed(range(REVIEWS_EACH)))  # newest first, none lost
    matrix = service.status.matrix([indsats], texts.read_blob)
    assert matrix.klar(indsats.id)
    assert [r.name for r in service.list_rounds()] == ["Fælles runde"]
    service.close()
