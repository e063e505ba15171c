"""Everything a user reads, from one catalogue per language: `t("key", name=...)`.

The catalogues are TOML files beside this module (`da.toml`, `en.toml`); nested tables give
dotted keys (`[editor] saved = "…"` is `editor.saved`). Danish is the default; a key missing
from another catalogue falls back to Danish, so a user never sees a bare key.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("da", "en")
DEFAULT = "da"

_current = DEFAULT


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = str(value)
    return out


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All strings of one language, by dotted key."""
    path = Path(__file__).with_name(f"{lang}.toml")
    with path.open("rb") as handle:
        return _flatten(tomllib.load(handle))


def resolve_language(lang: str | None) -> str:
    """The language to use: the argument, else $SN_LANG, else Danish."""
    wanted = (lang or os.environ.get("SN_LANG") or DEFAULT).strip().lower()
    return wanted if wanted in LANGUAGES else DEFAULT


def set_language(lang: str | None) -> str:
    global _current
    _current = resolve_language(lang)
    return _current


def language() -> str:
    return _current


def t(key: str, /, **kwargs: object) -> str:
    """The string `key` in the current language, with `{name}` fields filled from kwargs."""
    text = catalogue(_current).get(key)
    if text is None:
        text = catalogue(DEFAULT).get(key, key)
    return text.format(**kwargs) if kwargs else text
