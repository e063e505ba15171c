"""What an editor edits: one indsats, or serviceniveau.md (Forord and Principper)."""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.fields import DOCUMENT_SECTIONS, FIELDS, SERVICENIVEAU_FILE, indsats_path


@dataclass(frozen=True)
class EditTarget:
    """`indsats_id` None means the serviceniveau document itself."""

    indsats_id: str | None

    @property
    def is_document(self) -> bool:
        return self.indsats_id is None

    @property
    def path(self) -> str:
        return SERVICENIVEAU_FILE if self.indsats_id is None else indsats_path(self.indsats_id)

    @property
    def sections(self) -> tuple[str, ...]:
        return DOCUMENT_SECTIONS if self.indsats_id is None else FIELDS
