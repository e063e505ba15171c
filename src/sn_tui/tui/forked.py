"""Work done by a forked child process, its result sent back pickled down a pipe.

A machine with two or more cores can do two things at once, but one Python process does them
in turn. For work that reads Git and parses text while the process does something else (the
overview's rows while Textual starts, on a first start: `tui/startup.py`) a child made with
`fork` starts at once with everything already imported, works on another core, and sends what
it found back. It shares nothing with the parent once forked (fork it before the work opens
files or processes: each side then opens its own), and anything that goes wrong in it only
means the parent does the work itself: `result()` is then None.

Forking is only safe in a process with one thread (another thread might hold a lock the child
would then wait for forever), so `Forked.start` does not fork in a process that has started
threads, nor where there is no fork (Windows): it returns None, and the caller does the work.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    """A child process doing `work`: `result()` takes what it sent, `wait()` waits for its end
    (a child may go on after sending, e.g. to write caches)."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self._pipe: int | None = pipe
        self._sent: bytes = b""  # what the child sent, once received
        self._taken = False
        self._lock = threading.Lock()
        self._exit_code: int | None = None

    @classmethod
    def start(cls, work: Callable[[Callable[[T], None]], None]) -> Forked[T] | None:
        """Fork a child that runs `work(send)`; None where forking is not safe or possible.
        `work` calls `send(value)` once; whatever it does after that the parent does not wait
        for, unless it calls `wait()`."""
        if not hasattr(os, "fork") or threading.active_count() > 1:
            return None
        try:
            read_end, write_end = os.pipe()
        except OSError:  # no file descriptors left: the caller does the work
            return None
        try:
            pid = os.fork()
        except OSError:  # no processes left (a limit on the account, say)
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _run_child(work, write_end)
        os.close(write_end)
        return cls(pid, read_end)

    def result(self) -> T | None:
        """What the child sent, or None if it failed (the caller then does the work itself).
        Blocks until the child has sent it; a second call returns None."""
        with self._lock:
            self._receive()
            sent, self._sent = self._sent, b""
            if self._taken:
                return None
            self._taken = True
        try:
            value: T = pickle.loads(sent)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return value

    def wait(self) -> int:
        """Wait until the child has ended (once; later calls return at once); its exit code.
        What it sent is received first (a child cannot end while its pipe is full)."""
        with self._lock:
            self._receive()
            if self._exit_code is None:
                _, status = os.waitpid(self.pid, 0)
                self._exit_code = os.waitstatus_to_exitcode(status)
            return self._exit_code

    def _receive(self) -> None:
        """Read the pipe to its end, once (called with the lock held)."""
        if self._pipe is None:
            return
        chunks = []
        with os.fdopen(self._pipe, "rb") as pipe:
            while chunk := pipe.read(1 << 16):
                chunks.append(chunk)
        self._pipe = None
        self._sent = b"".join(chunks)


def _run_child(work: Callable[[Callable[[T], None]], None], pipe: int) -> None:
    """In the child: run `work`, exit without running any of the parent's exit handlers or
    flushing its buffers (they are the parent's to flush)."""
    code = 1
    try:
        # Nothing of the child's may reach the user's terminal (warnings, a stray print).
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)

        def send(value: T) -> None:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(pipe, "wb") as out:
                out.write(data)

        work(send)
        code = 0
    except BaseException:
        pass  # the parent does the work itself instead
    finally:
        os._exit(code)
