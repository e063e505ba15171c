"""The session limits the C allocator's arenas where it can (`sn_tui.tui.arenas`)."""

from __future__ import annotations

import platform
import sys

import pytest

from sn_tui.tui.arenas import limit_malloc_arenas


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="arenas are glibc's",
)
def test_arenas_are_limited_on_glibc() -> None:
    assert limit_malloc_arenas()
