"""Every text a command prints shows control characters inert (`sn_tui.domain.inert`).

Titles and texts come from files that anyone with plain git can write; an OSC 0 sequence in a
titel would retitle the user's terminal window and OSC 52 would set their clipboard. So while
a command runs, `sys.stdout` and `sys.stderr` pass every text through `visible`. JSON escapes
control characters itself, and bytes written to `sys.stdout.buffer` (a file format, `hent`)
are the file's own; the coloured `diff` makes its own text inert (`export.text`).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from sn_tui.domain.inert import visible


class _InertText(io.TextIOWrapper):
    def write(self, text: str) -> int:
        return super().write(visible(text))


def _inert(stream: TextIO) -> io.TextIOWrapper | None:
    buffer = getattr(stream, "buffer", None)
    if not isinstance(stream, io.TextIOWrapper) or buffer is None:
        return None  # not a plain text stream over bytes (a test's capture): left as it is
    stream.flush()
    return _InertText(
        buffer,
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=True,
    )


@contextmanager
def inert_output() -> Iterator[None]:
    """Within: what is printed to stdout and stderr shows control characters inert."""
    saved = sys.stdout, sys.stderr
    out, err = _inert(sys.stdout), _inert(sys.stderr)
    if out is not None:
        sys.stdout = out
    if err is not None:
        sys.stderr = err
    try:
        yield
    finally:
        for wrapper in (out, err):
            if wrapper is not None:
                wrapper.flush()
                wrapper.detach()  # the original stream still owns the buffer
        sys.stdout, sys.stderr = saved


def write_controls(stream: TextIO, text: str) -> None:
    """Write `text`, whose control characters are the program's own (a progress line's `\\r`
    and erase-line), past the inert layer: the caller has made anything from files inert."""
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
    else:
        buffer.write(text.encode(stream.encoding or "utf-8", "replace"))
        buffer.flush()
