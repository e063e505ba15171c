"""Indented JSON, byte for byte as `json.dumps(value, ensure_ascii=False, indent=2)` writes it.

With `indent` set, the json module encodes in pure Python, value by value; this writes each
level's indentation once and leaves strings to json's own C escaper, ~5x faster on a large
comparison or check report.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any


def dumps_indented(value: Any, default: Any = None) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2, default=default)`."""
    parts: list[str] = []
    try:
        _encode(value, "\n", parts)
    except TypeError:  # something _encode does not write as json does: let json write it all
        return json.dumps(value, ensure_ascii=False, indent=2, default=default)
    return "".join(parts)


def _encode(value: Any, newline: str, parts: list[str]) -> None:
    """Append `value` as indented JSON; TypeError for anything json would write otherwise."""
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError("NaN or infinity")
        parts.append(float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("a key that is not text")
            parts.append(separator)
            parts.append(encode_basestring(key))
            parts.append(": ")
            _encode(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, list | tuple):  # json writes a tuple as a list
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _encode(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        raise TypeError(type(value).__name__)
