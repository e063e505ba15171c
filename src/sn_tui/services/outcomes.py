"""What the use cases a start does not use give back: an edit's starting point and a save's
outcome (`services.editing`), a datagrundlag import (`services.datagrundlag.service`), an
import's result (`services.importing.service`), a person's change (`services.people`), a
deleted indsats (`services.restoring`), and the start of a comparison and one commit's changes
to a file (`services.comparing`).

Their own module, imported when first used: `Workspace` is made of every use case, so their
modules load at each start, and a dataclass costs ~0.5 ms to create (its `__init__`, `__eq__`
and the rest are written and compiled then): before the overview's first frame these ten took
~6 ms. Callers import them from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sn_tui.domain.document import Document
from sn_tui.services.errors import NotFound

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding
    from sn_tui.domain.datagrundlag.table import Row
    from sn_tui.domain.diff.types import FieldChange, MetaChange
    from sn_tui.domain.entry import Indsats
    from sn_tui.domain.merge import FieldConflict
    from sn_tui.domain.snapshot import Revision


@dataclass(frozen=True)
class EditState:
    """What an edit starts from: the commit it is based on and the file's bytes there."""

    indsats_id: str
    base: str | None
    data: bytes | None

    @property
    def document(self) -> Document:
        if self.data is None:
            raise NotFound(f"Indsatsen '{self.indsats_id}' findes ikke.")
        return Document.parse(self.data)


@dataclass(frozen=True)
class Saved:
    """A save that went through: the commit `main` is at, whether it made one and merged
    others' work, and the file as saved (what the user sent, where `main` lacks it)."""

    commit: str | None
    changed: bool
    merged: bool
    data: bytes


@dataclass(frozen=True)
class Conflicted:
    """A save refused, nothing written: someone else changed the same fields (`conflicts`)
    in commit `theirs` since the edit began at commit `base`. `mine` is the file as sent."""

    indsats_id: str | None  # None: serviceniveau.md
    conflicts: list[FieldConflict]
    base: str | None
    theirs: str | None
    mine: bytes
    note: str
    force: bool = False  # the user confirmed saving personal data (`services.personal_data`)


@dataclass(frozen=True)
class Change:
    """One indsats in the year's file: "ny", "ændret", "uændret" or "fjernet"."""

    indsats: str
    state: str
    old: Row | None
    new: Row | None


@dataclass
class DatagrundlagImport:
    """What importing one file as one year would do."""

    source: str
    aar: int
    rows: list[Row]
    changes: list[Change]
    columns: dict[str, str]
    base: str | None
    files: dict[str, bytes] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kilde": self.source,
            "aar": self.aar,
            "kolonner": self.columns,
            "raekker": [r.to_json() for r in self.rows],
            "aendringer": [
                {"indsats": c.indsats, "status": c.state}
                for c in self.changes
                if c.state != "uændret"
            ],
        }


@dataclass(frozen=True)
class Imported:
    """A carried-out import: the commit (None: nothing changed), the counts, and `check`'s
    findings in the files it wrote."""

    commit: str | None
    created: int
    updated: int
    findings: list[Finding]


@dataclass(frozen=True)
class PersonChange:
    """What `add_person` or `set_person` sets; None leaves a key as it is."""

    navn: str | None = None
    email: str | None = None
    faggrupper: Sequence[str] | None = None
    roller: Sequence[str] | None = None

    def as_keys(self) -> dict[str, Any]:
        keys = {
            "navn": self.navn,
            "email": self.email,
            "faggrupper": self.faggrupper,
            "roller": self.roller,
        }
        return {
            k: list(v) if isinstance(v, list | tuple) else v
            for k, v in keys.items()
            if v is not None
        }


@dataclass(frozen=True)
class DeletedIndsats:
    """An indsats `main` lacks now: its last text is in commit `kept_in`."""

    id: str
    titel: str
    deleted_by: str
    deleted_at: dt.datetime
    kept_in: str


@dataclass(frozen=True)
class FirstChanges:
    """The start of a comparison's list, known before any text is diffed: whether the document
    changed, the first indsatser whose file differs (before, after; in reading order; a few may
    turn out to differ in nothing a reader sees), and the indsatser added and removed."""

    a: Revision
    b: Revision
    document_changed: bool
    changed: tuple[tuple[Indsats, Indsats], ...]
    added: tuple[Indsats, ...]
    removed: tuple[Indsats, ...]


@dataclass(frozen=True)
class FileChanges:
    """What one commit changed in one file: frontmatter keys, then fields; and whether the
    commit created or deleted the file."""

    meta: list[MetaChange]
    fields: list[FieldChange]
    created: bool
    deleted: bool
