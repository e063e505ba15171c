"""The admin screen: a table of people and one of faggrupper. `a` adds, `enter` edits, `d`
removes, in whichever table has the focus; each change is one commit by the admin."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from sn_tui.i18n import t
from sn_tui.tui import keys
from sn_tui.tui.live.rights import RightsChanged
from sn_tui.tui.safe_text import plain, visible
from sn_tui.tui.screens.people.changing import ChangingScreen
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.domain.entry import Faggruppe, Person
    from sn_tui.tui.screens.people.forms import GroupRequest, PersonRequest


class PeopleLoaded(Message):
    def __init__(self, people: list[Person], groups: list[Faggruppe]) -> None:
        super().__init__()
        self.people = people
        self.groups = groups


class PeopleScreen(ChangingScreen):
    CSS_PATH = "people_screen.tcss"
    KEY_SCOPE: ClassVar[str] = "people"
    BINDINGS = keys.bindings("people")
    AUTO_FOCUS = "#people"

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []
        self.groups: list[Faggruppe] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="intro", markup=False)
        yield Static(t("people.table_people"), classes="heading")
        yield DataTable(cursor_type="row", id="people")
        yield Static(t("people.table_groups"), classes="heading")
        yield DataTable(cursor_type="row", id="groups")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("people.title")
        people = self.query_one("#people", DataTable)
        for key in ("login", "navn", "faggrupper", "roller"):
            people.add_column(t(f"people.col_{key}"), key=key)
        groups = self.query_one("#groups", DataTable)
        for key in ("id", "navn"):
            groups.add_column(t(f"people.col_group_{key}"), key=key)
        self._intro()
        self._load()

    def _intro(self) -> None:
        note = self.sn.rights_problem
        if note is None and not self._admin():
            note = t("people.not_admin", login=self.workspace.login)
        self.query_one("#intro", Static).update(plain(note or t("people.intro")))

    def _admin(self) -> bool:
        return self.sn.person is not None and self.sn.person.has_role("admin")

    def on_rights_changed(self, _message: RightsChanged) -> None:
        self._intro()
        self.refresh_bindings()
        self._load()

    # ------------------------------------------------------------------ loading
    @work(thread=True, exclusive=True, group="people-load", exit_on_error=False)
    def _load(self) -> None:
        workspace = self.workspace
        try:
            self.post_message(PeopleLoaded(workspace.people(), workspace.groups()))
        except Exception as exc:
            self._load_failed(exc)

    def on_people_loaded(self, message: PeopleLoaded) -> None:
        self.people, self.groups = message.people, message.groups
        names = {g.id: g.navn for g in self.groups}
        table = self.query_one("#people", DataTable)
        row = table.cursor_row
        table.clear()
        for p in self.people:
            groups = ", ".join(names.get(g, g) for g in p.faggrupper) or "-"
            roles = ", ".join(p.roller) or "-"
            table.add_row(*(visible(v) for v in (p.login, p.navn, groups, roles)), key=p.login)
        table.move_cursor(row=row, animate=False)
        gtable = self.query_one("#groups", DataTable)
        grow = gtable.cursor_row
        gtable.clear()
        for g in self.groups:
            gtable.add_row(visible(g.id), visible(g.navn), key=g.id)
        gtable.move_cursor(row=grow, animate=False)

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "remove"):
            return True if self._admin() else None
        return True

    def _on_groups(self) -> bool:
        return self.focused is self.query_one("#groups", DataTable)

    def _current_person(self) -> Person | None:
        table = self.query_one("#people", DataTable)
        return self.people[table.cursor_row] if 0 <= table.cursor_row < len(self.people) else None

    def _current_group(self) -> Faggruppe | None:
        table = self.query_one("#groups", DataTable)
        return self.groups[table.cursor_row] if 0 <= table.cursor_row < len(self.groups) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self._admin():
            self.action_edit()

    def action_add(self) -> None:
        from sn_tui.tui.screens.people.forms import GroupForm, PersonForm

        if self._on_groups():
            self.app.push_screen(GroupForm(None), self._group_chosen)
        else:
            self.app.push_screen(PersonForm(None, self.groups), self._person_chosen)

    def action_edit(self) -> None:
        from sn_tui.tui.screens.people.forms import GroupForm, PersonForm

        if self._on_groups():
            group = self._current_group()
            if group is not None:
                self.app.push_screen(GroupForm(group), self._group_chosen)
            return
        person = self._current_person()
        if person is not None:
            self.app.push_screen(PersonForm(person, self.groups), self._person_chosen)

    def action_remove(self) -> None:
        from sn_tui.tui.screens.dialogs.confirm import ConfirmScreen

        if self._on_groups():
            group = self._current_group()
            if group is not None:
                self._ask_remove_group(group)
            return
        person = self._current_person()
        if person is None:
            return
        login = person.login

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._write(
                    lambda ws: ws.remove_person(login), t("people.removed", navn=person.navn)
                )

        question = t("people.remove_question", navn=person.navn, login=login)
        self.app.push_screen(ConfirmScreen(question, t("people.key_remove")), confirmed)

    @work(thread=True, exclusive=True, group="people-using", exit_on_error=False)
    def _ask_remove_group(self, group: Faggruppe) -> None:
        using = self.workspace.indsatser_requiring(group.id)
        self.app.call_from_thread(self._show_remove_group, group, using)

    def _show_remove_group(self, group: Faggruppe, using: list[str]) -> None:
        from sn_tui.tui.screens.people.forms import DROP, RemoveGroupForm

        others = [g for g in self.groups if g.id != group.id]

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            replace = None if choice in ("", DROP) else choice
            self._write(
                lambda ws: ws.remove_group(group.id, replace, drop=choice == DROP),
                t("people.group_removed", navn=group.navn),
            )

        self.app.push_screen(RemoveGroupForm(group, using, others), chosen)

    def _person_chosen(self, request: PersonRequest | None) -> None:
        if request is None:
            return
        if request.new:
            self._write(
                lambda ws: ws.add_person(request.login, request.change),
                t("people.added", navn=request.change.navn or request.login),
            )
        else:
            self._write(
                lambda ws: ws.set_person(request.login, request.change),
                t("people.changed", login=request.login),
            )

    def _group_chosen(self, request: GroupRequest | None) -> None:
        if request is None:
            return
        if request.new:
            self._write(
                lambda ws: ws.add_group(request.id, request.navn),
                t("people.group_added", navn=request.navn),
            )
        else:
            self._write(
                lambda ws: ws.rename_group(request.id, request.navn),
                t("people.group_renamed", navn=request.navn),
            )

    def action_back(self) -> None:
        self.dismiss()
