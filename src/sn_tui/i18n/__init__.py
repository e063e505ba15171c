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

A user's first start has no such copy, and parsing the TOML cost it ~15 ms processor time (the
parser's import included ~20 ms). The catalogue is the same for every user of one
installation, so the first to parse it also keeps it beside the code, in this package's
`__pycache__` as Python keeps byte-code (where the installation may be written; the code stamp
leaves `__pycache__` out): another user's first start on the same host reads that copy and
keeps it in their own cache folder.
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
    """All strings of one language, by dotted key: the user's kept copy, else the
    installation's (kept in the user's cache too), else the TOML files (kept in both)."""
    name = f"katalog-{lang}-{code_stamp()}.json"
    kept = cache_folder() / name
    strings = _read_kept(kept)
    if strings is not None:
        return strings
    shared = shared_folder() / name
    data = _read_bytes(shared)
    strings = _strings(data) if data is not None else None
    if data is not None and strings is not None:
        write_whole(kept, data)
        return strings
    strings = {}
    for table in source_tables(lang):
        flat = _flatten(table)
        twice = strings.keys() & flat.keys()
        if twice:
            raise ValueError(f"catalogue {lang}: keys given twice: {sorted(twice)}")
        strings.update(flat)
    data = json.dumps(strings, ensure_ascii=False).encode("utf-8")
    write_whole(kept, data)
    if write_whole(shared, data):
        for older in shared.parent.glob(f"katalog-{lang}-*.json"):
            if older.name != name:
                older.unlink(missing_ok=True)  # an earlier version of the code's
    return strings


def shared_folder() -> Path:
    """Where the installation keeps its parsed catalogues for every user: beside the TOML."""
    return Path(__file__).parent / "__pycache__"


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _strings(data: bytes) -> dict[str, str] | None:
    """A kept catalogue's strings, or None if it is damaged."""
    try:
        strings = json.loads(data)
    except ValueError:
        return None
    if isinstance(strings, dict) and all(isinstance(v, str) for v in strings.values()):
        return strings
    return None


def _read_kept(path: Path) -> dict[str, str] | None:
    data = _read_bytes(path)
    return None if data is None else _strings(data)


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
