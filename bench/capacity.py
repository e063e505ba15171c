"""Host capacity: many idle TUI sessions on one repository, as on a kommune's SSH host.

    PYTHONPATH=src python bench/capacity.py REPO [--sessions 50] [--seconds 30]

Starts `--sessions` sn-tui sessions in real terminals (one tmux window each, 120×40, on a tmux
server of its own socket; logins person01, person02, … in turn), waits until every one shows its
overview and the host has calmed down, then measures each session over `--seconds`: the share of
one core its process used (its own processor time and that of its finished children, the git
processes it ran) and its resident memory. `sessions_open` keeps them open for another
measurement beside them (`run.py` measures one user's keystrokes so).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import startup  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
SHOWN = "Indsats 0"
"""Text every session's overview shows once its rows are in (the corpus' titles)."""


@dataclass(frozen=True)
class Usage:
    """Per session: percent of one core, and resident MB."""

    cpu_percent: list[float]
    rss_mb: list[float]


def _cpu_seconds(pid: int) -> float:
    """utime + stime + cutime + cstime of `pid`, in seconds."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return sum(int(f) for f in fields[11:15]) / TICKS


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024


class Sessions:
    """The tmux server holding the sessions, and the sn-tui process of each window."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket
        self.pids: list[int] = []

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def start(self, repo: Path, count: int, cache: Path) -> None:
        env = startup.child_env(cache)
        exports = " ".join(
            f"{k}={shlex.quote(env[k])}"
            for k in ("PYTHONPATH", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
        )
        for n in range(count):
            login = f"person{n % 29 + 1:02d}"
            command = (
                f"exec env {exports} {shlex.quote(sys.executable)} -m sn_tui "
                f"--repo {shlex.quote(str(repo))} --user {login}"
            )
            if n == 0:
                self.tmux("new-session", "-d", "-s", "cap", "-x", "120", "-y", "40", command)
            else:
                self.tmux("new-window", "-d", "-t", "cap", command)
        self.pids = [
            int(p) for p in self.tmux("list-panes", "-s", "-t", "cap", "-F", "#{pane_pid}").split()
        ]

    def wait_shown(self, timeout: float) -> None:
        """Until every window shows its overview's rows."""
        deadline = time.monotonic() + timeout
        windows = self.tmux("list-windows", "-t", "cap", "-F", "#{window_index}").split()
        waiting = set(windows)
        while waiting:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{len(waiting)} sessions never showed their overview")
            for window in sorted(waiting):
                if SHOWN in self.tmux("capture-pane", "-p", "-t", f"cap:{window}"):
                    waiting.discard(window)
            time.sleep(0.5)

    def wait_calm(self, timeout: float) -> None:
        """Until the sessions use under 1 % of a core each on average over two seconds (their
        start-up work, the check included, is over), at most `timeout` seconds."""
        deadline = time.monotonic() + timeout
        before = sum(_cpu_seconds(p) for p in self.pids)
        while time.monotonic() < deadline:
            time.sleep(2)
            now = sum(_cpu_seconds(p) for p in self.pids)
            if (now - before) / 2 < 0.01 * len(self.pids):
                return
            before = now

    def usage(self, seconds: float) -> Usage:
        start = [_cpu_seconds(p) for p in self.pids]
        began = time.monotonic()
        time.sleep(seconds)
        elapsed = time.monotonic() - began
        cpu = [(_cpu_seconds(p) - s) / elapsed * 100 for p, s in zip(self.pids, start, strict=True)]
        return Usage(cpu, [_rss_mb(p) for p in self.pids])

    def stop(self) -> None:
        subprocess.run(
            ["tmux", "-S", str(self.socket), "kill-server"], capture_output=True, check=False
        )


@contextlib.contextmanager
def sessions_open(repo: Path, count: int, cache: Path) -> Iterator[Sessions]:
    """`count` sessions shown and calm for the block's duration; stopped after it."""
    with tempfile.TemporaryDirectory(prefix="sn-tui-cap-") as folder:
        sessions = Sessions(Path(folder) / "tmux")
        try:
            sessions.start(repo, count, cache)
            sessions.wait_shown(timeout=60 + 6 * count)
            sessions.wait_calm(timeout=60 + 3 * count)
            yield sessions
        finally:
            sessions.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="sn-tui-cap-cache-") as cache,
        sessions_open(args.repo, args.sessions, Path(cache)) as sessions,
    ):
        usage = sessions.usage(args.seconds)
    for cpu, rss in zip(usage.cpu_percent, usage.rss_mb, strict=True):
        print(f"{cpu:.3f} {rss:.1f}")


if __name__ == "__main__":
    main()
