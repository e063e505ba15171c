"""The starter list of categories offered when an indsats is created: barnets lov's chapters,
so a new kommune's first indsatser fall into the groups the law itself uses."""

from __future__ import annotations

from collections.abc import Iterable

STARTER_KATEGORIER: tuple[str, ...] = (
    "Forebyggende indsatser",
    "Støttende indsatser",
    "Anbringelse uden for hjemmet",
    "Børn med funktionsnedsættelse",
    "Økonomisk støtte",
    "Ungestøtte",
)


def offered(in_use: Iterable[str]) -> list[str]:
    """The categories in use (sorted), then the starters not among them (any case)."""
    from sn_tui.domain.danish import sort_key

    used = sorted({k for k in in_use if k.strip()}, key=sort_key)
    seen = {k.casefold() for k in used}
    return used + [k for k in STARTER_KATEGORIER if k.casefold() not in seen]
