"""Two versions compared: the summary first, then every changed, added or removed indsats.

The list's first rows come as soon as they are known: the worker reads only the files that
differ (by blob id) and shows a screenful of them before any text is diffed (the counts as `…`);
after that paint it diffs and reads both versions whole (the summary, the exports).

Enter opens one to see its fields side by side or inline; `e` exports the comparison (md,
html, docx, pdf or json) and `d` the committee's dagsordenpunkt for it (docx, pdf or md) to a
file in the user's export folder, through the same dialog and worker, written whole or not at
all; the message says how to fetch it to one's own PC (`sn-tui hent`) when the TUI runs over SSH.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from sn_tui.domain.danish import format_kr
from sn_tui.domain.diff.compare import percent_change
from sn_tui.domain.diff.types import Comparison
from sn_tui.domain.snapshot import Revision
from sn_tui.export.common import format_percent, format_total_change, revision_caption
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.presenters.diff_rows import EntryDiff, change_count, entries, first_entries
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.screens.versions.versions import version_label
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.fitted_table import FittedTable, TableColumn
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.services.outcomes import FirstChanges
    from sn_tui.tui.screens.dialogs.export_comparison import ExportKind

_COLUMNS = ("status", "titel", "kategori", "fields", "changes", "budget")
_STATUS_STYLE = {"document": "", "changed": "yellow", "added": "green", "removed": "red"}


class Compared(Message):
    def __init__(self, comparison: Comparison, entries: list[EntryDiff], counts: list[int]) -> None:
        super().__init__()
        self.comparison = comparison
        self.entries = entries
        self.counts = counts


class ComparedFirst(Message):
    """The first rows; `shown` is set once they are painted (the worker then reads on)."""

    def __init__(self, first: FirstChanges, entries: list[EntryDiff]) -> None:
        super().__init__()
        self.first = first
        self.entries = entries
        self.shown = threading.Event()


class CompareFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ExportFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Exported(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def entry_budget(entry: EntryDiff) -> str:
    """How the entry's budget changed: `+400.000 kr., +8 %`; empty where it did not."""
    before, after = entry.budget_before or 0, entry.budget_after or 0
    if before == after:
        return ""
    text = ("+" if after > before else "-") + format_kr(abs(after - before))
    percent = format_percent(percent_change(before, after))
    return f"{text}, {percent}" if percent and entry.status == "changed" else text


