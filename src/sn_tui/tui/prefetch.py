"""The overview's rows read in a child process while Textual starts in this one.

Textual's start (imports, stylesheets, the first frames) keeps one core busy for a few hundred
milliseconds, and reading `main`'s overview (Git, the parse cache, on a first start parsing
every indsats) is about as long. In one process they take turns on the interpreter lock; a
child forked before Textual is imported reads the rows on another core, so the overview is
there when the first frame is. The child shares nothing with the app once forked: it opens the
repository itself, writes the user's caches as any reading does, sends the `Overview` down a
pipe and only then writes the caches. Where there is no fork (Windows), or the child fails, the
app reads the rows itself, as before: nothing here is ever an error a user sees.

Start it before anything starts a thread (forking then is safe) and before Textual is imported
(the child would only carry it along): `sn_tui.tui.launch.prepare` does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from sn_tui.tui.forked import Forked

if TYPE_CHECKING:
    from sn_tui.services.reading import Overview

OverviewPrefetch = Forked["Overview"]
"""The child reading the overview: `result()` the rows, `wait()` until the caches are written."""


def start_prefetch(
    repo_arg: str | None, user_arg: str | None, db_url: str | None
) -> OverviewPrefetch | None:
    """Fork the reader (None where that is not possible or safe)."""
    return Forked.start(partial(_read_and_send, repo_arg, user_arg, db_url))


def _read_and_send(
    repo_arg: str | None,
    user_arg: str | None,
    db_url: str | None,
    send: Callable[[Overview], None],
) -> None:
    """In the child: read the overview and send it, then write the caches the reading filled."""
    from sn_tui.services.workspace import Workspace

    workspace = Workspace.open(repo_arg, user_arg, db_url)
    try:
        with workspace.repo.holding_cache_writes():
            send(workspace.overview())
    finally:
        workspace.close()
