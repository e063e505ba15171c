"""Where to export a comparison, and as what: md, html, docx or json, and a file path.

The path starts as `~/sammenligning-<A>-<B>.<ext>`; choosing another format changes the
extension of a path that still has the old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from sn_tui.domain.snapshot import Revision
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.presenters.diff_rows import file_part
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.widgets.text_entry import SnInput

FORMATS = ("md", "html", "docx", "json")


@dataclass(frozen=True)
class ExportChoice:
    fmt: str
    path: Path


def default_folder() -> Path:
    try:
        return Path.home()
    except RuntimeError:  # no home directory known: the current one
        return Path.cwd()


class FormatChoice(RadioSet):
    """The formats: arrows and space choose one, enter exports, as the dialog's hint says
    (a RadioSet's own enter only chooses again, so enter seemed to do nothing)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "screen.ok", show=False)]


class ExportDialog(SnDialog[ExportChoice | None]):
    """Dismisses with the choice, or None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, a: Revision, b: Revision, folder: Path | None = None) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.folder = folder or default_folder()
        self.fmt = FORMATS[0]

    def default_path(self, fmt: str) -> Path:
        name = t("versions.export_file", a=file_part(self.a), b=file_part(self.b), ext=fmt)
        return self.folder / name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("versions.export_question"), classes="question")
            yield Label(t("versions.export_format"))
            with FormatChoice(id="format", compact=True):
                for n, fmt in enumerate(FORMATS):
                    yield RadioButton(t(f"versions.format_{fmt}"), value=n == 0, id=f"fmt-{fmt}")
            yield Label(t("versions.export_path"))
            yield SnInput(str(self.default_path(self.fmt)), id="path", compact=True)
            yield Static("", id="problems", markup=False)
            yield Static(t("versions.export_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#problems", Static).display = False
        self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        old, self.fmt = self.fmt, FORMATS[event.index]
        field = self.query_one("#path", Input)
        if field.value.endswith(f".{old}"):
            field.value = field.value.removesuffix(old) + self.fmt

    @on(Input.Submitted, "#path")
    def _submitted(self) -> None:
        self.action_ok()

    def action_ok(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            box = self.query_one("#problems", Static)
            box.update(plain(t("versions.export_no_path")))
            box.display = True
            return
        path = Path(value).expanduser()
        self.dismiss(ExportChoice(self.fmt, path if path.is_absolute() else Path.cwd() / path))

    def action_cancel(self) -> None:
        self.dismiss(None)
