"""Work in a forked child: its result comes back, a failure is None, and no fork is made in a
process that runs other threads (a lock one of them holds could stop the child forever)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sn_tui.tui.forked import Forked


def _squares(send: Callable[[list[int]], None]) -> None:
    send([n * n for n in range(5)])


def _fails(send: Callable[[int], None]) -> None:
    raise RuntimeError("kan ikke")


def test_the_child_sends_its_result_and_ends() -> None:
    child = Forked.start(_squares)
    assert child is not None
    assert child.result() == [0, 1, 4, 9, 16]
    assert child.wait() == 0
    assert child.result() is None  # taken once


def test_a_child_that_fails_gives_none_and_a_failing_exit() -> None:
    child = Forked.start(_fails)
    assert child is not None
    assert child.result() is None
    assert child.wait() == 1


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert Forked.start(_squares) is None
    finally:
        release.set()
        other.join()
    child = Forked.start(_squares)
    assert child is not None and child.wait() == 0
