"""The overview read by a child process while Textual starts: same rows, caches written after
sending, silence and a clean fallback when it fails."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from conftest import make_repo
from sn_tui.cache import parsed as cache
from sn_tui.services.workspace import Workspace
from sn_tui.store.repo import ContentRepo
from sn_tui.tui.prefetch import start_prefetch


def _blobs(repo_path: Path) -> list[str]:
    repo = ContentRepo.open(repo_path)
    try:
        return list(repo.tree_entries(str(repo.head())).values())
    finally:
        repo.close()


def test_the_child_reads_the_same_overview_and_fills_the_cache(repo_path: Path) -> None:
    prefetch = start_prefetch(str(repo_path), "ole", None)
    assert prefetch is not None
    prefetched = prefetch.result()
    assert prefetch.wait() == 0
    assert prefetch.result() is None  # taken once
    ws = Workspace.open(str(repo_path), "ole")
    try:
        assert prefetched == ws.overview()
        assert prefetched is not None and prefetched.head == ws.repo.head()
        assert {r.id for r in prefetched.rows} == {"familiebehandling", "fast-kontaktperson"}
        stored = cache.ParseCache(cache.cache_path(ws.repo.git_dir)).get_many(_blobs(repo_path))
    finally:
        ws.close()
    # the child parsed the texts and left them for the app (written after it sent the rows)
    assert {e.id for e in stored.values()} == {"familiebehandling", "fast-kontaktperson"}


def test_waiting_before_taking_the_rows_does_not_block_a_child_with_a_full_pipe(
    tmp_path: Path,
) -> None:
    ids = tuple(f"indsats-{n:03}" for n in range(600))  # rows beyond a pipe's 64 KB
    repo_path = make_repo(tmp_path / "stor", ids=ids)
    prefetch = start_prefetch(str(repo_path), "ole", None)
    assert prefetch is not None
    ended: list[int] = []
    waiting = threading.Thread(target=lambda: ended.append(prefetch.wait()), daemon=True)
    waiting.start()
    waiting.join(60)
    assert ended == [0]  # the child could send everything and end
    overview = prefetch.result()
    assert overview is not None and len(overview.rows) == 600


def test_a_failing_child_is_silent_and_gives_nothing(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    prefetch = start_prefetch(str(tmp_path / "findes-ikke"), "ole", None)
    assert prefetch is not None
    assert prefetch.result() is None
    assert prefetch.wait() != 0
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")  # the parent reports the error, once, in its own words


def test_held_writes_are_made_when_the_block_ends(repo_path: Path, tmp_path: Path) -> None:
    repo = ContentRepo.open(repo_path)
    try:
        head = str(repo.head())
        store = cache.ParseCache(tmp_path / "c.sqlite3")
        other = cache.ParseCache(tmp_path / "c.sqlite3")  # another process's view of the file
        entries = repo.indsatser(head).values()
        with store.holding_writes():
            store.put_many(entries)
            store.put_data("rows", [["a", 1]])
            assert other.get_many([e.blob for e in entries]) == {}
            assert other.get_data("rows") == (False, None)
        assert len(other.get_many([e.blob for e in entries])) == 2
        assert other.get_data("rows") == (True, [["a", 1]])
    finally:
        repo.close()


def test_a_read_waits_once_for_the_process_filling_the_cache(
    repo_path: Path, tmp_path: Path
) -> None:
    repo = ContentRepo.open(repo_path)
    try:
        entries = list(repo.indsatser(str(repo.head())).values())
    finally:
        repo.close()
    reader = cache.ParseCache(tmp_path / "c.sqlite3")
    writer = cache.ParseCache(tmp_path / "c.sqlite3")
    waits: list[str] = []

    def other_process_finishes() -> None:
        writer.put_many(entries)
        waits.append("done")

    reader.filled_by(other_process_finishes)
    assert len(reader.get_many([e.blob for e in entries])) == 2  # found, not parsed again
    reader.get_many([e.blob for e in entries])
    assert waits == ["done"]
