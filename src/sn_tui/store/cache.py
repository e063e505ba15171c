"""A per-user cache of parsed indsatser, keyed by Git blob id (blobs never change).

A start then parses only what is new: 1,000 entries load in ~20 ms instead of ~350 ms of
parsing. The cache lives in the user's own cache folder, not in the shared repository, so no
other account can make this user see a text that differs from what Git holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sn_tui.model.entry import Indsats
from sn_tui.model.fields import FIELDS

VERSION = 1
MAX_ENTRIES = 20_000
_STAMP = hashlib.sha1("|".join(FIELDS).encode(), usedforsecurity=False).hexdigest()[:12]


def cache_path(git_dir: Path) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = hashlib.sha1(str(git_dir.resolve()).encode(), usedforsecurity=False).hexdigest()[:16]
    return base / "sn-tui" / f"indsatser-{key}.json"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return {"__dato__": value.isoformat(), "tid": isinstance(value, dt.datetime)}
    raise TypeError(type(value).__name__)


def _decode(obj: dict[str, Any]) -> Any:
    if "__dato__" in obj and len(obj) == 2:
        text = obj["__dato__"]
        return dt.datetime.fromisoformat(text) if obj["tid"] else dt.date.fromisoformat(text)
    return obj


def load(path: Path) -> dict[str, Indsats]:
    """Cached entries by blob id; an unreadable or outdated cache is simply empty."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict) or raw.get("v") != VERSION or raw.get("felter") != _STAMP:
        return {}
    entries: dict[str, Indsats] = {}
    for blob, item in raw.get("entries", {}).items():
        try:
            entries[blob] = Indsats.from_parts(item["meta"], item["fields"], item["path"], blob)
        except (KeyError, TypeError, AttributeError):
            continue
    return entries


def save(path: Path, entries: Iterable[Indsats]) -> None:
    """Write atomically (a temporary file and a rename); failure to cache is never an error."""
    items = list(entries)[-MAX_ENTRIES:]
    data = {
        "v": VERSION,
        "felter": _STAMP,
        "entries": {
            e.blob: {"path": e.path, "meta": e.meta, "fields": e.fields} for e in items if e.blob
        },
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, default=_encode, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        return
