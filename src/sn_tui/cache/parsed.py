"""A per-user cache of parsed indsatser, keyed by Git blob id (blobs never change).

A start then parses only what is new; the small YAML files (adgang.yml, faggrupper.yml) and
serviceniveau.md are kept the same way, so a start need not even load the YAML parser. The
cache is a small SQLite file, one row per blob, so a start reads just the rows it needs (1,000
entries in ~40 ms, against ~270 ms of parsing) however many older versions the cache also
holds. It lives in the user's own cache folder, not in the shared repository, so no other
account can make this user see a text that differs from what Git holds. Failing to read or
write the cache is never an error: the file is parsed instead. The same file keeps data derived
from immutable objects (`files`: the small files' data, the overview's rows) and the results
of the legal and language rules for each indsats file (`checks`, see `cache.checks`). Its name
holds the code stamp: a changed program starts a new file and deletes the old one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sn_tui.cache.digest import sha1_hex
from sn_tui.cache.folder import cache_folder
from sn_tui.cache.stamp import code_stamp
from sn_tui.domain.entry import Indsats

MAX_ENTRIES = 20_000
MAX_FILES = 200  # small files' data and overview rows (~150 KB each for 1,000 indsatser)
PAGE_CACHE_KIB = 256
_PRUNE = "DELETE FROM {table} WHERE rowid <= (SELECT max(rowid) FROM {table}) - ?"
"""Keep a table's newest rows (a table of ours: the name is never user input)."""
_KEY = {"entries": "blob", "files": "blob", "checks": "key"}  # each table's key column
_CHUNK = 500  # blob ids per SELECT (SQLite allows 32,766 parameters; this keeps queries small)

if TYPE_CHECKING:
    import sqlite3


def cache_path(git_dir: Path) -> Path:
    key = sha1_hex(str(git_dir.resolve()).encode())[:16]
    return cache_folder() / f"indsatser-{key}-{code_stamp()}.sqlite3"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return {"__dato__": value.isoformat(), "tid": isinstance(value, dt.datetime)}
    raise TypeError(type(value).__name__)


def _decode(obj: dict[str, Any]) -> Any:
    if "__dato__" in obj and len(obj) == 2:
        text = obj["__dato__"]
        return dt.datetime.fromisoformat(text) if obj["tid"] else dt.date.fromisoformat(text)
    return obj


def _row(entry: Indsats) -> tuple[str, str]:
    data = {"path": entry.path, "meta": entry.meta, "fields": entry.fields}
    return entry.blob, json.dumps(data, default=_encode, ensure_ascii=False)


def _entry(blob: str, text: str) -> Indsats | None:
    try:
        item = json.loads(text, object_hook=_decode)
        return Indsats.from_parts(item["meta"], item["fields"], item["path"], blob)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


