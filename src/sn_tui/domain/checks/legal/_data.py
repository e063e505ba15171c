"""The rule data files in `data/`: read once with PyYAML's C loader and kept for the process."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


_PACKAGE = __name__.rpartition(".")[0]


class RuleDataError(ValueError):
    """A data file does not have the shape its reader expects (a bug in the package)."""


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content of `data/<name>.yml`, a mapping at the top."""
    text = resources.files(_PACKAGE).joinpath("data").joinpath(f"{name}.yml").read_text("utf-8")
    data = yaml.load(text, Loader=_Loader)
    if not isinstance(data, dict):
        raise RuleDataError(f"{name}.yml: the top level is not a mapping")
    return data


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of `text` (for line numbers), with the same fast loader."""
    return yaml.compose(text, Loader=_Loader)


def mapping(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise RuleDataError(f"{where}: expected a mapping")
    return data


def rows(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list):
        raise RuleDataError(f"{where}: '{key}' is not a list")
    return [mapping(item, f"{where}: {key}[{i}]") for i, item in enumerate(value)]


def text(data: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise RuleDataError(f"{where}: '{key}' is not a string")
    return value.strip()


def optional_int(data: dict[str, Any], key: str, where: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleDataError(f"{where}: '{key}' is not a whole number")
    return value


def strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleDataError(f"{where}: '{key}' is not a list of strings")
    return tuple(value)


def patterns(data: dict[str, Any], key: str, where: str) -> tuple[re.Pattern[str], ...]:
    """Compile a list of regular expressions (case-insensitive), naming the file on a mistake."""
    compiled = []
    for source in strings(data, key, where):
        try:
            compiled.append(re.compile(source, re.IGNORECASE))
        except re.error as exc:
            raise RuleDataError(f"{where}: '{key}' has a bad pattern {source!r}: {exc}") from exc
    return tuple(compiled)
