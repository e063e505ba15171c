"""A session gives the C heaps' free pages back to the system once (`sn_tui.tui.arenas`)."""

from __future__ import annotations

import platform
import sys

import pytest

from sn_tui.tui.arenas import give_back_free_memory


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)
def test_free_pages_are_given_back_on_glibc() -> None:
    freed = [bytearray(4096) for _ in range(5000)]
    del freed
    assert give_back_free_memory()
