"""A ledger of adopted tags as this tool saw them, so a tag moved or deleted outside it is noticed.

Each line of `<git dir>/sn-tui-vedtaget.log` is `<tag> <tag object> <commit>`, written when the
tool creates a tag (trust on first sight). A tag whose object differs from its line, or that has
gone, is reported by every command. A command that only reads writes nothing into the
repository: the tags it sees first are kept in the user's own ledger in the cache folder.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from sn_tui.cache.digest import sha1_hex
from sn_tui.cache.folder import cache_folder
from sn_tui.i18n import t
from sn_tui.store.git import git_command, git_env, run_git

LEDGER = "sn-tui-vedtaget.log"


class TagProblem:
    """An adopted tag moved or deleted, and the sentence that says so. (A plain class: every
    command asks, and `dataclasses` costs ~15 ms of import where nothing else needs it.)"""

    __slots__ = ("message", "tag")

    def __init__(self, tag: str, message: str) -> None:
        self.tag = tag
        self.message = message  # one sentence in the user's language

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TagProblem) and (self.tag, self.message) == (
            other.tag,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.tag, self.message))

    def __repr__(self) -> str:
        return f"TagProblem({self.tag!r}, {self.message!r})"


_LISTING = [
    "for-each-ref",
    "--format=%(refname:strip=2) %(objectname) %(*objectname)",
    "refs/tags/vedtaget/",
]


def _tags(out: bytes) -> dict[str, tuple[str, str]]:
    tags: dict[str, tuple[str, str]] = {}
    for line in out.decode().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            tags[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else parts[1])
    return tags


def _current(git_dir: Path) -> dict[str, tuple[str, str]]:
    return _tags(run_git(git_dir, _LISTING, check=False).stdout)


class TagListing:
    """The adopted tags as they are now, asked of git at once and read when needed: a
    command that asks git other things meanwhile need not wait for both in turn."""

    def __init__(self, git_dir: Path) -> None:
        self._proc = subprocess.Popen(
            git_command(git_dir, _LISTING),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=git_env(),
            cwd=git_dir,
        )
        self._out: bytes | None = None

    def tags(self) -> dict[str, tuple[str, str]]:
        if self._out is None:
            self._out, _ = self._proc.communicate()
        return _tags(self._out)

    def close(self) -> None:
        """Not needed after all: the process ends (and is reaped) without being read."""
        if self._out is None:
            self._proc.kill()
            self._out, _ = self._proc.communicate()


def _recorded(path: Path) -> dict[str, tuple[str, str]]:
    if not path.exists():
        return {}
    seen: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] not in seen:
            seen[parts[0]] = (parts[1], parts[2])
    return seen


def _own_ledger(git_dir: Path) -> Path:
    key = sha1_hex(str(git_dir.resolve()).encode())[:16]
    return cache_folder() / f"vedtaget-{key}.log"


def verify_tags(
    git_dir: Path, *, writing: bool = False, listing: TagListing | None = None
) -> list[TagProblem]:
    """Problems with adopted tags; tags not seen before are recorded as they are now: in the
    repository's ledger by a command that writes to it (`writing`), else in the user's own.
    `listing`: the tags as asked of git already (else asked now)."""
    shared = git_dir / LEDGER
    own = _own_ledger(git_dir)
    recorded = {**_recorded(own), **_recorded(shared)}  # the repository's ledger wins
    current = listing.tags() if listing is not None else _current(git_dir)
    problems: list[TagProblem] = []
    for tag, (obj, commit) in recorded.items():
        now = current.get(tag)
        if now is None:
            problems.append(TagProblem(tag, t("store.tag_deleted", tag=tag)))
        elif now != (obj, commit):
            problems.append(TagProblem(tag, t("store.tag_moved", tag=tag)))
    new = {tag: v for tag, v in current.items() if tag not in recorded}
    if new:
        record(shared if writing else own, new)
    return problems


def record(path: Path, tags: dict[str, tuple[str, str]]) -> None:
    lines = "".join(f"{tag} {o} {c}\n" for tag, (o, c) in sorted(tags.items()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o664)
    except OSError:
        return  # a read-only repository: nothing to remember, nothing lost
    try:
        os.write(fd, lines.encode())
    finally:
        os.close(fd)
