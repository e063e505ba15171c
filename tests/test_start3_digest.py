"""The start's SHA-1 (`cache.digest`) is hashlib's, and a Git object id is still Git's."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from sn_tui.cache.digest import sha1_hex
from sn_tui.store.objects import write_object


def test_the_digest_is_hashlibs() -> None:
    for data in (b"", b"serviceniveau", "æøå".encode(), bytes(range(256)) * 100):
        assert sha1_hex(data) == hashlib.sha1(data, usedforsecurity=False).hexdigest()


def test_an_object_written_from_python_is_the_one_git_names(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    git_dir = tmp_path / ".git"
    oid = write_object(git_dir, "blob", b"id: x\n")
    named = subprocess.run(
        ["git", "hash-object", "--stdin"], input=b"id: x\n", capture_output=True, check=True
    )
    assert oid == named.stdout.decode().strip()
    shown = subprocess.run(
        ["git", "-C", str(tmp_path), "cat-file", "-p", oid], capture_output=True, check=True
    )
    assert shown.stdout == b"id: x\n"
