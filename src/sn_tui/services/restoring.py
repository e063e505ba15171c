"""Deleted indsatser: found (`deleted`) and brought back as a new commit (`restore`).

A restored indsats keeps its id, so the reviews recorded against that id are its history again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.fields import INDSATS_DIR, indsats_path
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput, NotFound
from sn_tui.services.session import Session

if TYPE_CHECKING:
    from sn_tui.store.save import SaveResult


@dataclass(frozen=True)
class DeletedIndsats:
    """An indsats `main` lacks now: its last text is in commit `kept_in`."""

    id: str
    titel: str
    deleted_by: str
    deleted_at: dt.datetime
    kept_in: str


class Restoring(Session):
    def deleted(self) -> list[DeletedIndsats]:
        """Each deleted indsats (its latest deletion), newest first."""
        from sn_tui.store.deleted import deletions

        found: list[DeletedIndsats] = []
        prefix = f"{INDSATS_DIR}/"
        for gone in deletions(self.repo, INDSATS_DIR):
            name = gone.path.removeprefix(prefix)
            if "/" in name or not name.endswith(".md"):
                continue
            ident = name.removesuffix(".md")
            data = self.repo.read(gone.parent, gone.path) or b""
            found.append(
                DeletedIndsats(
                    ident, _titel(data, ident), gone.info.author, gone.info.date, gone.parent
                )
            )
        return found

    def restore(self, indsats_id: str) -> SaveResult:
        """Bring back a deleted indsats' last text as a new commit on `main`."""
        from sn_tui.store.save import save_files

        author = self.writer()
        head = self.repo.head()
        path = indsats_path(indsats_id)
        if head and self.repo.read(head, path) is not None:
            raise InvalidInput(t("restore.exists", id=indsats_id))
        chosen = next((d for d in self.deleted() if d.id == indsats_id), None)
        data = self.repo.read(chosen.kept_in, path) if chosen else None
        if chosen is None or data is None:
            raise NotFound(t("restore.not_deleted", id=indsats_id))
        message = f"{t('restore.commit', titel=chosen.titel)}\n\nIndsats: {indsats_id}\n"
        return save_files(self.repo, {path: data}, base=head, author=author, message=message)


def _titel(data: bytes, fallback: str) -> str:
    try:
        return str(Document.parse(data).meta.get("titel") or fallback)
    except (DocumentError, FrontmatterError):
        return fallback
