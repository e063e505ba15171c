"""Frontmatter compared key by key: nested keys dotted, values as JSON data, list items added
and removed."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

from sn_tui.domain.diff.types import JsonValue, MetaChange
from sn_tui.domain.fields import REQUIRED_META
from sn_tui.domain.nested import flatten


def meta_diff(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[MetaChange]:
    """Frontmatter changes key by key (nested mappings as dotted keys), `id` left out."""
    if _same_data(a, b):
        return []  # the usual case for a changed indsats: only its text changed
    fa, fb = _plain_leaves(a), _plain_leaves(b)
    keys = sorted(_merged_order(list(fa), list(fb)), key=_meta_rank)
    changes: list[MetaChange] = []
    for key in keys:
        if key not in fa:
            changes.append(MetaChange(key, "added", after=fb[key]))
        elif key not in fb:
            changes.append(MetaChange(key, "removed", before=fa[key]))
        elif not _same_value(fa[key], fb[key]):
            before, after = fa[key], fb[key]
            added: tuple[str, ...] = ()
            removed: tuple[str, ...] = ()
            if isinstance(before, list) and isinstance(after, list):
                old, new = [_item(v) for v in before], [_item(v) for v in after]
                added = tuple(v for v in new if v not in old)
                removed = tuple(v for v in old if v not in new)
            changes.append(MetaChange(key, "changed", before, after, added, removed))
    return changes


def _plain_leaves(meta: Mapping[str, Any]) -> dict[str, JsonValue]:
    return {key: _plain(value) for key, value in flatten(meta).items()}


def _plain(value: Any) -> JsonValue:
    """YAML data as JSON data: dates as ISO strings, anything unusual as text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


def _same_data(a: Any, b: Any) -> bool:
    """Equal YAML data, types included (1, 1.0 and True differ, as they do in JSON)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(_same_data(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_data(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _same_value(a: JsonValue, b: JsonValue) -> bool:
    """Equal as JSON: plain values and lists of text by `==` (types equal too, so 1 is not
    True or 1.0), anything else by its canonical JSON."""
    if type(a) is type(b) and a == b:
        if isinstance(a, str | int | float) or a is None:
            return True
        if isinstance(a, list) and all(type(v) is str for v in a):
            return True
    return _canonical(a) == _canonical(b)


def _canonical(value: JsonValue) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _item(value: JsonValue) -> str:
    return value if isinstance(value, str) else _canonical(value)


def _merged_order(a: list[str], b: list[str]) -> list[str]:
    """B's keys in B's order, with keys only A has placed after their neighbour in A."""
    merged = list(b)
    for k, key in enumerate(a):
        if key in merged:
            continue
        after = next((merged.index(prev) for prev in reversed(a[:k]) if prev in merged), -1)
        merged.insert(after + 1, key)
    return [key for key in merged if key != "id"]


def _meta_rank(key: str) -> int:
    top = key.split(".", 1)[0]
    return REQUIRED_META.index(top) if top in REQUIRED_META else len(REQUIRED_META)
