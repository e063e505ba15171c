"""The check's memo: each indsats file's rule results, kept in the user's parse cache.

`domain.checks.runner.run_checks` asks it for results by `memo_key` (a file's path and exact
text) and stores what it computed. The rules are code, so the results live in the parse
cache's file, whose name holds the code stamp: a changed rule or table starts afresh.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sn_tui.cache.parsed import ParseCache


class CheckResults:
    """`domain.checks.runner.CheckMemo` over the `checks` table of a parse cache."""

    def __init__(self, store: ParseCache) -> None:
        self._store = store

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        return self._store.get_checks(keys)

    def put_many(self, items: Mapping[str, Any]) -> None:
        self._store.put_checks(items)
