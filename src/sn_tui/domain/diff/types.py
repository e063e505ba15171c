"""The result of a comparison: the ops of a text's diff, changed fields and frontmatter keys,
changed indsatser and the whole comparison with its summary.

Every field's `ops` are lossless: the text of its `equal`, `delete` and `moved-from` ops, in
order, is the field's text in A; that of its `equal`, `insert` and `moved-to` ops is the text in
B. A `moved-to` op also carries the word diff from its source paragraph in `changes`, which obeys
the same rule between the source paragraph (A side) and the moved one (B side).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from sn_tui.domain.datagrundlag.table import Row
from sn_tui.domain.entry import Indsats
from sn_tui.domain.snapshot import Revision
from sn_tui.domain.unreadable import Unreadable

OpKind = Literal["equal", "insert", "delete", "moved-from", "moved-to"]
MetaKind = Literal["added", "removed", "changed"]
JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]


@dataclass(frozen=True)
class MoveRef:
    """The other end of a moved paragraph: `id` links both ends; `paragraph` counts from 1."""

    id: int
    section: str
    paragraph: int


@dataclass(frozen=True)
class Op:
    """One run of text in a field's diff."""

    kind: OpKind
    text: str
    move: MoveRef | None = None
    changes: tuple[Op, ...] = ()  # moved-to only: word diff from the source paragraph

    @property
    def in_a(self) -> bool:
        return self.kind in ("equal", "delete", "moved-from")

    @property
    def in_b(self) -> bool:
        return self.kind in ("equal", "insert", "moved-to")


def text_a(ops: Iterable[Op]) -> str:
    """The A side of a diff: what the text was."""
    return "".join(op.text for op in ops if op.in_a)


def text_b(ops: Iterable[Op]) -> str:
    """The B side of a diff: what the text became."""
    return "".join(op.text for op in ops if op.in_b)


@dataclass(frozen=True)
class FieldChange:
    """One changed field (or document section) of an indsats, with its diff."""

    name: str
    before: str
    after: str
    ops: tuple[Op, ...]


@dataclass(frozen=True)
class MetaChange:
    """One frontmatter key (dotted for nested keys, e.g. `økonomi.budget_kr`) that changed."""

    key: str
    kind: MetaKind
    before: JsonValue = None
    after: JsonValue = None
    added_items: tuple[str, ...] = ()  # for lists, e.g. faggrupper
    removed_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndsatsChange:
    """An indsats present in both versions that differs between them."""

    id: str
    before: Indsats
    after: Indsats
    meta: tuple[MetaChange, ...]
    fields: tuple[FieldChange, ...]

    @property
    def path_changed(self) -> bool:
        return self.before.path != self.after.path


@dataclass(frozen=True)
class DocumentChange:
    """What changed in serviceniveau.md: frontmatter and the Forord/Principper sections."""

    meta: tuple[MetaChange, ...]
    sections: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Totals:
    """The økonomi of one version: sum of budget_kr and of forventet_antal over all indsatser."""

    budget_kr: int
    forventet_antal: int


@dataclass(frozen=True)
class Summary:
    added: int
    removed: int
    changed: int
    unchanged: int
    before: Totals
    after: Totals


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between version A and version B."""

    a: Revision
    b: Revision
    kommune: str
    titel: str
    summary: Summary
    document: DocumentChange | None  # None when serviceniveau.md is unchanged
    added: tuple[Indsats, ...]
    removed: tuple[Indsats, ...]
    changed: tuple[IndsatsChange, ...]
    unchanged: tuple[Indsats, ...]
    # files of A and of B that could not be read: neither added, removed nor changed
    unreadable_a: tuple[Unreadable, ...] = ()
    unreadable_b: tuple[Unreadable, ...] = ()
    datagrundlag_a: Mapping[int, Sequence[Row]] = field(default_factory=dict)
    datagrundlag_b: Mapping[int, Sequence[Row]] = field(default_factory=dict)
