"""The forms behind the admin screen: a person (faggrupper and roles as choices, never typed)
and a faggruppe; removing a faggruppe that indsatser need asks what becomes of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, SelectionList, Static

from sn_tui.domain.entry import Faggruppe, Person
from sn_tui.domain.rights import ROLES
from sn_tui.i18n import t
from sn_tui.services.outcomes import PersonChange
from sn_tui.tui import keys
from sn_tui.tui.safe_text import plain
from sn_tui.tui.screens.base import SnDialog
from sn_tui.tui.widgets.text_entry import SnInput


@dataclass(frozen=True)
class PersonRequest:
    login: str
    change: PersonChange
    new: bool


CHOICES_CSS = """
SelectionList {
    height: auto;
    max-height: 6;
}
.dialog {
    overflow-y: auto;
}
"""  # a long list of faggrupper scrolls inside the form, which fits an 80 x 24 terminal


class PersonForm(SnDialog[PersonRequest | None]):
    """Add a person (`person` None) or edit one; dismisses with the request, or None."""

    DEFAULT_CSS = CHOICES_CSS
    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, person: Person | None, groups: Sequence[Faggruppe]) -> None:
        super().__init__()
        self.person = person
        self.groups = list(groups)

    def compose(self) -> ComposeResult:
        person = self.person
        with Vertical(classes="dialog"):
            question = t("people.form_edit", login=person.login) if person else t("people.form_add")
            yield Static(plain(question), classes="question")
            yield Label(t("people.form_login"))
            yield SnInput(
                person.login if person else "", id="login", compact=True, disabled=bool(person)
            )
            yield Label(t("people.form_navn"))
            yield SnInput(person.navn if person else "", id="navn", compact=True)
            yield Label(t("people.form_email"))
            yield SnInput(person.email if person else "", id="email", compact=True)
            mine = set(person.faggrupper) if person else set()
            yield Label(t("people.form_groups"))
            yield SelectionList[str](
                *[(g.navn, g.id, g.id in mine) for g in self.groups], id="groups"
            )
            roles = set(person.roller) if person else {"redaktør"}
            yield Label(t("people.form_roles"))
            yield SelectionList[str](*[(r, r, r in roles) for r in ROLES], id="roles")
            yield Static(t("people.form_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#navn" if self.person else "#login", Input).focus()

    def action_ok(self) -> None:
        value = {
            name: self.query_one(f"#{name}", Input).value.strip()
            for name in ("login", "navn", "email")
        }
        groups = list(self.query_one("#groups", SelectionList).selected)
        roles = list(self.query_one("#roles", SelectionList).selected)
        change = PersonChange(value["navn"], value["email"] or None, groups, roles)
        self.dismiss(PersonRequest(value["login"], change, self.person is None))

    def on_input_submitted(self) -> None:
        self.action_ok()

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class GroupRequest:
    id: str
    navn: str
    new: bool


class GroupForm(SnDialog[GroupRequest | None]):
    """Add a faggruppe (`group` None) or rename one."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, group: Faggruppe | None) -> None:
        super().__init__()
        self.group = group

    def compose(self) -> ComposeResult:
        group = self.group
        with Vertical(classes="dialog"):
            question = (
                t("people.group_form_edit", group=group.id) if group else t("people.group_form_add")
            )
            yield Static(plain(question), classes="question")
            yield Label(t("people.form_group_id"))
            yield SnInput(
                group.id if group else "", id="group-id", compact=True, disabled=bool(group)
            )
            yield Label(t("people.form_group_navn"))
            yield SnInput(group.navn if group else "", id="group-navn", compact=True)
            yield Static(t("people.form_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#group-navn" if self.group else "#group-id", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_ok()

    def action_ok(self) -> None:
        ident = self.query_one("#group-id", Input).value.strip()
        navn = self.query_one("#group-navn", Input).value.strip()
        self.dismiss(GroupRequest(ident, navn, self.group is None))

    def action_cancel(self) -> None:
        self.dismiss(None)


DROP = "\0drop"  # the choice "the indsatser lose the requirement"


class RemoveGroupForm(SnDialog[str | None]):
    """Removing a faggruppe: dismisses with the faggruppe that takes over its indsatser, `DROP`,
    "" (no indsats needs it), or None (cancelled)."""

    KEY_SCOPE: ClassVar[str] = "dialog"
    BINDINGS = keys.bindings("dialog")

    def __init__(self, group: Faggruppe, using: Sequence[str], others: Sequence[Faggruppe]) -> None:
        super().__init__()
        self.group = group
        self.using = list(using)
        self.others = list(others)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if not self.using:
                yield Static(
                    plain(t("people.remove_group_question", navn=self.group.navn)),
                    classes="question",
                )
            else:
                text = t(
                    "people.remove_group_in_use",
                    navn=self.group.navn,
                    count=len(self.using),
                    ids=", ".join(self.using),
                )
                yield Static(plain(text), classes="question")
                options = [(t("people.remove_group_drop"), DROP)]
                options += [
                    (t("people.remove_group_replace", navn=g.navn), g.id) for g in self.others
                ]
                yield Select(options, value=DROP, allow_blank=False, id="replacement")
            yield Static(t("people.form_hint"), classes="hint")

    def action_ok(self) -> None:
        if not self.using:
            self.dismiss("")
            return
        value = self.query_one("#replacement", Select).value
        self.dismiss(str(value))

    def action_cancel(self) -> None:
        self.dismiss(None)
