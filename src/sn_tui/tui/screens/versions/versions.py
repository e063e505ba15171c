"""Adopted versions, newest first, and the draft (`main`): view one, compare two, adopt the draft.

`a` and `b` mark the versions to compare (by default the last adopted version and `main`);
`c` or enter compares them. `o` opens a version read-only; `v` adopts `main` (godkender/admin);
`t` reverts an indsats to the chosen adopted version.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from sn_tui.domain.danish import format_date
from sn_tui.domain.fields import MAIN
from sn_tui.domain.snapshot import Adoption
from sn_tui.domain.versions import in_force
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.fitted_table import FittedTable, TableColumn
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

_COLUMNS = ("version", "status", "udvalg", "moede", "punkt", "ikraft", "adopter")


def _columns() -> list[TableColumn]:
    """Names and dates give way (cut with …) on a narrow screen; the version and punkt not."""
    return [
        TableColumn(key, t(f"versions.col_{key}"), shrink=key not in ("version", "punkt"))
        for key in _COLUMNS
    ]


class VersionsLoaded(Message):
    def __init__(self, adoptions: list[Adoption], problems: list[str]) -> None:
        super().__init__()
        self.adoptions = adoptions
        self.problems = problems


class VersionsFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class AdoptRefused(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class AdoptAllowed(Message):
    def __init__(self, udvalg: list[str]) -> None:
        super().__init__()
        self.udvalg = udvalg


def _date(value: dt.date | None) -> str:
    return format_date(value) if value is not None else "–"


def version_label(name: str) -> str:
    """How a version is named on screen: a tag as it is, `main` as the draft."""
    return t("versions.draft_name") if name == MAIN else name


class VersionsScreen(SnScreen[None]):
    """A table of versions; the first row is the draft."""

    CSS_PATH = "versions.tcss"
    KEY_SCOPE: ClassVar[str] = "versions"
    BINDINGS = keys.bindings("versions")
    AUTO_FOCUS = "DataTable"

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        self.adoptions: list[Adoption] = []
        self.mark_a: str | None = None
        self.mark_b: str | None = MAIN
        self._loaded = False
        self._select: str | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Banner(id="banner")
        yield Static(t("versions.intro"), id="intro")
        yield FittedTable(cursor_type="row", zebra_stripes=False, id="versions")
        yield Static("", id="marks", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("versions.title")
        # Two small reads (one `git for-each-ref` and one tag check, ~3 ms each): read inline so
        # that the first frame already has the rows. Through a worker the rows came one thread
        # hop and one more frame later, which on a busy host (two CPU-bound processes beside
        # the app) cost more than the reads: v 77 -> 218 ms idle -> loaded (#23).
        message = self._read()
        if isinstance(message, VersionsLoaded):
            self.on_versions_loaded(message)
        else:
            self.on_versions_failed(message)

    # ------------------------------------------------------------------ loading
    def _read(self) -> VersionsLoaded | VersionsFailed:
        workspace = self.workspace
        try:
            adoptions = workspace.versions()
            problems = workspace.tag_problems()
        except Exception as exc:
            return VersionsFailed(user_sentence(exc))
        return VersionsLoaded(adoptions, problems)

    @work(thread=True, exclusive=True, group="versions-load", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self._read())

    def on_versions_loaded(self, message: VersionsLoaded) -> None:
        first = not self._loaded
        self._loaded = True
        self.adoptions = message.adoptions
        tags = {a.tag for a in self.adoptions}
        if first or self.mark_a not in tags:
            self.mark_a = self.adoptions[0].tag if self.adoptions else None
        banner = self.query_one(Banner)
        if message.problems:
            banner.show(" ".join(message.problems))
        elif not self.adoptions:
            banner.show(t("versions.none"))
        else:
            banner.hide()
        self._fill()
        self.refresh_bindings()

    def on_versions_failed(self, message: VersionsFailed) -> None:
        self.query_one(Banner).show(message.text)

    def reload(self, select: str | None = None) -> None:
        self._select = select
        self._load()

    # ------------------------------------------------------------------ showing
    def _fill(self) -> None:
        table = self.query_one(FittedTable)
        keep = self._select or self.current()
        self._select = None
        dash = Text("–", style="dim")
        rows: list[tuple[str, list[Text]]] = [
            (MAIN, [self._version_cell(MAIN), Text(t("versions.status_draft")), *[dash] * 5])
        ]
        current = in_force(self.adoptions, self.today)
        for adoption in self.adoptions:
            cells = [
                self._version_cell(adoption.tag),
                Text(self._status(adoption, current)),
                Text(visible(adoption.udvalg or "–")),
                Text(_date(adoption.moededato or adoption.date)),
                Text(visible(adoption.dagsordenpunkt or "–")),
                Text(_date(adoption.in_force_from)),
                Text(visible(adoption.adopter_name or "–")),
            ]
            rows.append((adoption.tag, cells))
        table.show(_columns(), rows)
        names = [MAIN, *(a.tag for a in self.adoptions)]
        if keep in names:
            table.move_cursor(row=names.index(keep), animate=False)
        self._show_marks(cells=False)  # the rows were made with their marks

    def _status(self, adoption: Adoption, current: Adoption | None) -> str:
        if current is not None and adoption.tag == current.tag:
            return t("versions.status_in_force")
        if adoption.in_force_from > self.today:
            return t("versions.status_coming")
        return t("versions.status_earlier")

    def _version_cell(self, name: str) -> Text:
        """The version's name after its marks: `A vedtaget/2026-03-12`, `B main (udkast)`."""
        marks = "".join(
            m for m, chosen in (("A", self.mark_a), ("B", self.mark_b)) if chosen == name
        )
        out = Text(f"{marks:<2}", style="bold reverse" if marks else "")
        out.append(" ")
        out.append(version_label(name), style="bold" if name == MAIN else "")
        return out

    def _show_marks(self, *, cells: bool = True) -> None:
        if cells:
            table = self.query_one(FittedTable)
            for name in (MAIN, *(a.tag for a in self.adoptions)):
                table.set_cell(name, "version", self._version_cell(name))
        none = t("versions.unmarked")
        self.query_one("#marks", Static).update(
            plain(
                t(
                    "versions.marks",
                    a=version_label(self.mark_a) if self.mark_a else none,
                    b=version_label(self.mark_b) if self.mark_b else none,
                )
            )
        )

    def current(self) -> str | None:
        """The version under the cursor: a tag, or `main`."""
        table = self.query_one(DataTable)
        if not self._loaded or table.row_count == 0:
            return None
        names = [MAIN, *(a.tag for a in self.adoptions)]
        return names[min(max(table.cursor_row, 0), len(names) - 1)]

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("compare", "mark_a", "mark_b", "open_version", "adopt") and not self._loaded:
            return None
        if action == "revert" and (self.sn.read_only or self.current() in (None, MAIN)):
            return None
        return True

    def action_revert(self) -> None:
        from sn_tui.tui.screens.versions.revert_adopted import revert_from_version

        tag = self.current()
        if tag is not None and tag != MAIN and not self.sn.read_only:
            revert_from_version(self, tag)

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()  # `t` is for an adopted version, not the draft

    def action_mark_a(self) -> None:
        self.mark_a = self.current()
        self._show_marks()

    def action_mark_b(self) -> None:
        self.mark_b = self.current()
        self._show_marks()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_compare()

    def action_compare(self) -> None:
        from sn_tui.tui.screens.versions.compare import CompareScreen

        if self.mark_a is None or self.mark_b is None:
            self.notify(t("versions.mark_both"), severity="warning")
            return
        if self.mark_a == self.mark_b:
            self.notify(t("versions.same_version"), severity="warning")
            return
        self.app.push_screen(CompareScreen(self.mark_a, self.mark_b))

    def action_open_version(self) -> None:
        from sn_tui.tui.screens.versions.version_view import VersionViewScreen

        name = self.current()
        if name is not None:
            self.app.push_screen(VersionViewScreen(name, version_label(name)))

    def action_adopt(self) -> None:
        self._may_adopt()

    @work(thread=True, exclusive=True, group="versions-adopt", exit_on_error=False)
    def _may_adopt(self) -> None:
        """Ask the workspace whether this person may adopt before showing the dialog."""
        try:
            self.workspace.adopter()
        except Exception as exc:
            self.post_message(AdoptRefused(user_sentence(exc)))
            return
        names = dict.fromkeys(a.udvalg for a in self.adoptions if a.udvalg)
        self.post_message(AdoptAllowed(list(names)))

    def on_adopt_refused(self, message: AdoptRefused) -> None:
        self.notify(message.text, title=t("versions.not_adopted"), severity="error", markup=False)

    def on_adopt_allowed(self, message: AdoptAllowed) -> None:
        from sn_tui.tui.screens.versions.adopt import AdoptDialog

        def adopted(tag: str | None) -> None:
            if tag is None:
                return
            self.notify(t("versions.adopted", tag=tag), markup=False)
            self.sn.committed()
            self.reload(select=tag)

        self.app.push_screen(AdoptDialog(self.today, message.udvalg), adopted)

    def action_back(self) -> None:
        self.dismiss()
