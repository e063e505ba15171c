"""Quitting never waits long for work in the background.

Textual runs thread workers on the event loop's default executor, and when the app ends,
asyncio waits for every job still running there: a check of a large repository, a comparison
or a fetch over a slow network kept the terminal for seconds, some never let go. The app's
executor runs each job on a daemon thread and, at the end, waits at most `PATIENCE` for them;
what is still running then is abandoned (it only read, or its write is a compare-and-swap that
is either done or not made; unsaved text is kept as a draft and asked about before quitting).
"""

from __future__ import annotations

import concurrent.futures
import threading
import time
from collections.abc import Callable
from typing import Any

PATIENCE = 0.1  # seconds: a database write in flight normally ends within it


class AbandoningExecutor(concurrent.futures.ThreadPoolExecutor):
    """One daemon thread per job; `shutdown` waits at most `patience` seconds in all. (A
    ThreadPoolExecutor only by name: asyncio accepts no other as the default, and its pool's
    threads are joined at exit however long they run.)"""

    def __init__(self, patience: float = PATIENCE) -> None:
        super().__init__(max_workers=1)  # never started: `submit` makes its own threads
        self._patience = patience
        self._running: set[threading.Thread] = set()
        self._lock = threading.Lock()

    def submit(
        self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()

        def run() -> None:
            try:
                if future.set_running_or_notify_cancel():
                    try:
                        result = fn(*args, **kwargs)
                    except BaseException as exc:
                        future.set_exception(exc)
                    else:
                        future.set_result(result)
            finally:
                with self._lock:
                    self._running.discard(threading.current_thread())

        thread = threading.Thread(target=run, name="sn-tui-worker", daemon=True)
        with self._lock:
            self._running.add(thread)
        thread.start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if not wait:
            return
        deadline = time.monotonic() + self._patience
        with self._lock:
            threads = list(self._running)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
