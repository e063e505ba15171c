"""A diff's ops as styled spans cut into lines: the shape every comparison renderer draws from.

Renderers draw one line at a time (a span never holds a line break), so inline markup such as
`<ins>` or an ANSI colour never has to cross a paragraph or a list item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sn_tui.domain.diff.types import MoveRef, Op, OpKind
from sn_tui.export.common import move_note

Inner = Literal["equal", "insert", "delete"]
_INNER: dict[OpKind, Inner] = {"insert": "insert", "delete": "delete"}


@dataclass(frozen=True)
class Span:
    """A run of text with one style. `inner` says, inside a moved-to paragraph, how this part
    differs from the paragraph's source; `note` (first span of a move only) says where it went."""

    kind: OpKind
    text: str
    inner: Inner = "equal"
    note: str = ""
    move: MoveRef | None = None

    @property
    def style(self) -> OpKind:
        """How to mark this span: an edit inside a moved paragraph shows as that edit."""
        return self.inner if self.kind == "moved-to" and self.inner != "equal" else self.kind


@dataclass(frozen=True)
class Line:
    """One line of a diff; `end` is the kind of the line break after it (None: the last line)."""

    spans: tuple[Span, ...]
    end: OpKind | None

    @property
    def blank(self) -> bool:
        return not any(s.text.strip() for s in self.spans)


def whole(text: str, kind: OpKind) -> tuple[Op, ...]:
    """A text that is entirely inserted or deleted (an added or removed indsats)."""
    return (Op(kind, text),) if text else ()


def flatten(ops: Iterable[Op], *, detail: bool = True) -> list[Span]:
    """Ops as spans; with `detail`, a moved-to paragraph shows its edits since it moved."""
    spans: list[Span] = []
    for op in ops:
        note = move_note(op)
        if op.kind == "moved-to" and detail and op.changes:
            for k, change in enumerate(op.changes):
                inner = _INNER.get(change.kind, "equal")
                spans.append(Span("moved-to", change.text, inner, note if k == 0 else "", op.move))
        else:
            spans.append(Span(op.kind, op.text, "equal", note, op.move))
    return spans


def lines(spans: Sequence[Span]) -> list[Line]:
    """Cut spans at line breaks. A break inside a span takes that span's kind."""
    out: list[Line] = []
    current: list[Span] = []
    for span in spans:
        pieces = span.text.split("\n")
        for k, piece in enumerate(pieces):
            if k > 0:
                out.append(Line(tuple(current), _break_kind(span)))
                current = []
            if piece or (k == 0 and span.note):
                note = span.note if k == 0 else ""
                current.append(Span(span.kind, piece, span.inner, note, span.move))
    out.append(Line(tuple(current), None))
    return out


def _break_kind(span: Span) -> OpKind:
    if span.kind == "moved-to" and span.inner == "delete":
        return "delete"
    return span.kind
