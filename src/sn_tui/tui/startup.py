"""What `sn-tui` does before Textual is imported: on a first start, the overview read in a
child process while Textual starts in this one.

A first start is one with no parse cache for this program yet (after an install or an update:
the cache file is named by the code stamp), so reading `main`'s overview parses every indsats
(~270 ms for 1,000), about as long as Textual's own start. In one process the two take turns
on the interpreter lock; a child forked before Textual is imported reads the rows on another
core, sends the `Overview` down a pipe and only then writes the caches. The app shows the
child's rows if they are of the `main` it finds itself, and its first read from the cache
waits for the child's writes. A daily start (the cache is there) forks nothing: the workspace
`prepare` opened to ask is handed to the app, which reads the rows itself.

No fork where there is none (Windows) or in a process that runs threads (`forked.Forked`), and
whatever fails in the child only means the app reads the rows itself: nothing here is ever an
error a user sees. `sn_tui.cli` and the start-up benchmark call `prepare` first thing;
importing this module loads neither Textual nor the model.

Measured with `bench/startup.py --compare` on 2026-12-06 (16 pairs alternating which goes
first, 1,000 generated indsatser, 2 cores shared with other engineers' test runs; A = main
without the child, B = this start; median of each, A-B median of the paired differences with
its quartiles, pairs B won):

    idle      first start   690 vs 432 ms, A-B +241 ms (+202 … +304), B won 16 of 16
              daily start   401 vs 386 ms, A-B  +30 ms  (+12 … +41),  B won 14 of 16
    two busy  first start  1393 vs 974 ms, A-B +347 ms  (+83 … +563), B won 14 of 16
    processes daily start  1012 vs 884 ms, A-B  -21 ms  (-93 … +192), B won  7 of 16

The first start wins in both conditions by more than the noise; the daily start is no worse
(the workspace is opened once, only earlier).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sn_tui.tui.forked import Forked

if TYPE_CHECKING:
    from sn_tui.services.reading import Overview
    from sn_tui.services.workspace import Workspace


class Start:
    """The workspace `prepare` opened, and on a first start the child reading its overview.
    (A plain class: a dataclass costs ~0.5 ms to create, at every start.)"""

    __slots__ = ("prefetch", "workspace")

    def __init__(self, workspace: Workspace, prefetch: Forked[Overview] | None = None) -> None:
        self.workspace = workspace
        self.prefetch = prefetch

    def overview(self, head: str | None) -> Overview | None:
        """The child's overview if it read `main` at `head` (None: the app reads the rows).
        From here on the workspace's cache reads wait for the child's cache writes."""
        if self.prefetch is None:
            return None
        overview = self.prefetch.result()
        self.workspace.cache_filled_by(self.prefetch.wait)
        return overview if overview is not None and overview.head == head else None

    def wait(self) -> None:
        """Wait until the child, if any, has ended (what it still sends is read, so a child
        blocked on a full pipe can end): for an app that will not take its rows, and for the
        benchmark, whose next start the child's cache writes must not run into."""
        if self.prefetch is not None:
            self.prefetch.wait()


def prepare(repo_arg: str | None, user_arg: str | None, db_url: str | None) -> Start | None:
    """Open the workspace and, on a first start, fork the child that reads its overview.
    None if the workspace cannot be opened: the app then opens it and says why."""
    from sn_tui.services.workspace import Workspace

    try:
        workspace = Workspace.open(repo_arg, user_arg, db_url)
        first = workspace.first_start()
    except Exception:
        return None
    if not first:
        return Start(workspace)
    return Start(workspace, Forked.start(workspace.send_overview))
