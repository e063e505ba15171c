"""Nested mappings (YAML frontmatter, TOML tables) as one flat dict with dotted keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def flatten(nested: Mapping[Any, Any]) -> dict[str, Any]:
    """`{"økonomi": {"budget_kr": 5}, "faggrupper": ["a"]}` as
    `{"økonomi.budget_kr": 5, "faggrupper": ["a"]}`: every non-empty mapping is opened, in
    order; everything else (scalars, lists, empty mappings) is a leaf, kept as it is."""
    flat: dict[str, Any] = {}

    def add(mapping: Mapping[Any, Any], prefix: str) -> None:
        for key, value in mapping.items():
            name = f"{prefix}{key}"
            if isinstance(value, Mapping) and value:
                add(value, f"{name}.")
            else:
                flat[name] = value

    add(nested, "")
    return flat