class CompareScreen(SnScreen[None]):
    """`a` and `b` name versions: a tag, `main` or any revision."""

    CSS_PATH = "compare.tcss"
    KEY_SCOPE: ClassVar[str] = "compare"
    BINDINGS = keys.bindings("compare")
    AUTO_FOCUS = "DataTable"

    def __init__(self, a: str, b: str) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.comparison: Comparison | None = None
        self.entries: list[EntryDiff] = []
        self._counts: Sequence[int | None] = []
        self.exporting = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Banner(id="banner")
        yield Static("", id="versions", markup=False)
        yield Static("", id="summary", markup=False)
        yield FittedTable(cursor_type="row", zebra_stripes=False, id="entries")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("versions.compare_title", a=version_label(self.a), b=version_label(self.b))
        self.query_one(Banner).show(t("versions.comparing"))
        self._compare()

    @work(thread=True, exclusive=True, group="compare-load", exit_on_error=False)
    def _compare(self) -> None:
        worker = get_current_worker()
        rows = max(self.app.size.height, 20)  # a screenful of rows first

        def first(found: FirstChanges) -> bool:
            listed = first_entries(
                found.document_changed, found.changed, found.added, found.removed
            )
            message = ComparedFirst(found, listed)
            if worker.is_cancelled or not self.post_message(message):
                return False
            # The rest reads both versions whole: after the first rows' paint, not beside it
            # (a thread holding the interpreter would halve the event loop's share).
            message.shown.wait(1.0)
            return not worker.is_cancelled

        try:
            comparison = self.workspace.compare_first(
                self.a, self.b, first, count=rows, wanted=lambda: not worker.is_cancelled
            )
        except Exception as exc:
            self.post_message(CompareFailed(user_sentence(exc)))
            return
        if comparison is None or worker.is_cancelled:
            return
        found = entries(comparison)
        self.post_message(Compared(comparison, found, [change_count(e) for e in found]))

    def on_compared_first(self, message: ComparedFirst) -> None:
        if self.comparison is None:
            self._show_versions(message.first.a, message.first.b)
            self._show_entries(message.entries, [None] * len(message.entries))
        self.call_after_refresh(message.shown.set)

    def _show_versions(self, a: Revision, b: Revision) -> None:
        self.query_one("#versions", Static).update(
            plain(
                "\n".join(
                    t(
                        f"versions.compare_{side}",
                        version=version_label(rev.name),
                        caption=revision_caption(rev),
                    )
                    for side, rev in (("a", a), ("b", b))
                )
            )
        )

    def on_compared(self, message: Compared) -> None:
        comp = self.comparison = message.comparison
        banner = self.query_one(Banner)
        if message.entries:
            banner.hide()
        else:
            banner.show(t("versions.no_differences"))
        self._show_versions(comp.a, comp.b)
        summary = comp.summary
        self.query_one("#summary", Static).update(
            plain(
                "\n".join(
                    (
                        t(
                            "versions.compare_counts",
                            added=summary.added,
                            removed=summary.removed,
                            changed=summary.changed,
                            unchanged=summary.unchanged,
                        ),
                        t(
                            "versions.compare_budget",
                            change=format_total_change(
                                summary.before.budget_kr, summary.after.budget_kr, money=True
                            ),
                        ),
                        t(
                            "versions.compare_antal",
                            change=format_total_change(
                                summary.before.forventet_antal,
                                summary.after.forventet_antal,
                                money=False,
                            ),
                        ),
                        *(  # what neither side's list shows, and why
                            t(
                                "badfiles.compare_row",
                                path=u.path,
                                version=version_label(rev.name),
                                line=u.line,
                                reason=u.message,
                            )
                            for rev, problems in (
                                (comp.a, comp.unreadable_a),
                                (comp.b, comp.unreadable_b),
                            )
                            for u in problems
                        ),
                    )
                )
            )
        )
        if message.entries != self.entries or message.counts != self._counts:
            self._show_entries(message.entries, message.counts)
        self.refresh_bindings()

    def _show_entries(self, listed: list[EntryDiff], counts: Sequence[int | None]) -> None:
        self.entries, self._counts = listed, counts
        rows = []
        for n, (entry, count) in enumerate(zip(listed, counts, strict=True)):
            titel = t("versions.document") if entry.status == "document" else entry.titel
            fields = "…" if entry.pending else str(len(entry.fields) + (1 if entry.meta else 0))
            cells = [
                Text(
                    t(f"versions.status_{entry.status}"),
                    style=f"bold {_STATUS_STYLE[entry.status]}",
                ),
                Text(visible(titel)),
                Text(visible(entry.kategori), style="dim"),
                Text(fields, justify="right"),
                Text("…" if entry.pending or count is None else str(count), justify="right"),
                Text(entry_budget(entry)),
            ]
            rows.append((str(n), cells))
        columns = [  # names give way (cut with …) on a narrow screen; numbers never
            TableColumn(key, t(f"versions.compare_col_{key}"), shrink=key in ("titel", "kategori"))
            for key in _COLUMNS
        ]
        self.query_one(FittedTable).show(columns, rows)

    def on_compare_failed(self, message: CompareFailed) -> None:
        self.query_one(Banner).show(message.text)

    def current(self) -> EntryDiff | None:
        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row < 0:
            return None
        return self.entries[min(table.cursor_row, len(self.entries) - 1)]

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_entry" and (not self.entries or self.comparison is None):
            return None
        if action in ("export", "agenda") and self.comparison is None:
            return None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_entry()

    def action_open_entry(self) -> None:
        from sn_tui.tui.screens.versions.compare_fields import CompareFieldsScreen

        entry = self.current()
        if entry is not None and self.comparison is not None:
            self.app.push_screen(CompareFieldsScreen(self.comparison, entry))

    def action_export(self) -> None:
        from sn_tui.tui.screens.dialogs.export_comparison import COMPARISON

        self._ask_export(COMPARISON)

    def action_agenda(self) -> None:
        from sn_tui.tui.screens.dialogs.export_comparison import AGENDA

        self._ask_export(AGENDA)

    def _ask_export(self, kind: ExportKind) -> None:
        """Ask where and as what, then write it in a worker: one path for every export."""
        from sn_tui.tui.screens.dialogs.export_comparison import ExportChoice, ExportDialog

        comp = self.comparison
        if comp is None:
            return
        if self.exporting:
            self.notify(t("versions.export_busy"))
            return

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.exporting = True
                self._export(comp, choice)

        self.app.push_screen(ExportDialog(comp.a, comp.b, kind=kind), chosen)

    @work(thread=True, group="compare-export", exit_on_error=False, description="export")
    def _export(self, comparison: Comparison, choice: object) -> None:
        from sn_tui.services.exports import ExportFolder, fetch_command, over_ssh
        from sn_tui.tui.screens.dialogs.export_comparison import AGENDA, ExportChoice

        assert isinstance(choice, ExportChoice)
        try:
            if choice.kind is AGENDA:
                data = self.workspace.render_agenda(comparison, choice.fmt, indstilling=choice.text)
            else:
                data = self.workspace.render_comparison(comparison, choice.fmt)
            path = ExportFolder(self.workspace.login).write(choice.name, data)
            if over_ssh():  # the host's name may take a DNS lookup: here, not on the event loop
                command = fetch_command(choice.name)
                text = t("exports.exported_ssh", name=choice.name, command=command)
            else:
                text = t(choice.kind.written, path=str(path))
        except Exception as exc:
            self.post_message(ExportFailed(user_sentence(exc)))
            return
        self.post_message(Exported(text))

    def on_exported(self, message: Exported) -> None:
        self.exporting = False
        self.notify(visible(message.text), markup=False, timeout=30)

    def on_export_failed(self, message: ExportFailed) -> None:
        self.exporting = False
        self.notify(message.text, title=t("versions.not_exported"), severity="error", markup=False)

    def action_back(self) -> None:
        self.dismiss()
