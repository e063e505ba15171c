"""What to export a comparison as (md, html, docx, pdf or json) and a bare file name; or, the
same way, the committee's dagsordenpunkt for it (docx, pdf or md) and its indstilling.

The file goes into the user's export folder (`services.exports`), never anywhere else: over
SSH the TUI runs as the service account, and a path could reach that account's own files. The
name starts as `sammenligning-<A>-<B>.<ext>` (`dagsordenpunkt-…`); choosing another format
changes the extension of a name that still has the old one. A name with a folder in it is
refused in the dialog.
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

FORMATS = ("md", "html", "docx", "json", "pdf")


@dataclass(frozen=True)
class ExportKind:
    """What is exported: its formats and the catalogue keys of its question, file name and
    the notice when it is written; `text` (a catalogue key) asks for a text as well."""

    formats: tuple[str, ...]
    question: str
    file: str
    written: str
    text: str = ""


COMPARISON = ExportKind(
    FORMATS, "versions.export_question", "versions.export_file", "versions.exported"
)
AGENDA = ExportKind(
    ("docx", "pdf", "md"),
    "paper.agenda_question",
    "paper.agenda_file",
    "paper.agenda_written",
    "paper.agenda_indstilling",
)


@dataclass(frozen=True)
class ExportChoice:
    fmt: str
    name: str
    kind: ExportKind = COMPARISON
    text: str = ""  # the text asked for, if the kind asks for one (empty: its default)


class FormatChoice(RadioSet):
    """The formats: arrows and space choose one, enter exports, as the dialog's hint says
    (a RadioSet's own enter only chooses again, so enter seemed to do nothing)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "screen.ok", show=False)]


class ExportDialog(SnDialog[ExportChoice | None]):
    """Dismisses with the choice, or None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, a: Revision, b: Revision, kind: ExportKind = COMPARISON) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.kind = kind
        self.fmt = kind.formats[0]

    def default_name(self, fmt: str) -> str:
        return t(self.kind.file, a=file_part(self.a), b=file_part(self.b), ext=fmt)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t(self.kind.question), classes="question")
            yield Label(t("versions.export_format"))
            with FormatChoice(id="format", compact=True):
                for n, fmt in enumerate(self.kind.formats):
                    yield RadioButton(t(f"versions.format_{fmt}"), value=n == 0, id=f"fmt-{fmt}")
            yield Label(t("versions.export_path"))
            yield SnInput(self.default_name(self.fmt), id="path", compact=True)
            if self.kind.text:
                yield Label(t(self.kind.text))
                yield SnInput(placeholder=t("paper.agenda_default"), id="text", compact=True)
            yield Static("", id="problems", markup=False)
            yield Static(t("versions.export_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#problems", Static).display = False
        self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        old, self.fmt = self.fmt, self.kind.formats[event.index]
        field = self.query_one("#path", Input)
        if field.value.endswith(f".{old}"):
            field.value = field.value.removesuffix(old) + self.fmt

    @on(Input.Submitted)
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
        text = self.query_one("#text", Input).value.strip() if self.kind.text else ""
        self.dismiss(ExportChoice(self.fmt, name, self.kind, text))

    def action_cancel(self) -> None:
        self.dismiss(None)
