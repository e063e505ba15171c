"""SHA-1 in hex, without loading OpenSSL.

`hashlib` loads OpenSSL's `_hashlib` as it is imported (~2.5 ms processor time, measured in a
fresh interpreter), and every start needs a SHA-1 (the code stamp, the cache's file names) but
nothing else of it. CPython's own SHA-1 module, which `hashlib` falls back to, gives the same
digest; hashlib where there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    from _sha1 import sha1 as _sha1  # type: ignore[import-not-found]
except ImportError:  # an interpreter without it
    from hashlib import sha1 as _sha1

_new: Callable[[bytes], Any] = _sha1


def sha1_hex(data: bytes) -> str:
    """The SHA-1 of `data`, 40 hex digits (a key or an object id, not for security)."""
    return str(_new(data).hexdigest())