class ParseCache:
    """Parsed indsatser by blob id; safe to share between threads. Opens on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._lock = threading.Lock()
        self._held: list[Callable[[], None]] | None = None  # writes waiting for `holding_writes`
        self._other_writer: Callable[[], object] | None = None  # see `filled_by`

    def filled_by(self, wait: Callable[[], object]) -> None:
        """Another process is still writing rows this one will want: the next read first runs
        `wait` (until that process is done), so it finds them instead of parsing again."""
        self._other_writer = wait

    @contextlib.contextmanager
    def holding_writes(self) -> Iterator[None]:
        """Writes asked for inside the block are made when it ends: for a reader that answers
        first and writes after (encoding and committing 1,000 entries takes ~80 ms)."""
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for write in held:
                write()

    def _hold(self, write: Callable[[], None]) -> bool:
        """True if `write` must wait for the end of `holding_writes` (it is kept for then)."""
        if self._held is None:
            return False
        self._held.append(write)
        return True

    def _connect(self) -> sqlite3.Connection | None:
        import sqlite3  # here, not at the top: a command that never parses never loads it

        if self._db is None and not self._broken:
            for attempt in range(2):
                try:
                    self._db = self._open()
                    break
                except (OSError, sqlite3.Error):
                    if attempt == 0:  # not a database (or an unreadable one): start afresh
                        for suffix in ("", "-wal", "-shm"):
                            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            else:
                self._broken = True
        return self._db

    def _open(self) -> sqlite3.Connection:
        import sqlite3

        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            self._forget_older_caches()
        db = sqlite3.connect(self.path, timeout=2, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a lost cache row is only parsed again
            # Rows are read once per start, in bulk: the operating system's file cache serves
            # them as well as SQLite's own (2 MB by default, a large share of the TUI's memory).
            db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
            db.execute("CREATE TABLE IF NOT EXISTS entries (blob TEXT PRIMARY KEY, data TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS files (blob TEXT PRIMARY KEY, data TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS checks (key TEXT PRIMARY KEY, data TEXT)")
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _forget_older_caches(self) -> None:
        """Delete this repository's caches that another sn-tui wrote (the JSON files of the
        first versions, SQLite files of other code stamps): nothing reads them."""
        repo_part = self.path.name.rsplit("-", 1)[0]  # "indsatser-<repository key>"
        for old in self.path.parent.glob(f"{repo_part}*"):
            if old.name.startswith(self.path.name):
                continue  # this cache (and its -wal and -shm files)
            with contextlib.suppress(OSError):
                old.unlink()

    def _each(self, table: str, keys: Sequence[str], take: Callable[[str, str], None]) -> bool:
        """Give `take` each (key, data) row of `table` among `keys`, one row at a time (less
        memory than all at once); False if the cache cannot be read."""
        import sqlite3

        with self._lock:
            wait, self._other_writer = self._other_writer, None
            if wait is not None:
                wait()
            db = self._connect()
            if db is None:
                return False
            try:
                for n in range(0, len(keys), _CHUNK):
                    chunk = keys[n : n + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    query = f"SELECT * FROM {table} WHERE {_KEY[table]} IN ({marks})"
                    for key, text in db.execute(query, chunk):
                        take(key, text)
            except sqlite3.Error:
                return False
        return True

    def _keep(self, table: str, rows: Sequence[tuple[str, str]], limit: int) -> None:
        """Store `rows` in `table` (known keys stay as they are); the oldest go beyond `limit`."""
        import sqlite3

        if not rows:
            return
        with self._lock:
            db = self._connect()
            if db is None:
                return
            try:
                with db:
                    db.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?)", rows)
                    db.execute(_PRUNE.format(table=table), (limit,))
            except sqlite3.Error:
                return

    def get_many(self, blobs: Sequence[str]) -> dict[str, Indsats]:
        """The cached entries among `blobs` (a missing or unreadable one is simply left out)."""
        found: dict[str, Indsats] = {}

        def take(blob: str, text: str) -> None:
            entry = _entry(blob, text)
            if entry is not None:
                found[blob] = entry

        return found if self._each("entries", blobs, take) else {}

    def put_many(self, entries: Iterable[Indsats]) -> None:
        """Remember `entries`; the oldest rows go once there are more than MAX_ENTRIES."""
        entries = list(entries)
        if self._hold(lambda: self.put_many(entries)):
            return
        try:
            rows = [_row(e) for e in entries if e.blob]
        except (TypeError, ValueError):
            return
        self._keep("entries", rows, MAX_ENTRIES)

    def get_data(self, blob: str) -> tuple[bool, Any]:
        """(True, what `put_data` stored for `blob`), or (False, None)."""
        found: list[str] = []
        self._each("files", [blob], lambda _key, text: found.append(text))
        if not found:
            return False, None
        try:
            return True, json.loads(found[0], object_hook=_decode)
        except ValueError:
            return False, None

    def put_data(self, blob: str, data: Any) -> None:
        """Remember the data read from a small file (YAML data: dicts, lists, dates, text)."""
        if self._hold(lambda: self.put_data(blob, data)):
            return
        try:
            text = json.dumps(data, default=_encode, ensure_ascii=False)
            if json.loads(text, object_hook=_decode) != data:
                return  # e.g. a key that is not text, which JSON would turn into text
        except (TypeError, ValueError):
            return  # something JSON cannot hold (e.g. YAML's !!binary): simply not cached
        self._keep("files", [(blob, text)], MAX_FILES)

    def get_checks(self, keys: Sequence[str]) -> dict[str, Any]:
        """The rule results `put_checks` stored under any of `keys`."""
        found: dict[str, Any] = {}

        def take(key: str, text: str) -> None:
            with contextlib.suppress(ValueError):
                found[key] = json.loads(text)

        return found if self._each("checks", keys, take) else {}

    def put_checks(self, items: Mapping[str, Any]) -> None:
        """Remember rule results (JSON values) by key; the oldest go beyond MAX_ENTRIES."""
        if self._hold(lambda: self.put_checks(items)):
            return
        try:
            rows = [(key, json.dumps(value, ensure_ascii=False)) for key, value in items.items()]
        except (TypeError, ValueError):
            return
        self._keep("checks", rows, MAX_ENTRIES)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
