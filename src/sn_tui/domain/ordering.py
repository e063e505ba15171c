"""The reading order of indsatser: grouped by kategori, then by titel, the Danish way."""

from __future__ import annotations

from collections.abc import Iterable

from sn_tui.domain.danish import sort_key
from sn_tui.domain.entry import Indsats


def reading_key(indsats: Indsats) -> tuple[str, str, str]:
    """Sort key: kategori, then titel (Danish collation), then id to break ties."""
    return (sort_key(indsats.kategori), sort_key(indsats.titel), indsats.id)


def in_reading_order(indsatser: Iterable[Indsats]) -> list[Indsats]:
    return sorted(indsatser, key=reading_key)


def by_kategori(indsatser: Iterable[Indsats]) -> list[tuple[str, list[Indsats]]]:
    """Indsatser in reading order, cut into runs that share a kategori."""
    groups: list[tuple[str, list[Indsats]]] = []
    for indsats in in_reading_order(indsatser):
        if groups and groups[-1][0] == indsats.kategori:
            groups[-1][1].append(indsats)
        else:
            groups.append((indsats.kategori, [indsats]))
    return groups
