"""A new indsats from the template: id, titel and kategori, checked as the user types."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, SelectionList, Static

from sn_tui.domain.fields import ID_PATTERN
from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.widgets.text_entry import SnInput

if TYPE_CHECKING:
    from sn_tui.domain.entry import Faggruppe

_ID = re.compile(rf"^{ID_PATTERN}$")
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


@dataclass(frozen=True)
class NewIndsats:
    id: str
    titel: str
    kategori: str
    faggrupper: tuple[str, ...]


def suggested_id(titel: str) -> str:
    """ "Fast kontaktperson (§ 32)" -> "fast-kontaktperson-32"."""
    ascii_titel = titel.casefold().translate(_ASCII)
    return re.sub(r"[^a-z0-9]+", "-", ascii_titel).strip("-")


def problems(indsats_id: str, titel: str, kategori: str, known_ids: Collection[str]) -> list[str]:
    found: list[str] = []
    if not titel.strip():
        found.append(t("new.problem_titel"))
    if not indsats_id:
        found.append(t("new.problem_id_missing"))
    elif not _ID.match(indsats_id):
        found.append(t("new.problem_id_format", id=indsats_id))
    elif indsats_id in known_ids:
        found.append(t("new.problem_id_taken", id=indsats_id))
    if not kategori.strip():
        found.append(t("new.problem_kategori"))
    return found


class NewIndsatsScreen(SnDialog[NewIndsats | None]):
    """Dismisses with the request, or None."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(
        self,
        known_ids: Collection[str],
        kategorier: Sequence[str],
        groups: Sequence[Faggruppe] = (),
    ) -> None:
        """`groups`: the faggrupper to choose from (only for a godkender or admin; none chosen
        gives the repository's standard faggrupper)."""
        super().__init__()
        self.known_ids = set(known_ids)
        self.kategorier = list(kategorier)
        self.groups = list(groups)
        self._id_touched = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("new.question"), classes="question")
            yield Label(t("new.titel"))
            yield SnInput(id="titel", compact=True)
            yield Label(t("new.id"))
            yield SnInput(id="id", compact=True, restrict=r"[a-z0-9-]*")
            yield Label(t("new.kategori"))
            yield SnInput(
                id="kategori",
                compact=True,
                suggester=SuggestFromList(self.kategorier, case_sensitive=False),
            )
            yield Static(
                t("people.kategori_offered", kategorier=", ".join(self.kategorier[:8])),
                classes="hint",
                markup=False,
            )
            if self.groups:
                yield Label(t("people.new_groups"))
                yield SelectionList[str](*[(g.navn, g.id) for g in self.groups], id="groups")
            yield Static("", id="problems", markup=False)
            yield Static(t("new.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#titel", Input).focus()
        self.query_one("#problems", Static).display = False

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    @on(Input.Changed, "#titel")
    def _titel_changed(self, event: Input.Changed) -> None:
        if not self._id_touched:
            with self.prevent(Input.Changed):
                self.query_one("#id", Input).value = suggested_id(event.value)

    @on(Input.Changed, "#id")
    def _id_changed(self) -> None:
        self._id_touched = True

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        order = ["titel", "id", "kategori"]
        name = event.input.id or ""
        if name in order[:-1]:
            self.query_one(f"#{order[order.index(name) + 1]}", Input).focus()
        else:
            self.action_ok()

    def action_ok(self) -> None:
        indsats_id = self._value("id").strip()
        titel, kategori = self._value("titel").strip(), self._value("kategori").strip()
        found = problems(indsats_id, titel, kategori, self.known_ids)
        box = self.query_one("#problems", Static)
        box.update(plain("\n".join(found)))
        box.display = bool(found)
        if not found:
            chosen: tuple[str, ...] = ()
            if self.groups:
                chosen = tuple(self.query_one("#groups", SelectionList).selected)
            self.dismiss(NewIndsats(indsats_id, titel, kategori, chosen))

    def action_cancel(self) -> None:
        self.dismiss(None)
