"""When Python's cyclic garbage collector runs in the TUI: between keys, not during them.

With its default thresholds CPython 3.11 runs a full (generation 2) collection whenever enough
objects have survived two younger collections; in a session with the overview and an editor
open that walks ~90,000 objects, 30-45 ms of processor time (over 100 ms on a busy host), and
while typing it lands in the middle of a keystroke now and then: the longest keys of
`bench/keystroke.py`. So, once the overview is loaded (`start`):

- the overview's first check (seconds of parsing and checking 1,000 indsatser in a worker) runs
  with Python's own policy: with automatic full collections off during it, its cyclic garbage
  piled up and the session's peak resident memory rose by ~1 MB (`bench/startup.py`'s PEAK);
- when it is done (`burst_done`) what it left is collected at once, unless a key was just typed,
  and automatic full collections are off from then on (generation 2 threshold raised); young
  collections run as before (they are short, ~1-5 ms);
- the first quiet moment collects once and freezes what is alive then (`gc.freeze`): the
  overview's rows, the parsed corpus, the loaded modules live as long as the session, and no
  later collection walks them again;
- every `EVERY` seconds, if Python would have wanted a full collection (`gc.get_count()[2]` has
  reached the usual threshold) and no key was typed for `QUIET` seconds, it runs then.

Freezing during the start (rather than after it) did not make the start faster
(`tui/startup.py`); this is about the keys after it.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, Any

from sn_tui.tui.arenas import give_back_free_memory

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

EVERY = 5.0  # seconds between looks (an idle session wakes for this 0.2 times a second)
QUIET = 1.0  # seconds without a key before a collection may run
FULL_AFTER = 10  # young collections before a full one is due (CPython's own default)
NEVER = 1_000_000  # generation 2 threshold: no automatic full collection

_last_key = 0.0


def key_typed() -> None:
    """A key reached a text field (called for every key: keep it cheap)."""
    global _last_key
    _last_key = time.monotonic()


class IdleCollector:
    """Runs the app's full garbage collections when the user is not typing."""

    def __init__(self) -> None:
        self.frozen = False
        self.full_collections = 0
        self._timer: Timer | None = None
        self._threshold: tuple[int, int, int] | None = None

    def start(self, app: App[Any]) -> None:
        """The overview shows its rows: collect between keys from now on."""
        if self._timer is not None:
            return
        self._timer = app.set_interval(EVERY, self.look, name="idle-gc")

    def burst_done(self) -> None:
        """The overview's first check is done: collect its garbage (between keys) now, before
        the spare editor is made in the memory it held, and no automatic full collection from
        now on."""
        if time.monotonic() - _last_key >= QUIET:
            gc.collect()
        self._hold()

    def _hold(self) -> None:
        """No automatic full collection: they run in `look`."""
        if self._threshold is None:
            self._threshold = gc.get_threshold()
            young, middle, _full = self._threshold
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """The app ends: Python's own policy again (tests run many apps in one process)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def look(self) -> None:
        if time.monotonic() - _last_key < QUIET:
            return  # typing: look again next time
        if not self.frozen:
            gc.collect()
            gc.freeze()
            self.frozen = True
            give_back_free_memory()  # what the start and its check freed, resident until now
            self._hold()  # if the first check was stopped or is still running
        elif gc.get_count()[2] >= FULL_AFTER:
            gc.collect()
            self.full_collections += 1
