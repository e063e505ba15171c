"""One long-lived `git cat-file --batch` process that reads any object by name.

Reading 1,000 blobs this way takes ~50 ms, against ~2.5 ms of process start per file otherwise.
Commit-qualified names (`<commit>:<path>`) are immutable, so answers never go stale.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from sn_tui.store.git import git_env


class CatFile:
    """Thread-safe reader over one `git cat-file --batch` process, started on first use."""

    def __init__(self, git_dir: Path) -> None:
        self._git_dir = git_dir
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def _streams(self) -> tuple[IO[bytes], IO[bytes]]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                ["git", f"--git-dir={self._git_dir}", "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=git_env(),
                cwd=self._git_dir,
            )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        return self._proc.stdin, self._proc.stdout

    @staticmethod
    def _read_one(out: IO[bytes]) -> tuple[str, str, bytes] | None:
        header = out.readline()
        if not header:
            raise RuntimeError("git cat-file stopped unexpectedly")
        parts = header.split()
        if len(parts) != 3:  # "<name> missing" or "<name> ambiguous"
            return None
        oid, kind, size = parts
        data = out.read(int(size))
        out.read(1)  # the newline after the content
        return oid.decode(), kind.decode(), data

    def read(self, name: str) -> tuple[str, str, bytes] | None:
        """(oid, type, content) of the object `name`, or None if it does not exist."""
        with self._lock:
            stdin, stdout = self._streams()
            stdin.write(name.encode() + b"\n")
            stdin.flush()
            return self._read_one(stdout)

    def read_many(self, names: Iterable[str]) -> list[tuple[str, str, bytes] | None]:
        """Read many objects in one round trip; a writer thread keeps the pipes from blocking."""
        request = b"".join(n.encode() + b"\n" for n in names)
        count = request.count(b"\n")
        with self._lock:
            stdin, stdout = self._streams()

            def write() -> None:
                stdin.write(request)
                stdin.flush()

            writer = threading.Thread(target=write, daemon=True)
            writer.start()
            results = [self._read_one(stdout) for _ in range(count)]
            writer.join()
            return results

    def close(self) -> None:
        with self._lock:
            if self._proc is not None:
                if self._proc.stdin:
                    self._proc.stdin.close()
                self._proc.wait(timeout=5)
                if self._proc.stdout:
                    self._proc.stdout.close()
                self._proc = None
