"""Writing Git objects (blobs, trees, commits) straight from Python.

A save then costs one `update-ref` process instead of six plumbing processes (PERF-NOTES:
10–14 ms against ~25 ms). Objects are written as loose objects exactly as git writes them —
zlib-compressed `<type> <size>\\0<content>`, named by their SHA-1, via a temporary file and a
rename — so `git fsck` accepts them. Repositories using SHA-256 take the plumbing path instead.
"""

from __future__ import annotations

import datetime as dt
import os
import zlib
from collections.abc import Mapping
from pathlib import Path

from sn_tui.cache.digest import sha1_hex
from sn_tui.domain.entry import Person
from sn_tui.store.catfile import CatFile

TREE_MODE = b"40000"
BLOB_MODE = b"100644"


def write_object(git_dir: Path, kind: str, content: bytes) -> str:
    """Store one object (if absent) and return its id."""
    raw = f"{kind} {len(content)}".encode() + b"\0" + content
    oid = sha1_hex(raw)
    folder = git_dir / "objects" / oid[:2]
    target = folder / oid[2:]
    if target.exists():
        return oid
    folder.mkdir(mode=0o775, exist_ok=True)
    tmp = folder / f"tmp_obj_sn_{os.getpid()}_{oid[2:10]}"
    with open(tmp, "wb") as fh:
        fh.write(zlib.compress(raw, 1))
    os.chmod(tmp, 0o444 & ~_umask())
    try:
        os.link(tmp, target)
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return oid


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def parse_tree(data: bytes) -> list[tuple[bytes, bytes, str]]:
    """Entries of a tree object: (mode, name, oid)."""
    entries: list[tuple[bytes, bytes, str]] = []
    pos = 0
    while pos < len(data):
        space = data.index(b" ", pos)
        nul = data.index(b"\0", space)
        mode, name = data[pos:space], data[space + 1 : nul]
        oid = data[nul + 1 : nul + 21].hex()
        entries.append((mode, name, oid))
        pos = nul + 21
    return entries


def _tree_sort_key(entry: tuple[bytes, bytes, str]) -> bytes:
    mode, name, _ = entry
    return name + b"/" if mode == TREE_MODE else name


def serialise_tree(entries: list[tuple[bytes, bytes, str]]) -> bytes:
    return b"".join(
        mode + b" " + name + b"\0" + bytes.fromhex(oid)
        for mode, name, oid in sorted(entries, key=_tree_sort_key)
    )


def build_tree(
    git_dir: Path, cat: CatFile, tree: str | None, changes: Mapping[str, str | None]
) -> str | None:
    """The tree `tree` with paths set to blob ids (None removes); None if it ends up empty."""
    entries: dict[bytes, tuple[bytes, bytes, str]] = {}
    if tree is not None:
        found = cat.read(tree)
        if found is not None:
            entries = {e[1]: e for e in parse_tree(found[2])}
    here: dict[str, str | None] = {}
    below: dict[str, dict[str, str | None]] = {}
    for path, blob in changes.items():
        head, sep, rest = path.partition("/")
        if sep:
            below.setdefault(head, {})[rest] = blob
        else:
            here[head] = blob
    for name, blob in here.items():
        key = name.encode()
        if blob is None:
            entries.pop(key, None)
        else:
            entries[key] = (BLOB_MODE, key, blob)
    for name, sub in below.items():
        key = name.encode()
        old = entries.get(key)
        subtree = build_tree(git_dir, cat, old[2] if old and old[0] == TREE_MODE else None, sub)
        if subtree is None:
            entries.pop(key, None)
        else:
            entries[key] = (TREE_MODE, key, subtree)
    if not entries:
        return None
    return write_object(git_dir, "tree", serialise_tree(list(entries.values())))


def _signature(person: Person, when: dt.datetime) -> str:
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    zone = f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    name = person.navn.replace("<", "").replace(">", "").replace("\n", " ")
    email = person.email.replace("<", "").replace(">", "").replace("\n", "")
    return f"{name} <{email}> {int(when.timestamp())} {zone}"


def commit_files(
    git_dir: Path,
    cat: CatFile,
    parent: str | None,
    files: Mapping[str, bytes | None],
    author: Person,
    message: str,
    when: dt.datetime | None,
) -> str:
    """Write blobs, trees and the commit for `files` on top of `parent`; return the commit id."""
    blobs = {p: (None if c is None else write_object(git_dir, "blob", c)) for p, c in files.items()}
    root = None
    if parent is not None:
        found = cat.read(f"{parent}^{{tree}}")
        root = found[0] if found is not None else None
    tree = build_tree(git_dir, cat, root, blobs) or write_object(git_dir, "tree", b"")
    return write_commit(git_dir, tree, parent, author, message, when)


def write_commit(
    git_dir: Path,
    tree: str,
    parent: str | None,
    author: Person,
    message: str,
    when: dt.datetime | None,
) -> str:
    stamp = when or dt.datetime.now().astimezone()
    if stamp.tzinfo is None:
        stamp = stamp.astimezone()
    signature = _signature(author, stamp)
    lines = [f"tree {tree}"]
    if parent:
        lines.append(f"parent {parent}")
    lines += [f"author {signature}", f"committer {signature}", ""]
    body = message if message.endswith("\n") else message + "\n"
    return write_object(git_dir, "commit", ("\n".join(lines) + "\n" + body).encode())
