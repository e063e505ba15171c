"""What the review views share: status words and symbols, the overview's review column, the
since-approval diff as text, opening an indsats with its review panel, and the message that
tells open screens a review was recorded.

Statuses always carry a symbol (`sn_tui.domain.reviews.records.STATUS_SYMBOLS`) besides their
colour, so every view reads the same without colours (NO_COLOR) as with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.message import Message

from sn_tui.domain.reviews.matrix import Progress
from sn_tui.domain.reviews.records import STATUS_SYMBOLS, Status, Verdict
from sn_tui.i18n import t
from sn_tui.tui.safe_text import visible

if TYPE_CHECKING:
    from textual.app import App

    from sn_tui.domain.diff.types import MetaChange, Op
    from sn_tui.domain.entry import Faggruppe, Indsats
    from sn_tui.services.workspace import Workspace

STATUS_CLASSES: dict[Status, str] = {
    Status.APPROVED: "approved",
    Status.STALE: "stale",
    Status.CHANGES_REQUESTED: "changes",
    Status.PENDING: "pending",
}
"""The suffix of each status' component class (`review-grid--approved` …) and CSS class."""

STATUS_STYLES: dict[Status, str] = {
    Status.APPROVED: "bold green",
    Status.STALE: "bold yellow",
    Status.CHANGES_REQUESTED: "bold red",
    Status.PENDING: "dim",
}
"""Status colours in text (the 16 ANSI colours, so every theme and terminal shows them)."""

_DIFF_STYLES = {
    "insert": ("{+", "+}", "underline green"),
    "delete": ("[-", "-]", "strike red"),
    "moved-from": ("[>", "<]", "strike cyan"),
    "moved-to": ("{>", "<}", "cyan"),
}


class ReviewsChanged(Message):
    """A review was recorded: screens that show review status fetch it again."""

    bubble = False


def announce_reviews_changed(app: App[Any]) -> None:
    """Tell every open screen (the overview, a matrix, a queue) that reviews changed."""
    for screen in app.screen_stack:
        screen.post_message(ReviewsChanged())


def status_word(status: Status) -> str:
    return t(f"review.status_{status.value}")


def verdict_word(verdict: str) -> str:
    return t(f"review.verdict_{Verdict(verdict).value}")


def status_symbol(status: Status) -> str:
    return STATUS_SYMBOLS[status]


def legend() -> str:
    """`✓ godkendt  ! forældet  ✗ ændringer ønsket  · afventer`."""
    return "  ".join(f"{STATUS_SYMBOLS[s]} {status_word(s)}" for s in STATUS_CLASSES)


def group_name(groups: Iterable[Faggruppe], group: str) -> str:
    """The faggruppe's name from faggrupper.yml, else its id."""
    return next((g.navn for g in groups if g.id == group and g.navn), group)


def progress_text(progress: Progress) -> str:
    """The overview's review column: `✓ 6/6` when klar, else `4/6` and a symbol for each
    kind of problem present (`4/6 !✗`: some approvals stale, some changes requested)."""
    if not progress.required:
        return "–"
    if progress.klar:
        return f"{STATUS_SYMBOLS[Status.APPROVED]} {progress.label}"
    flags = "".join(
        STATUS_SYMBOLS[s] for s in (Status.STALE, Status.CHANGES_REQUESTED) if progress.count(s)
    )
    return f"{progress.label} {flags}".rstrip()


def review_column(workspace: Workspace, items: Sequence[Indsats]) -> dict[str, str]:
    """The overview's review provider (runs in the overview's worker thread)."""
    matrix = workspace.reviews.matrix(indsatser=items)
    return {ident: progress_text(matrix.progress(ident)) for ident in matrix.indsatser}


def ops_text(ops: Iterable[Op], *, markers: bool) -> Text:
    """A field's word diff: deleted words struck, added underlined, moved ones cyan.

    With `markers` (no colours) they also read `[-…-]`, `{+…+}`, `[>…<]` and `{>…<}`.
    """
    out = Text()
    for op in ops:
        shown = visible(op.text)
        style = _DIFF_STYLES.get(op.kind)
        if style is None:
            out.append(shown)
            continue
        start, end, colour = style
        out.append(f"{start}{shown}{end}" if markers else shown, style=colour)
    return out


def meta_text(change: MetaChange) -> str:
    """One frontmatter change: `økonomi.budget_kr: 4500000 → 5100000`."""
    before = "–" if change.before is None else str(change.before)
    after = "–" if change.after is None else str(change.after)
    return visible(f"{change.key}: {before} → {after}")


def open_review(app: App[object], indsats_id: str, group: str | None = None) -> None:
    """Open the indsats in the editor with its review panel on top (cursor on `group`)."""
    from sn_tui.tui.screens.indsats.editor import EditorScreen
    from sn_tui.tui.screens.review.review_panel import ReviewPanel
    from sn_tui.tui.targets import EditTarget

    app.push_screen(EditorScreen(EditTarget(indsats_id)))
    app.push_screen(ReviewPanel(indsats_id, group))
