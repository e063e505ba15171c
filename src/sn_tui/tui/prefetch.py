"""The overview's rows read in a child process while Textual starts in this one.

Textual's start (imports, stylesheets, the first frames) keeps one core busy for a few hundred
milliseconds, and reading `main`'s overview (Git, the parse cache, on a first start parsing
every indsats) is about as long. In one process they take turns on the interpreter lock; a
child forked before Textual is imported reads the rows on another core, so the overview is
there when the first frame is. The child shares nothing with the app once forked: it opens the
repository itself, writes the user's caches as any reading does, sends the `Overview` down a
pipe and exits. Where there is no fork (Windows), or the child fails, the app reads the rows
itself, as before: nothing here is ever an error a user sees.

Start it before anything starts a thread (forking then is safe) and before Textual is imported
(the child would only carry it along): `sn_tui.tui.launch.prepare` does.
"""

from __future__ import annotations

import os
import pickle
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sn_tui.workspace import Overview


class OverviewPrefetch:
    """A child process reading `main`'s overview: `result()` takes it, `wait()` waits until
    the child has also written the caches (it writes them after sending the overview)."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self._pipe: int | None = pipe
        self._sent: bytes = b""  # what the child sent, once received
        self._taken = False
        self._lock = threading.Lock()
        self._exit_code: int | None = None

    @classmethod
    def start(
        cls, repo_arg: str | None, user_arg: str | None, db_url: str | None
    ) -> OverviewPrefetch | None:
        """Fork the reader (None where this platform cannot fork)."""
        if not hasattr(os, "fork"):
            return None
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _read_and_send(write_end, repo_arg, user_arg, db_url)
        os.close(write_end)
        return cls(pid, read_end)

    def result(self) -> Overview | None:
        """The child's overview, or None if it failed (the caller reads it itself then).
        Blocks until the child has sent it; a second call returns None."""
        with self._lock:
            self._receive()
            sent, self._sent = self._sent, b""
            if self._taken:
                return None
            self._taken = True
        try:
            overview: Overview = pickle.loads(sent)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return overview

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


def _read_and_send(
    pipe: int, repo_arg: str | None, user_arg: str | None, db_url: str | None
) -> None:
    """In the child: read the overview, write it pickled to `pipe`, then write the caches the
    reading filled; exit without running any of the parent's exit handlers or flushing its
    buffers (they are the parent's to flush)."""
    code = 1
    try:
        # Nothing of the child's may reach the user's terminal (warnings, a stray print).
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        from sn_tui.workspace import Workspace

        workspace = Workspace.open(repo_arg, user_arg, db_url)
        try:
            with workspace.repo.holding_cache_writes():
                data = pickle.dumps(workspace.overview(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(pipe, "wb") as out:
                    out.write(data)
        finally:
            workspace.close()
        code = 0
    except BaseException:
        pass  # the parent reads the rows itself instead
    finally:
        os._exit(code)
