"""Everything a user reads, from one catalogue per language: `t("key", name=...)`.

The catalogues are TOML files beside this module: `da.toml`, `en.toml`, and one file per area
in `da/`, `en/` (`da/import.toml`) so a feature keeps its messages together; together they are
one catalogue per language, and a key given twice is an error. Nested tables give dotted keys
(`[editor] saved = "…"` is `editor.saved`). Danish is the default; a key missing
from another catalogue falls back to Danish, so a user never sees a bare key.

A message that formats a count is a plural table, `errors = {one = "{count} fejl", other = …}`,
and is asked for with `t("overview.errors", count=n)`. Danish and English have the same two
forms: `one` for exactly 1, `other` for everything else (0 included). The table flattens like
any other (`overview.errors.one`), so the kept JSON stays a flat map of strings.

The whole program speaks through this one catalogue: the TUI, the exports (`[export]`, Danish
unless another language is chosen) and the repository's errors (`[store]`).

Reading TOML is slow in Python (the parser and one catalogue took ~10 ms of every start, the
TUI's and each command's), so each catalogue is also kept as JSON in the user's cache folder,
named by the code stamp (`cache.stamp`): a changed catalogue is simply a new name.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from sn_tui.cache.folder import cache_folder, write_whole
from sn_tui.cache.stamp import code_stamp

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


def source_files(lang: str) -> list[Path]:
    """The TOML files of one language: the main file, then the area files in name order."""
    folder = Path(__file__).parent
    return [folder / f"{lang}.toml", *sorted((folder / lang).glob("*.toml"))]


def source_tables(lang: str) -> list[dict[str, Any]]:
    """Each TOML file of one language, parsed."""
    import tomllib

    return [tomllib.loads(path.read_text(encoding="utf-8")) for path in source_files(lang)]


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All strings of one language, by dotted key."""
    kept = cache_folder() / f"katalog-{lang}-{code_stamp()}.json"
    try:
        strings = json.loads(kept.read_bytes())
        if isinstance(strings, dict) and all(isinstance(v, str) for v in strings.values()):
            return strings
    except (OSError, ValueError):
        pass
    strings = {}
    for table in source_tables(lang):
        flat = _flatten(table)
        twice = strings.keys() & flat.keys()
        if twice:
            raise ValueError(f"catalogue {lang}: keys given twice: {sorted(twice)}")
        strings.update(flat)
    write_whole(kept, json.dumps(strings, ensure_ascii=False).encode("utf-8"))
    return strings


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


def plural_form(count: int) -> str:
    """The form of a plural table that `count` takes, in Danish and English alike."""
    return "one" if count == 1 else "other"


def known(key: str) -> bool:
    """Whether the catalogue has `key` (for keys made from data, such as a frontmatter key)."""
    return key in catalogue(_current) or key in catalogue(DEFAULT)


def t(key: str, /, *, count: int | None = None, **kwargs: object) -> str:
    """The string `key` in the current language, with `{name}` fields filled from kwargs.

    With `count`, `key` names a plural table: the form for `count` is used, `{count}` filled.
    """
    return text_in(_current, key, count=count, **kwargs)


def text_in(lang: str, key: str, /, *, count: int | None = None, **kwargs: object) -> str:
    """`t` in the language `lang` whatever the user's: for text written into the repository,
    which is Danish for every reader (an adopted version's review summary)."""
    if count is not None:
        key = f"{key}.{plural_form(count)}"
        kwargs["count"] = count
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(DEFAULT).get(key, key)
    return text.format(**kwargs) if kwargs else text
