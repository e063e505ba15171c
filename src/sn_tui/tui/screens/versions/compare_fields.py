"""One indsats (or the Forord and Principper) compared: its changed keys and fields.

Side by side shows version A on the left and B on the right; inline shows one text with
deletions struck through, insertions underlined and moved paragraphs marked. `s` switches
between them; `n`/`N` go to the next/previous change and scroll it into view.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from sn_tui.domain.diff.types import Comparison
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.presenters.diff_rows import EntryDiff, Layout, layout
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.screens.versions.versions import version_label
from sn_tui.tui.widgets.diff_row import DiffRow, Mode, side_by_side
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar


class CompareFieldsScreen(SnScreen[None]):
    """The rows of one entry of a comparison, with the current change highlighted."""

    CSS_PATH = "compare_fields.tcss"
    KEY_SCOPE: ClassVar[str] = "compare_fields"
    BINDINGS = keys.bindings("compare_fields")
    AUTO_FOCUS = "#body"

    def __init__(self, comparison: Comparison, entry: EntryDiff, mode: Mode = "side") -> None:
        super().__init__()
        self.comparison = comparison
        self.entry = entry
        self.diff_layout: Layout = layout(entry)
        self.mode: Mode = mode
        self.current: int | None = None

    @property
    def titel(self) -> str:
        return t("versions.document") if self.entry.status == "document" else self.entry.titel

    def compose(self) -> ComposeResult:
        markers = self.app.no_color
        yield TitleBar()
        yield Static("", id="heads", markup=False)
        with VerticalScroll(id="body"):
            if self.entry.moved_from is not None:
                yield Static(
                    plain(
                        t("export.file_moved", before=self.entry.moved_from, after=self.entry.key)
                    ),
                    classes="note",
                )
            for section in self.diff_layout.sections:
                name = t("versions.meta_section") if section.name is None else section.name
                yield Label(plain(name), classes="field-title")
                for row in section.rows:
                    yield DiffRow(row, markers=markers)
            if not self.diff_layout.sections:
                yield Static(t("versions.no_field_changes"), classes="note")
        yield Static("", id="position", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = visible(self.titel)
        self.sub_title = t(
            "versions.compare_title",
            a=version_label(self.comparison.a.name),
            b=version_label(self.comparison.b.name),
        )
        self._show()

    @property
    def rows(self) -> list[DiffRow]:
        return list(self.query(DiffRow))

    def _show(self) -> None:
        a = t("versions.side_a", version=version_label(self.comparison.a.name))
        b = t("versions.side_b", version=version_label(self.comparison.b.name))
        heads = self.query_one("#heads", Static)
        if self.mode == "side":
            heads.update(side_by_side(a, b))
        else:
            legend = t("versions.legend_markers" if self.app.no_color else "versions.legend")
            heads.update(plain(t("versions.inline_heads", a=a, b=b, legend=legend)))
        for row in self.rows:
            row.show(self.mode, self.current)
        self._position()

    def _position(self) -> None:
        mode = t(f"versions.mode_{self.mode}")
        count = self.diff_layout.count
        if self.current is None:
            text = t("versions.position_none", count=count, mode=mode)
        else:
            text = t("versions.position", n=self.current + 1, total=count, mode=mode)
        self.query_one("#position", Static).update(plain(text))

    def row_of(self, change: int) -> DiffRow | None:
        return next((r for r in self.rows if change in r.row.changes), None)

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_change", "previous_change") and not self.diff_layout.count:
            return None
        return True

    def action_toggle_mode(self) -> None:
        self.mode = "inline" if self.mode == "side" else "side"
        self._show()
        if self.current is not None:
            self.call_after_refresh(self._scroll_to_current)

    def action_next_change(self) -> None:
        self._go(0 if self.current is None else self.current + 1)

    def action_previous_change(self) -> None:
        self._go(self.diff_layout.count - 1 if self.current is None else self.current - 1)

    def _go(self, change: int) -> None:
        count = self.diff_layout.count
        if not count:
            return
        if not 0 <= change < count:
            self.notify(t("versions.wrapped"), timeout=2)
            change %= count
        self.current = change
        for row in self.rows:
            row.show(self.mode, change)
        self._position()
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        row = self.row_of(self.current) if self.current is not None else None
        if row is not None:
            self.query_one("#body", VerticalScroll).scroll_to_center(row, animate=False)

    def action_back(self) -> None:
        self.dismiss()
