"""Importing from the TUI: choose a file from the import folder the admin configured, see the
dry run's mapping side by side (source text | field), move a piece to another field with a
key, then import it as one commit. Reading and importing run in workers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Static

from sn_tui.domain.fields import FIELDS
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.services.importing.plan import ImportPlan
    from sn_tui.services.outcomes import Imported

_EXCERPT = 60
_NEAREST = "≈ "  # a piece placed by nearness, not by its own label


class FilesListed(Message):
    def __init__(self, folder: Path | None, files: list[Path]) -> None:
        super().__init__()
        self.folder = folder
        self.files = files


class PlanReady(Message):
    def __init__(self, plan: ImportPlan) -> None:
        super().__init__()
        self.plan = plan


class ImportDone(Message):
    def __init__(self, done: Imported) -> None:
        super().__init__()
        self.done = done


class ImportFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ImportScreen(SnScreen[str | None]):
    """Dismissed with the import's commit, or None when nothing was imported."""

    CSS_PATH = "import_screen.tcss"
    KEY_SCOPE: ClassVar[str] = "import"
    BINDINGS = keys.bindings("import")
    AUTO_FOCUS = "#files"

    def __init__(self) -> None:
        super().__init__()
        self.files: list[Path] = []
        self.plan: ImportPlan | None = None
        self.places: list[tuple[int, int]] = []  # mapping row -> (indsats, piece)
        self.busy = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="intro", markup=False)
        yield DataTable(cursor_type="row", zebra_stripes=False, id="files")
        yield DataTable(cursor_type="row", zebra_stripes=False, id="mapping")
        with Horizontal(id="sides"):
            yield Static("", id="source-text", markup=False)
            yield Static("", id="field-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("import.screen.title")
        files = self.query_one("#files", DataTable)
        files.add_column(t("import.screen.file"), key="name")
        mapping = self.query_one("#mapping", DataTable)
        mapping.add_column(t("import.screen.field"), key="field")
        mapping.add_column(t("import.screen.source"), key="source")
        self.query_one("#mapping").display = False
        self.query_one("#sides").display = False
        self._list_files()

    def _intro(self, text: str) -> None:
        self.query_one("#intro", Static).update(plain(text))

    # ------------------------------------------------------------------ the files
    @work(thread=True, exclusive=True, group="import-files", exit_on_error=False)
    def _list_files(self) -> None:
        try:
            folder = self.workspace.import_folder()
            files = self.workspace.import_candidates()
        except Exception as exc:
            self.post_message(ImportFailed(user_sentence(exc)))
            return
        self.post_message(FilesListed(folder, files))

    def on_files_listed(self, message: FilesListed) -> None:
        self.files = message.files
        table = self.query_one("#files", DataTable)
        table.clear()
        for path in message.files:
            table.add_row(Text(visible(path.name)), key=str(path))
        if message.folder is None:
            self._intro(t("import.screen.no_folder"))
        elif not message.files:
            self._intro(t("import.screen.empty", folder=str(message.folder)))
        else:
            self._intro(t("import.screen.folder", folder=str(message.folder)))
        self.refresh_bindings()

    def action_choose(self) -> None:
        table = self.query_one("#files", DataTable)
        if not self.files or table.cursor_row < 0:
            return
        path = self.files[min(table.cursor_row, len(self.files) - 1)]
        self._intro(t("import.screen.reading", name=path.name))
        self.busy = True
        self.refresh_bindings()
        self._read(path)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "files":
            self.action_choose()

    @work(thread=True, exclusive=True, group="import-read", exit_on_error=False)
    def _read(self, path: Path) -> None:
        try:
            plan = self.workspace.import_plan([path])
        except Exception as exc:
            self.post_message(ImportFailed(user_sentence(exc)))
            return
        self.post_message(PlanReady(plan))

    # ------------------------------------------------------------------ the mapping
    def on_plan_ready(self, message: PlanReady) -> None:
        self.busy = False
        self.plan = message.plan
        self.places = [
            (i, j)
            for i, planned in enumerate(message.plan.indsatser)
            for j, _piece in enumerate(planned.found.pieces)
        ]
        table = self.query_one("#mapping", DataTable)
        table.clear()
        for row, (i, j) in enumerate(self.places):
            field, source = self._cells(i, j)
            table.add_row(field, source, key=str(row))
        self.query_one("#files").display = False
        self.query_one("#mapping").display = True
        self.query_one("#sides").display = True
        table.focus()
        lines = [*message.plan.notices]
        lines += [
            t(
                "import.screen.mapping",
                titel=p.found.titel,
                path=p.path,
                state=t("import.report.updated" if p.exists else "import.report.new"),
            )
            for p in message.plan.indsatser
        ]
        self._intro("\n".join(lines))
        self._show_sides()
        self.refresh_bindings()

    def _cells(self, i: int, j: int) -> tuple[Text, Text]:
        """The field (≈ where placed by nearness) and the source's label and text."""
        assert self.plan is not None
        planned = self.plan.indsatser[i]
        piece = planned.found.pieces[j]
        label = piece.label or t("import.report.untitled")
        excerpt = " ".join(piece.text.split())
        if len(excerpt) > _EXCERPT:
            excerpt = excerpt[: _EXCERPT - 1] + "…"
        source = Text(visible(f"{planned.found.titel} › {label}: {excerpt}"))
        marker = _NEAREST if piece.how == "nearest" else ""
        return Text(visible(marker + piece.field)), source

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "mapping":
            self._show_sides()

    def _current(self) -> tuple[int, int] | None:
        table = self.query_one("#mapping", DataTable)
        if self.plan is None or not self.places or table.cursor_row < 0:
            return None
        return self.places[min(table.cursor_row, len(self.places) - 1)]

    def _show_sides(self) -> None:
        place = self._current()
        if place is None or self.plan is None:
            return
        planned = self.plan.indsatser[place[0]]
        piece = planned.found.pieces[place[1]]
        label = piece.label or t("import.report.untitled")
        source = f"{t('import.screen.source')}: {label}\n\n{piece.text}"
        self.query_one("#source-text", Static).update(plain(source))
        field_text = planned.fields.get(piece.field, "")
        field = f"{t('import.screen.field')}: {piece.field}\n\n{field_text}"
        self.query_one("#field-text", Static).update(plain(field))

    def action_next_field(self) -> None:
        self._move(+1)

    def action_previous_field(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        place = self._current()
        if place is None or self.plan is None:
            return
        i, j = place
        piece = self.plan.indsatser[i].found.pieces[j]
        where = FIELDS.index(piece.field) if piece.field in FIELDS else -1 if step > 0 else 0
        target = FIELDS[(where + step) % len(FIELDS)]
        self.plan.reassign(i, j, target)
        table = self.query_one("#mapping", DataTable)
        field, source = self._cells(i, j)
        row = table.cursor_row
        table.update_cell_at(Coordinate(row, 0), field)
        table.update_cell_at(Coordinate(row, 1), source)
        self._show_sides()
        self.notify(t("import.screen.moved", field=target), markup=False)

    # ------------------------------------------------------------------ importing
    def action_run(self) -> None:
        if self.plan is None or self.busy:
            return
        self.busy = True
        self._intro(t("import.screen.importing"))
        self.refresh_bindings()
        self._import(self.plan)

    @work(thread=True, exclusive=True, group="import-run", exit_on_error=False)
    def _import(self, plan: ImportPlan) -> None:
        try:
            done = self.workspace.run_import(plan)
        except Exception as exc:
            self.post_message(ImportFailed(user_sentence(exc)))
            return
        self.post_message(ImportDone(done))

    def on_import_done(self, message: ImportDone) -> None:
        done = message.done
        if done.commit is None:
            self.notify(t("import.screen.nothing"), markup=False)
            self.dismiss(None)
            return
        errors = sum(f.severity == "error" for f in done.findings)
        text = t(
            "import.screen.done",
            created=done.created,
            updated=done.updated,
            errors=errors,
            warnings=len(done.findings) - errors,
        )
        self.notify(text, markup=False, severity="warning" if errors else "information")
        self.dismiss(done.commit)

    def on_import_failed(self, message: ImportFailed) -> None:
        self.busy = False
        self._intro(message.text)
        self.notify(message.text, severity="error", markup=False)
        self.refresh_bindings()

    # ------------------------------------------------------------------ keys
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        mapping = self.plan is not None
        if action == "choose":
            return True if (not mapping and self.files and not self.busy) else None
        if action in ("next_field", "previous_field"):
            return True if mapping and self.places and not self.busy else None
        if action == "run":
            if self.sn.read_only:
                return None
            return True if mapping and not self.busy else None
        return True

    def action_back(self) -> None:
        if self.plan is not None and not self.busy:
            self.plan = None
            self.places = []
            self.query_one("#mapping").display = False
            self.query_one("#sides").display = False
            self.query_one("#files").display = True
            self.query_one("#files").focus()
            self._list_files()
            return
        self.dismiss(None)
