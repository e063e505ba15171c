"""What to export a comparison as: md, html, docx or json, and a bare file name.

The file goes into the user's export folder (`services.exports`), never anywhere else: over
SSH the TUI runs as the service account, and a path could reach that account's own files. The
name starts as `sammenligning-<A>-<B>.<ext>`; choosing another format changes the extension of
a name that still has the old one. A name with a folder in it is refused in the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from sn_tui.domain.snapshot import Revision
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput
from sn_tui.services.exports import checked_name
from sn_tui.tui import keys
from sn_tui.tui.presenters.diff_rows import file_part
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.widgets.text_entry import SnInput

FORMATS = ("md", "html", "docx", "json")


@dataclass(frozen=True)
class ExportChoice:
    fmt: str
    name: str


class FormatChoice(RadioSet):
    """The formats: arrows and space choose one, enter exports, as the dialog's hint says
    (a RadioSet's own enter only chooses again, so enter seemed to do nothing)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "screen.ok", show=False)]


class ExportDialog(SnDialog[ExportChoice | None]):
    """Dismisses with the choice, or None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, a: Revision, b: Revision) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.fmt = FORMATS[0]

    def default_name(self, fmt: str) -> str:
        return t("versions.export_file", a=file_part(self.a), b=file_part(self.b), ext=fmt)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("versions.export_question"), classes="question")
            yield Label(t("versions.export_format"))
            with FormatChoice(id="format", compact=True):
                for n, fmt in enumerate(FORMATS):
                    yield RadioButton(t(f"versions.format_{fmt}"), value=n == 0, id=f"fmt-{fmt}")
            yield Label(t("versions.export_path"))
            yield SnInput(self.default_name(self.fmt), id="path", compact=True)
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
        try:
            name = checked_name(value)
        except InvalidInput as exc:
            box = self.query_one("#problems", Static)
            box.update(plain(str(exc)))
            box.display = True
            return
        self.dismiss(ExportChoice(self.fmt, name))

    def action_cancel(self) -> None:
        self.dismiss(None)
