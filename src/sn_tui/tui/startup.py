"""What `sn-tui` does before Textual is imported, so the first screen is there sooner.

Python's cyclic garbage collector waits until the first rows are shown. Textual's start
allocates a great many objects; the collector walked them about 120 times on the way to the
first screen (35-40 ms of a ~550 ms start) and found next to nothing to free.
`release_collector` turns it on again: the app calls it once the rows are shown, and a few
seconds after mounting whatever happened. It first freezes what the start made (`gc.freeze`):
the screens, widgets and modules live as long as the app, and a collection over all of them
right after the rows are shown took ~30 ms before the first key was read (and every later full
collection walked them again). The few thousand objects of the start that were garbage in
cycles (~0.5 MB) are not freed.

Importing this module loads neither Textual nor the model; `sn_tui.cli` and the start-up
benchmark call `hold_collector` first thing.
"""

from __future__ import annotations

import gc

COLLECTOR_HOLD_MAX = 5.0  # seconds after the app mounts; the app releases it then at the latest
_holding = False


def hold_collector() -> None:
    """Hold the garbage collector while Textual starts (if it is on: a caller's choice to
    switch it off is left alone)."""
    global _holding
    if gc.isenabled():
        gc.disable()
        _holding = True


def release_collector() -> None:
    """Turn the garbage collector on again if `hold_collector` held it, leaving what exists now
    to the reference counts (later calls do nothing)."""
    global _holding
    if _holding:
        _holding = False
        gc.freeze()
        gc.enable()
