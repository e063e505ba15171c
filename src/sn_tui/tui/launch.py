"""What `sn-tui` does before Textual is imported, so the first screen is there sooner.

Two things, both undone without the user noticing: the overview's rows are read by a child
process on another core (`prefetch`), and Python's cyclic garbage collector waits until the
first rows are shown. Textual's start allocates a great many objects; the collector walked
them about 120 times on the way to the first screen (35-40 ms of a ~550 ms start) and found
next to nothing to free. `release_collector` turns it on again: the app calls it once the
rows are shown, and a few seconds after mounting whatever happened. It first freezes what the
start made (`gc.freeze`): the screens, widgets and modules live as long as the app, and a
collection over all of them right after the rows are shown took ~30 ms before the first key
was read (and every later full collection walked them again). The few thousand objects of
the start that were garbage in cycles (~0.5 MB) are not freed.

Importing this module loads neither Textual nor the model; `sn_tui.cli.main` and the start-up
benchmark call `prepare` first thing.
"""

from __future__ import annotations

import gc

from sn_tui.tui.prefetch import OverviewPrefetch, start_prefetch

COLLECTOR_HOLD_MAX = 5.0  # seconds after the app mounts; the app releases it then at the latest
_holding = False


def prepare(
    repo_arg: str | None, user_arg: str | None, db_url: str | None
) -> OverviewPrefetch | None:
    """Hold the garbage collector and start reading the overview (None: the app reads it)."""
    global _holding
    if gc.isenabled():
        gc.disable()
        _holding = True
    return start_prefetch(repo_arg, user_arg, db_url)


def release_collector() -> None:
    """Turn the garbage collector on again if `prepare` held it, leaving what exists now to
    the reference counts (later calls do nothing)."""
    global _holding
    if _holding:
        _holding = False
        gc.freeze()
        gc.enable()
