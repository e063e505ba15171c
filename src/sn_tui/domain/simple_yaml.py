"""A reader for the plainest frontmatter, which gives up on anything it does not fully know.

Nearly every indsats' frontmatter is `key: word` lines, a `[flow, list]` of words and one
nested mapping of whole numbers. PyYAML's C loader still builds its Python objects in Python
(~0.1 ms per file); this reads such text ~3x faster. It returns exactly what
`yaml.load(text, CSafeLoader)` returns, or None whenever the text holds anything else —
quotes, comments, block lists, anchors, tags, dates, decimals, words YAML reads as booleans or
null, a value that starts with anything but a letter, deeper nesting, a repeated key — and
the caller then asks PyYAML. Property tests hold it to PyYAML's answers.
"""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"[^\W\d_][\w-]*")  # starts with a letter: never a number, date or null
_INT = re.compile(r"0|-?[1-9][0-9]*")  # plain decimal: what YAML 1.1 reads as this int
# Plain words that YAML 1.1 resolves to something other than text (booleans, null).
_BOOL_NULL = ("yes", "no", "true", "false", "on", "off", "null")
_SPECIAL = frozenset(v for w in _BOOL_NULL for v in (w, w.capitalize(), w.upper()))
_UNSAFE = re.compile(r"[#:\[\]{},\"'`|>&*!%@\t\\]")  # anywhere in a word: give up


def _word(text: str) -> str | int | None:
    """A plain scalar that is surely text (or a plain whole number); None when unsure."""
    if _INT.fullmatch(text):
        return int(text)
    if not text or not text[0].isalpha() or text in _SPECIAL or not text.isprintable():
        return None
    if _UNSAFE.search(text) or text != text.strip():
        return None
    return text


def _value(text: str) -> tuple[bool, Any]:
    """(True, value) for a word or a flow list of words; (False, None) when unsure."""
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip(" ")
        if not inner:
            return True, []
        items = []
        for part in inner.split(","):
            item = _word(part.strip(" "))
            if item is None:
                return False, None
            items.append(item)
        return True, items
    item = _word(text)
    return (item is not None), item


def _key_value(line: str) -> tuple[str, str] | None:
    """`key: value` or `key:` as (key, value text); None when the line is anything else."""
    key, sep, rest = line.partition(":")
    if not sep or not _KEY.fullmatch(key) or key in _SPECIAL:
        return None
    if rest and not rest.startswith(" "):
        return None
    return key, rest.strip(" ")  # YAML strips spaces, not every Unicode blank


def load_simple(text: str) -> dict[str, Any] | None:
    """What PyYAML's safe loader makes of `text`, if it is plain enough; else None."""
    if "\r" in text or "\t" in text or "#" in text or "---" in text or "..." in text:
        return None
    data: dict[str, Any] = {}
    inner: dict[str, Any] | None = None  # the nested mapping being filled
    indent = 0
    open_key: str | None = None  # a `key:` with nothing after it yet
    for line in text.split("\n"):
        if not line.strip():
            if line:
                return None  # blank but with spaces: rare, let YAML judge
            continue
        depth = len(line) - len(line.lstrip(" "))
        if depth:
            if open_key is not None:  # the first line of a nested mapping sets its indent
                inner, indent = {}, depth
                data[open_key] = inner
                open_key = None
            if inner is None or depth != indent:
                return None
            pair = _key_value(line[depth:])
            if pair is None or pair[0] in inner or not pair[1]:
                return None
            ok, value = _value(pair[1])
            if not ok:
                return None
            inner[pair[0]] = value
            continue
        if open_key is not None:
            data[open_key] = None  # `key:` alone is null
            open_key = None
        inner = None
        pair = _key_value(line)
        if pair is None or pair[0] in data:
            return None
        key, rest = pair
        if not rest:
            open_key = key
            data[key] = None
            continue
        ok, value = _value(rest)
        if not ok:
            return None
        data[key] = value
    return data or None
