"""Where to export a comparison, and as what: md, html, docx, pdf or json, and a file path;
or, the same way, the committee's dagsordenpunkt for it (docx, pdf or md) and its indstilling.

The path starts as `~/sammenligning-<A>-<B>.<ext>` (`~/dagsordenpunkt-…`); choosing another
format changes the extension of a path that still has the old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from sn_tui.domain.snapshot import Revision
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.presenters.diff_rows import file_part
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog

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
    path: Path
    kind: ExportKind = COMPARISON
    text: str = ""  # the text asked for, if the kind asks for one (empty: its default)


def default_folder() -> Path:
    try:
        return Path.home()
    except RuntimeError:  # no home directory known: the current one
        return Path.cwd()


class ExportDialog(SnDialog[ExportChoice | None]):
    """Dismisses with the choice, or None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(
        self,
        a: Revision,
        b: Revision,
        folder: Path | None = None,
        kind: ExportKind = COMPARISON,
    ) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.folder = folder or default_folder()
        self.kind = kind
        self.fmt = kind.formats[0]

    def default_path(self, fmt: str) -> Path:
        name = t(self.kind.file, a=file_part(self.a), b=file_part(self.b), ext=fmt)
        return self.folder / name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t(self.kind.question), classes="question")
            yield Label(t("versions.export_format"))
            with RadioSet(id="format", compact=True):
                for n, fmt in enumerate(self.kind.formats):
                    yield RadioButton(t(f"versions.format_{fmt}"), value=n == 0, id=f"fmt-{fmt}")
            yield Label(t("versions.export_path"))
            yield Input(str(self.default_path(self.fmt)), id="path", compact=True)
            if self.kind.text:
                yield Label(t(self.kind.text))
                yield Input(placeholder=t("paper.agenda_default"), id="text", compact=True)
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
        if not value:
            box = self.query_one("#problems", Static)
            box.update(plain(t("versions.export_no_path")))
            box.display = True
            return
        path = Path(value).expanduser()
        path = path if path.is_absolute() else Path.cwd() / path
        text = self.query_one("#text", Input).value.strip() if self.kind.text else ""
        self.dismiss(ExportChoice(self.fmt, path, self.kind, text))

    def action_cancel(self) -> None:
        self.dismiss(None)
