"""Deleted indsatser found (`deleted`) and brought back (`restore`), and an indsats reverted to
the text of an earlier commit or adopted version (`revert`), whole or field by field. Each is a
new commit on `main`, the draft: nothing in the history is rewritten.

A restored indsats keeps its id, so the reviews recorded against that id are its history again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.fields import FIELDS, INDSATS_DIR, indsats_path
from sn_tui.i18n import t
from sn_tui.services.editing import Editing
from sn_tui.services.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from sn_tui.services.outcomes import DeletedIndsats
    from sn_tui.store.save import SaveResult


class Restoring(Editing):
    def deleted(self) -> list[DeletedIndsats]:
        """Each deleted indsats (its latest deletion), newest first."""
        from sn_tui.services.outcomes import DeletedIndsats
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

    def differing_fields(self, indsats_id: str, rev: str) -> list[str]:
        """The fields whose text at revision `rev` differs from `main` now, in template order."""
        old, now, _commit = self._revert_sides(indsats_id, rev)
        return [name for name in FIELDS if (old.field(name) or "") != (now.field(name) or "")]

    def revert(self, indsats_id: str, rev: str, fields: Sequence[str] | None = None) -> SaveResult:
        """Bring back the indsats' text as of revision `rev` (a commit, `vedtaget/…`, a date's
        adopted version): every field and key (`fields` None) or only the named fields."""
        old, now, commit = self._revert_sides(indsats_id, rev)
        head = self.repo.head()
        if fields is None:
            data = old.to_bytes()
            parts = t("restore.revert_whole")
        else:
            for name in fields:
                if name not in FIELDS:
                    raise InvalidInput(
                        t("restore.revert_bad_field", field=name, fields=", ".join(FIELDS))
                    )
            doc = now
            for name in fields:
                doc = doc.with_field(name, old.field(name) or "")
            data = doc.to_bytes()
            parts = ", ".join(fields)
        note = t("restore.revert_note", parts=parts, rev=rev, commit=commit[:10])
        return self.save_indsats(indsats_id, data, head, note)

    def _revert_sides(self, indsats_id: str, rev: str) -> tuple[Document, Document, str]:
        head = self.repo.head()
        path = indsats_path(indsats_id)
        current = self.repo.read(head, path) if head else None
        if current is None:
            raise NotFound(t("restore.revert_missing", id=indsats_id))
        commit = self.repo.resolve(rev).commit
        old = self.repo.read(commit, path)
        if old is None:
            raise NotFound(t("restore.revert_not_then", id=indsats_id, rev=rev))
        try:
            return Document.parse(old), Document.parse(current), commit
        except (DocumentError, FrontmatterError) as exc:
            raise InvalidInput(
                t("restore.revert_unreadable", id=indsats_id, detail=str(exc))
            ) from exc


def _titel(data: bytes, fallback: str) -> str:
    try:
        return str(Document.parse(data).meta.get("titel") or fallback)
    except (DocumentError, FrontmatterError):
        return fallback
