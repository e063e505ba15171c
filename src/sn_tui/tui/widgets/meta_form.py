"""The frontmatter as a small form: titel, kategori, faggrupper, budget and antal, validated.

Faggrupper are a choice list of the groups' names (arrows and space), kept as the text of ids
the other keys are: the ids in the file's order, newly chosen ones after, so that saving an
untouched list changes nothing and an id not in faggrupper.yml stays (shown by its id)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, SelectionList, Static

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
from sn_tui.tui import keys
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


class GroupChoices(SelectionList[str]):
    """Textual's choice list with its space key in the footer and help."""

    BINDINGS = keys.bindings("choices")

    def __init__(self, *, id: str, disabled: bool) -> None:
        super().__init__(id=id, disabled=disabled)
        keys.localize(self, "choices")


class MetaForm(Vertical):
    """Shows problems inline as the user types; `values()` are only the changed, valid keys."""

    def __init__(self, *, read_only: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self._read_only = read_only
        self.original: dict[str, str] = {}
        self._inputs: dict[str, Input] = {}
        self._groups_order: list[str] = []  # the chosen ids, as the text shows them
        self.known_groups: dict[str, str] = {}
        self.problems: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        with Grid(id="meta-grid"):
            for key in META_KEYS:
                yield Label(t(_LABELS[key]), classes="meta-label")
                if key == FAGGRUPPER:
                    yield GroupChoices(id=_IDS[key], disabled=self._read_only)
                    continue
                yield SnInput(
                    id=_IDS[key],
                    compact=True,
                    disabled=self._read_only,
                    type="text",
                )
        yield Static("", id="meta-problems", markup=False)
        yield Static(t("people2.groups_hint"), id="meta-groups-hint")

    def load(
        self, texts: Mapping[str, str], groups: Mapping[str, str], kategorier: Sequence[str]
    ) -> None:
        """`groups`: faggruppe id -> navn; either may be typed."""
        self.original = dict(texts)
        self.known_groups = dict(groups)
        # Faggrupper last: setting it validates, and a key not yet loaded would be marked
        # invalid and unmarked again (two restyles of its field on each opening)
        for key in sorted(META_KEYS, key=lambda k: k == FAGGRUPPER):
            self.set_text(key, texts.get(key, ""))
        self.input(KATEGORI).suggester = SuggestFromList(kategorier, case_sensitive=False)
        self.validate()

    def input(self, key: str) -> Input:
        """The text field of `key` (not faggrupper: see `field`)."""
        found = self._inputs.get(key)
        if found is None:  # found once: a query walks the form's widgets (asked on every key)
            found = self._inputs[key] = self.query_one(f"#{_IDS[key]}", Input)
        return found

    @property
    def groups(self) -> SelectionList[str]:
        return self.query_one(f"#{_IDS[FAGGRUPPER]}", SelectionList)

    def field(self, key: str) -> Widget:
        """The widget that edits `key`: a text field, or the faggrupper's choice list."""
        return self.groups if key == FAGGRUPPER else self.input(key)

    def text(self, key: str) -> str:
        return ", ".join(self._groups_order) if key == FAGGRUPPER else self.input(key).value

    def set_text(self, key: str, value: str) -> None:
        if key != FAGGRUPPER:
            self.input(key).value = value
            return
        chosen = [g for g in re.split(r"[,\s]+", value) if g]
        self._groups_order = list(dict.fromkeys(chosen))
        names = dict(self.known_groups)
        names.update({g: g for g in self._groups_order if g not in names})  # kept, not lost
        groups = self.groups
        groups.clear_options()
        groups.add_options([(n, g, g in self._groups_order) for g, n in names.items()])
        groups.highlighted = 0 if names else None
        self.validate()

    def texts(self) -> dict[str, str]:
        return {key: self.text(key) for key in META_KEYS}

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
            self.field(key).set_class(key in self.problems, "-invalid")
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
                self.field(key).focus()
                return

    @on(Input.Changed)
    def _changed(self) -> None:
        self.validate()

    @on(SelectionList.SelectedChanged)
    def _groups_changed(self) -> None:
        selected = self.groups.selected
        kept = [g for g in self._groups_order if g in selected]
        self._groups_order = kept + [g for g in selected if g not in kept]
        self.validate()
