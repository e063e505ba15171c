"""A first start reads the overview in a child process while Textual starts: the same rows,
the caches written after sending, a silent child when it fails, and no child at all on a daily
start (the parse cache for this program is there)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import make_repo
from sn_tui.cache import parsed as cache
from sn_tui.services.reading import Reading
from sn_tui.services.workspace import Workspace
from sn_tui.store.repo import ContentRepo
from sn_tui.tui.startup import prepare


def _blobs(repo_path: Path) -> list[str]:
    repo = ContentRepo.open(repo_path)
    try:
        return list(repo.tree_entries(str(repo.head())).values())
    finally:
        repo.close()


def test_a_first_start_reads_the_same_overview_in_a_child_and_fills_the_cache(
    repo_path: Path,
) -> None:
    start = prepare(str(repo_path), "ole", None)
    assert start is not None and start.prefetch is not None
    prefetched = start.prefetch.result()
    assert start.prefetch.wait() == 0
    assert start.prefetch.result() is None  # taken once
    ws = Workspace.open(str(repo_path), "ole")
    try:
        assert prefetched == ws.overview()
        assert prefetched is not None and prefetched.head == ws.head()
        assert {r.id for r in prefetched.rows} == {"familiebehandling", "fast-kontaktperson"}
        stored = cache.ParseCache(cache.cache_path(ws.repo.git_dir)).get_many(_blobs(repo_path))
    finally:
        ws.close()
        start.workspace.close()
    # the child parsed the texts and left them for the app (written after it sent the rows)
    assert {e.id for e in stored.values()} == {"familiebehandling", "fast-kontaktperson"}


def test_a_daily_start_forks_nothing(repo_path: Path) -> None:
    first = prepare(str(repo_path), "ole", None)
    assert first is not None and first.prefetch is not None
    first.wait()  # the child wrote this program's parse cache
    first.workspace.close()
    daily = prepare(str(repo_path), "ole", None)
    assert daily is not None
    assert daily.prefetch is None
    assert daily.overview(daily.workspace.head()) is None  # the app reads the rows itself
    daily.workspace.close()


def test_the_start_is_prepared_before_textual_is_loaded(repo_path: Path) -> None:
    code = (
        "import sys\n"
        "from sn_tui.tui.startup import prepare\n"
        f"start = prepare({str(repo_path)!r}, 'ole', None)\n"
        "start.wait()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"  # the child is forked with none of Textual to carry


def test_no_child_where_the_repository_cannot_be_opened(tmp_path: Path) -> None:
    assert prepare(str(tmp_path / "findes-ikke"), "ole", None) is None  # the app says why


def test_waiting_before_taking_the_rows_does_not_block_a_child_with_a_full_pipe(
    tmp_path: Path,
) -> None:
    ids = tuple(f"indsats-{n:03}" for n in range(600))  # rows beyond a pipe's 64 KB
    repo_path = make_repo(tmp_path / "stor", ids=ids)
    start = prepare(str(repo_path), "ole", None)
    assert start is not None and start.prefetch is not None
    prefetch = start.prefetch
    ended: list[int] = []
    waiting = threading.Thread(target=lambda: ended.append(prefetch.wait()), daemon=True)
    waiting.start()
    waiting.join(60)
    assert ended == [0]  # the child could send everything and end
    overview = prefetch.result()
    assert overview is not None and len(overview.rows) == 600
    start.workspace.close()


def test_a_failing_child_is_silent_and_gives_nothing(
    repo_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Reading) -> None:
        raise RuntimeError("kan ikke læse")

    with monkeypatch.context() as patch:
        patch.setattr(Reading, "overview", broken)  # in the child, which is forked now
        start = prepare(str(repo_path), "ole", None)
    assert start is not None and start.prefetch is not None
    assert start.overview(start.workspace.head()) is None  # the app reads the rows itself
    assert start.prefetch.wait() != 0
    start.workspace.close()
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")  # the parent reports any error, once, in its own words


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
