"""The import folder: where the admin lets files to import lie on the host, each login's own
files in `<login>/`, and storing a file sent over SSH there (`sn-tui aflever`). Also the
kommune's import settings, `import.yml`, which name the folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput
from sn_tui.services.importing.sources import KINDS, MAX_BYTES
from sn_tui.services.session import Session

if TYPE_CHECKING:
    from sn_tui.services.exports import LoginFolder
    from sn_tui.store.repo import ContentRepo

IMPORT_SETTINGS = "import.yml"  # the kommune's folder, own synonyms and default faggrupper
_MAX_NAME = 120


def read_settings(repo: ContentRepo, head: str | None) -> dict[str, Any]:
    """import.yml at `head` as a mapping ({} when absent); InvalidInput when unreadable."""
    import yaml

    raw = repo.read(head, IMPORT_SETTINGS) if head else None
    if raw is None:
        return {}
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        raise InvalidInput(t("import.error.settings", file=IMPORT_SETTINGS)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InvalidInput(t("import.error.settings", file=IMPORT_SETTINGS))
    return data


def _login_drop(folder: Path) -> LoginFolder:
    """A login's own files in the import folder, written as the export folder's are (the
    export machinery imported here, when a file is sent: a start does not load it)."""
    from sn_tui.services.exports import LoginFolder

    class _LoginDrop(LoginFolder):
        FOLDER_FAILED = "import.error.folder_failed"
        WRITE_FAILED = "import.error.write_failed"

    return _LoginDrop(folder)


class ImportFolder(Session):
    """The files a user can import from the TUI, and how they get there."""

    def import_folder(self) -> Path | None:
        """The folder the admin set up for files to import: $SN_IMPORT_DIR, else `mappe:` in
        import.yml; None when neither is set. Each login's own files are in `<login>/`."""
        folder = os.environ.get("SN_IMPORT_DIR", "").strip()
        if not folder:
            folder = str(read_settings(self.repo, self.repo.head()).get("mappe") or "").strip()
        return Path(folder).expanduser() if folder else None

    def import_candidates(self) -> list[Path]:
        """The files a user may choose: the import folder's and their own, newest first."""
        folder = self.import_folder()
        if folder is None:
            return []
        found: list[Path] = []
        for place in (folder, folder / self.login):
            if place.is_dir():
                found += [p for p in place.iterdir() if p.is_file() and p.suffix.lower() in KINDS]
        return sorted(found, key=lambda p: (-p.stat().st_mtime, p.name))

    def receive_import_file(self, name: str, stream: BinaryIO) -> Path:
        """Store a file sent over SSH (`ssh host aflever NAVN < fil`) in this login's own
        import folder: a bare file name of a kind that can be imported, at most MAX_BYTES,
        written whole or not at all. Only a login that may save may send."""
        self.writer()
        folder = self.import_folder()
        if folder is None:
            raise InvalidInput(t("import.error.no_folder"))
        if Path(self.login).name != self.login or self.login in (".", ".."):
            raise InvalidInput(t("import.error.bad_name", name=self.login))
        bare = Path(name).name
        if bare != name or name.startswith(".") or "\\" in name or len(name) > _MAX_NAME:
            raise InvalidInput(t("import.error.bad_name", name=name))
        if Path(name).suffix.lower() not in KINDS:
            raise InvalidInput(t("import.error.kind", name=name))
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InvalidInput(t("import.error.too_big_sent", name=name, max=MAX_BYTES // 2**20))
        return _login_drop(folder / self.login).write(name, data)
