"""One field of an indsats: its name and LIX as a label, a soft-wrapping editor, its findings.

The label gets `*` when the text differs from the saved text.
"""

from __future__ import annotations

import importlib.util

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, TextArea

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal.readability import format_lix
from sn_tui.domain.document import normalise
from sn_tui.i18n import t
from sn_tui.tui.safe_text import plain
from sn_tui.tui.widgets.findings_list import FindingsList
from sn_tui.tui.widgets.text_area import SnTextArea


def markdown_language() -> str | None:
    """ "markdown" where the tree-sitter Markdown grammar is installed, else None."""
    needed = ("tree_sitter", "tree_sitter_markdown")
    return "markdown" if all(importlib.util.find_spec(m) for m in needed) else None


class FieldEditor(Vertical):
    """A labelled editor for one `## ` section."""

    # The label is one line across the field whatever it says, so a new LIX after a check
    # repaints the label alone instead of laying out the whole editor screen again.
    DEFAULT_CSS = """
    FieldEditor > .field-label {
        width: 1fr;
        height: 1;
    }
    """

    def __init__(self, name: str, *, read_only: bool, id: str) -> None:
        super().__init__(id=id, classes="field")
        self.field_name = name
        self._original = ""
        self._normal_original = ""
        self._read_only = read_only
        self.lix: float | None = None
        self._label = name  # the label's text as shown

    def compose(self) -> ComposeResult:
        yield Label(plain(self._label), classes="field-label")
        yield SnTextArea(
            "",
            soft_wrap=True,
            language=markdown_language(),
            read_only=self._read_only,
            tab_behavior="focus",
            show_line_numbers=False,
        )
        yield FindingsList()

    @property
    def editor(self) -> TextArea:
        return self.query_one(TextArea)

    @property
    def text(self) -> str:
        return self.editor.text

    @property
    def original(self) -> str:
        """The saved text that `changed` compares with."""
        return self._original

    @original.setter
    def original(self, text: str) -> None:
        self._original = text
        self._normal_original = normalise(text)  # once, not on every key

    @property
    def changed(self) -> bool:
        return normalise(self.text) != self._normal_original

    def load(self, text: str) -> None:
        """Show `text` as the saved state (undo history starts here)."""
        self.original = text
        self.editor.load_text(text)
        self.mark()

    @property
    def findings(self) -> FindingsList:
        return self.query_one(FindingsList)

    def show_check(self, findings: list[Finding], lix: float | None) -> None:
        """What `check` found in this field, and its LIX (None: not scored)."""
        self.lix = lix
        self.findings.show(findings)
        self.mark()

    def mark(self) -> None:
        changed = self.changed
        label = self.field_name + (" *" if changed else "")
        if self.lix is not None and self.text.strip():
            label += "  " + t("findings.lix", score=format_lix(self.lix))
        if label != self._label:  # a check result that changes nothing here costs nothing
            self._label = label
            self.query_one(Label).update(plain(label), layout=False)
        self.set_class(changed, "-changed")
