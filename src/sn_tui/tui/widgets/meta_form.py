"""The frontmatter as a small form: titel, kategori, faggrupper, budget and antal, validated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from sn_tui.domain.edits import (
    ANTAL,
    BUDGET,
    FAGGRUPPER,
    KATEGORI,
    META_KEYS,
    TITEL,
    input_meaning,
    parse_meta_inputs,
)
from sn_tui.i18n import t
from sn_tui.tui.safe_text import plain
from sn_tui.tui.widgets.text_entry import SnInput

_IDS = {
    TITEL: "meta-titel",
    KATEGORI: "meta-kategori",
    FAGGRUPPER: "meta-faggrupper",
    BUDGET: "meta-budget",
    ANTAL: "meta-antal",
}
_LABELS = {
    TITEL: "form.titel",
    KATEGORI: "form.kategori",
    FAGGRUPPER: "form.faggrupper",
    BUDGET: "form.budget",
    ANTAL: "form.antal",
}


class MetaForm(Vertical):
    """Shows problems inline as the user types; `values()` are only the changed, valid keys."""

    def __init__(self, *, read_only: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self._read_only = read_only
        self.original: dict[str, str] = {}
        self._inputs: dict[str, Input] = {}
        self.known_groups: dict[str, str] = {}
        self.problems: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        with Grid(id="meta-grid"):
            for key in META_KEYS:
                yield Label(t(_LABELS[key]), classes="meta-label")
                yield SnInput(
                    id=_IDS[key],
                    compact=True,
                    disabled=self._read_only,
                    type="text",
                )
        yield Static("", id="meta-problems", markup=False)

    def load(
        self, texts: Mapping[str, str], groups: Mapping[str, str], kategorier: Sequence[str]
    ) -> None:
        """`groups`: faggruppe id -> navn; either may be typed."""
        self.original = dict(texts)
        self.known_groups = dict(groups)
        for key in META_KEYS:
            self.input(key).value = texts.get(key, "")
        self.input(KATEGORI).suggester = SuggestFromList(kategorier, case_sensitive=False)
        self.input(FAGGRUPPER).placeholder = ", ".join(groups.values())
        self.input(FAGGRUPPER).suggester = SuggestFromList(
            list(groups.values()), case_sensitive=False
        )
        self.validate()

    def input(self, key: str) -> Input:
        found = self._inputs.get(key)
        if found is None:  # found once: a query walks the form's widgets (asked on every key)
            found = self._inputs[key] = self.query_one(f"#{_IDS[key]}", Input)
        return found

    def texts(self) -> dict[str, str]:
        return {key: self.input(key).value for key in META_KEYS}

    def _touched(self, key: str, texts: Mapping[str, str]) -> bool:
        """Whether the user changed what `key` means (not only how it is written)."""
        return input_meaning(key, texts[key]) != input_meaning(key, self.original.get(key, ""))

    @property
    def changed(self) -> bool:
        texts = self.texts()
        return any(self._touched(k, texts) for k in META_KEYS)

    def values(self) -> dict[str, Any]:
        """Valid values of the keys whose text the user changed (keys dotted)."""
        texts = self.texts()
        parsed, problems = parse_meta_inputs(texts, self.known_groups)
        return {k: v for k, v in parsed.items() if k not in problems and self._touched(k, texts)}

    def validate(self) -> dict[str, tuple[str, str]]:
        texts = self.texts()
        _values, problems = parse_meta_inputs(texts, self.known_groups)
        # Only what the user touched is a problem of this edit; old files may lack a key.
        self.problems = {k: p for k, p in problems.items() if self._touched(k, texts)}
        for key in META_KEYS:
            self.input(key).set_class(key in self.problems, "-invalid")
        lines = [self.explain(key) for key in self.problems]
        box = self.query_one("#meta-problems", Static)
        box.update(plain("\n".join(lines)))
        box.display = bool(lines)
        return self.problems

    def explain(self, key: str) -> str:
        code, detail = self.problems[key]
        return t(f"form.problem_{code}", field=t(_LABELS[key]), detail=detail)

    def focus_first_problem(self) -> None:
        for key in META_KEYS:
            if key in self.problems:
                self.input(key).focus()
                return

    @on(Input.Changed)
    def _changed(self) -> None:
        self.validate()
