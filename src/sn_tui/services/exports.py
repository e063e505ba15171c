"""The user's export folder: the one place the TUI writes what it exports, and what
`sn-tui hent` streams back to the user's own PC over the same SSH login.

Over SSH the TUI runs as the service account, so a path typed in the export dialog could
reach anything that account may write (the review database, `~/.ssh/authorized_keys`). The
TUI therefore writes only here, under a bare file name: no folder, no `..`, no symlink
followed out of the folder, nothing outside it replaced.

The folder is `$SN_EXPORT_DIR/<login>` (set by the admin), else `sn-tui-eksport/<login>`
beside the user's cache folder (`~/.cache/sn-tui-eksport/<login>/`); one per login, because
one service account serves everyone who logs in with a key.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sn_tui.cache.folder import cache_folder
from sn_tui.domain.inert import visible
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput, NotFound

ENV_FOLDER = "SN_EXPORT_DIR"
ENV_HOST = "SN_SSH_HOST"
_LOGIN = re.compile(r"\w[\w.@-]*")
# Control characters, and bidi controls that would make the name read differently on screen.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MAX_NAME = 255  # bytes: the longest name Linux file systems take


@dataclass(frozen=True)
class ExportedFile:
    name: str
    size: int
    modified: float


def checked_name(name: str) -> str:
    """`name` if it is a bare file name for the export folder, else `InvalidInput`."""
    shown = visible(name)
    if not name.strip():
        raise InvalidInput(t("exports.no_name"))
    if "/" in name or "\\" in name:
        raise InvalidInput(t("exports.not_bare", name=shown))
    if name.startswith("."):
        raise InvalidInput(t("exports.dot_name", name=shown))
    if _UNPRINTABLE.search(name) or len(name.encode("utf-8", "surrogateescape")) > _MAX_NAME:
        raise InvalidInput(t("exports.bad_name", name=shown))
    return name


def folder_for(login: str) -> Path:
    """The export folder of `login` (not created here)."""
    if not _LOGIN.fullmatch(login):
        raise InvalidInput(t("exports.bad_login", login=visible(login)))
    base = os.environ.get(ENV_FOLDER) or cache_folder().parent / "sn-tui-eksport"
    return Path(base) / login


def fetch_command(name: str) -> str:
    """What the user runs on their own PC to fetch `name`: `ssh -T konto@vært hent NAVN > NAVN`."""
    import getpass
    import shlex
    import socket

    host = os.environ.get(ENV_HOST) or f"{getpass.getuser()}@{socket.getfqdn()}"
    quoted = shlex.quote(name)
    return f"ssh -T {host} hent {quoted} > {quoted}"


def over_ssh() -> bool:
    return bool(os.environ.get("SSH_CONNECTION"))


class LoginFolder:
    """A folder of one login's files on the host (the export folder; the import folder's
    `<login>/`). Every file operation goes through the folder's own open descriptor with
    O_NOFOLLOW, so a symlink in it (or put in place of it) is never followed. The catalogue
    keys name the folder in what a failure says."""

    FOLDER_FAILED = "exports.folder_failed"
    WRITE_FAILED = "exports.write_failed"

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _opened(self, create: bool) -> Iterator[int]:
        if create:
            try:
                self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise InvalidInput(t(self.FOLDER_FAILED, path=self.path)) from exc
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except FileNotFoundError:
            raise NotFound(t("exports.folder_missing")) from None
        except OSError as exc:
            raise InvalidInput(t(self.FOLDER_FAILED, path=self.path)) from exc
        try:
            yield fd
        finally:
            os.close(fd)

    def write(self, name: str, data: bytes) -> Path:
        """Write the whole file `name` or nothing; an older export of that name is replaced."""
        checked_name(name)
        with self._opened(create=True) as folder:
            tmp = f".{name}.sn-tui-{os.getpid()}"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            try:
                fd = os.open(tmp, flags, 0o600, dir_fd=folder)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
            except OSError as exc:
                raise InvalidInput(
                    t(self.WRITE_FAILED, name=visible(name), reason=exc.strerror or exc)
                ) from exc
            finally:
                with suppress(FileNotFoundError):
                    os.unlink(tmp, dir_fd=folder)
        return self.path / name


class ExportFolder(LoginFolder):
    """One login's export folder, which `sn-tui hent` lists and reads."""

    def __init__(self, login: str) -> None:
        super().__init__(folder_for(login))

    def files(self) -> list[ExportedFile]:
        """The regular files in the folder, newest first; none when it does not exist yet."""
        try:
            with self._opened(create=False) as folder:
                found = []
                for name in os.listdir(folder):
                    if name.startswith("."):
                        continue  # a write under way
                    info = os.stat(name, dir_fd=folder, follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode):
                        found.append(ExportedFile(name, info.st_size, info.st_mtime))
        except NotFound:
            return []
        return sorted(found, key=lambda f: (-f.modified, f.name))

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        """The file `name` in the folder, for reading; never through a symlink."""
        checked_name(name)
        with self._opened(create=False) as folder:
            try:
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
            except FileNotFoundError:
                raise NotFound(t("exports.no_such_file", name=visible(name))) from None
            except OSError as exc:
                raise InvalidInput(t("exports.not_a_file", name=visible(name))) from exc
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise InvalidInput(t("exports.not_a_file", name=visible(name)))
                yield handle
