"""Every key binding in one table: id, default keys, action and label (from the catalogue).

Screens take their `BINDINGS` from here, so the help screen, the command palette and the
user's remapping (`keys.toml`, `[keys] save = "ctrl+s,f2"`) all read the same ids. Keys a
terminal may swallow (function keys, ctrl+enter) are never the only way to an action.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode

from sn_tui.i18n import t


@dataclass(frozen=True)
class KeySpec:
    """One action's binding: `id` is what keys.toml names."""

    id: str
    keys: str
    action: str
    label: str  # catalogue key of the description
    show: bool = True
    priority: bool = False


def _spec(
    id: str, keys: str, action: str, label: str, *, show: bool = True, priority: bool = False
) -> KeySpec:
    return KeySpec(id, keys, action, label, show, priority)


# Scopes in the order the help screen lists them.
SCOPES: dict[str, tuple[KeySpec, ...]] = {
    "app": (
        _spec("help", "f1,question_mark", "help", "keys.help"),
        _spec("palette", "ctrl+p", "command_palette", "keys.palette", priority=True),
        _spec("quit", "ctrl+q", "quit", "keys.quit", priority=True),
    ),
    "overview": (
        _spec("open", "enter", "open", "keys.open"),
        _spec("filter", "slash", "filter", "keys.filter"),
        _spec("new", "n", "new", "keys.new"),
        _spec("rename", "t", "rename", "keys.rename"),
        _spec("delete", "d,delete", "delete", "keys.delete"),
        _spec("history", "h", "history", "keys.history"),
        _spec("document", "f", "document", "keys.document"),
        _spec("versions", "v", "versions", "versions.keys.versions"),
        _spec("refresh", "r", "refresh", "keys.refresh"),
        _spec("review_matrix", "m", "review_matrix", "review_keys.matrix"),
        _spec("review_queue", "i", "review_queue", "review_keys.queue"),
        _spec("sync", "s", "sync", "live.key_sync"),
        _spec("import", "I", "import_sources", "import.keys.open"),
        _spec("people", "P", "people", "people.key_open", show=False),
        _spec("deleted", "S", "deleted", "restore.key_open", show=False),
        _spec("rounds", "R", "rounds", "people.key_rounds", show=False),
        _spec("datagrundlag", "g", "datagrundlag", "datagrundlag.keys.open"),
        _spec("clear_filter", "escape", "clear_filter", "keys.clear_filter", show=False),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "list": (
        _spec("cursor_up", "up,k", "cursor_up", "keys.cursor_up", show=False),
        _spec("cursor_down", "down,j", "cursor_down", "keys.cursor_down", show=False),
        _spec("page_up", "pageup", "page_up", "keys.page_up", show=False),
        _spec("page_down", "pagedown", "page_down", "keys.page_down", show=False),
        _spec("first", "home", "first", "keys.first", show=False),
        _spec("last", "end", "last", "keys.last", show=False),
    ),
    "editor": (
        _spec("save", "ctrl+s,f2", "save", "keys.save"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("preview", "ctrl+t", "preview", "keys.preview"),
        _spec("editor_rename", "ctrl+r", "rename", "keys.rename"),
        _spec("editor_history", "ctrl+g", "history", "keys.history"),
        _spec("editor_next_finding", "ctrl+n,f8", "next_finding", "findings.key_next"),
        _spec("editor_review", "ctrl+o", "review", "review_keys.panel"),
        _spec("editor_revert", "f9", "revert_adopted", "people2.key_revert"),
    ),
    "choices": (_spec("choice_toggle", "space", "select", "people2.key_toggle"),),
    "history": (
        _spec("history_changes", "enter,v", "changes", "keys.changes"),
        _spec("history_open", "o", "open_version", "keys.open_version"),
        _spec("history_revert", "b", "revert", "restore.key_revert"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "changes": (
        _spec("changes_open", "o", "open_version", "keys.open_version"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "conflict": (
        _spec("save", "ctrl+s,f2", "save", "keys.save_resolution"),
        _spec("conflict_mine", "ctrl+o", "take_mine", "keys.take_mine"),
        _spec("conflict_theirs", "ctrl+t", "take_theirs", "keys.take_theirs"),
        _spec("back", "escape", "back", "keys.cancel"),
    ),
    "confirm": (
        _spec("confirm", "enter,y,j", "confirm", "keys.confirm"),
        _spec("cancel", "escape,n", "cancel", "keys.cancel"),
    ),
    "unsaved": (
        _spec("unsaved_save", "g,ctrl+s", "choose('save')", "keys.unsaved_save"),
        _spec("unsaved_discard", "k", "choose('discard')", "keys.unsaved_discard"),
        _spec("unsaved_stay", "escape,b", "choose('stay')", "keys.unsaved_stay"),
    ),
    "dialog": (
        _spec("dialog_ok", "ctrl+s", "ok", "keys.ok"),
        _spec("cancel", "escape", "cancel", "keys.cancel"),
    ),
    "versions": (
        _spec("versions_compare", "c,enter", "compare", "versions.keys.compare"),
        _spec("versions_mark_a", "a", "mark_a", "versions.keys.mark_a"),
        _spec("versions_mark_b", "b", "mark_b", "versions.keys.mark_b"),
        _spec("versions_open", "o", "open_version", "versions.keys.open_version"),
        _spec("versions_adopt", "v", "adopt", "versions.keys.adopt"),
        _spec("versions_revert", "t", "revert", "people2.key_revert"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "version_view": (
        _spec("version_view_open", "enter", "open", "keys.open"),
        _spec("version_view_document", "f", "document", "keys.document"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "compare": (
        _spec("compare_open", "enter", "open_entry", "versions.keys.open_entry"),
        _spec("compare_export", "e", "export", "versions.keys.export"),
        _spec("compare_agenda", "d", "agenda", "paper.keys.agenda"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "compare_fields": (
        _spec("compare_next", "n", "next_change", "versions.keys.next_change"),
        _spec("compare_previous", "N", "previous_change", "versions.keys.previous_change"),
        _spec("compare_mode", "s", "toggle_mode", "versions.keys.toggle_mode"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "review": (
        _spec("review_approve", "g", "approve", "review_keys.approve"),
        _spec("review_changes", "e", "request_changes", "review_keys.changes"),
        _spec("review_comment", "k", "comment", "review_keys.comment"),
        _spec("back", "escape", "back", "keys.close"),
    ),
    "grid": (
        _spec("cursor_left", "left,h", "cursor_left", "review_keys.cursor_left", show=False),
        _spec("cursor_right", "right,l", "cursor_right", "review_keys.cursor_right", show=False),
    ),
    "matrix": (
        _spec("matrix_open", "enter", "open", "review_keys.panel"),
        _spec("matrix_queue", "i", "queue", "review_keys.queue"),
        _spec("matrix_refresh", "r", "refresh", "keys.refresh"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "datagrundlag": (
        _spec("data_previous_year", "p", "previous_year", "datagrundlag.keys.previous_year"),
        _spec("data_next_year", "n", "next_year", "datagrundlag.keys.next_year"),
        _spec("data_chart", "K", "toggle_chart", "datagrundlag.keys.chart"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "queue": (
        _spec("queue_open", "enter", "open", "review_keys.panel"),
        _spec("queue_matrix", "m", "matrix", "review_keys.matrix"),
        _spec("queue_refresh", "r", "refresh", "keys.refresh"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "draft": (
        _spec("draft_restore", "g", "choose('restore')", "live.key_restore"),
        _spec("draft_discard", "k", "choose('discard')", "live.key_discard"),
        _spec("draft_later", "escape,s", "choose('later')", "live.key_later"),
    ),
    "import": (
        _spec("import_choose", "enter", "choose", "import.keys.choose"),
        _spec("import_next_field", "f", "next_field", "import.keys.next_field"),
        _spec("import_previous_field", "F", "previous_field", "import.keys.previous_field"),
        _spec("import_run", "ctrl+s", "run", "import.keys.run"),
        _spec("back", "escape", "back", "keys.back"),
    ),
    "people": (
        _spec("people_add", "a", "add", "people.key_add"),
        _spec("people_edit", "enter,e", "edit", "people.key_edit"),
        _spec("people_remove", "d,delete", "remove", "people.key_remove"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "rounds": (
        _spec("rounds_start", "n", "start", "people.key_round_start"),
        _spec("rounds_extend", "f", "extend", "people.key_round_extend"),
        _spec("rounds_close", "l", "close", "people.key_round_close"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "deleted": (
        _spec("deleted_restore", "enter,g", "restore", "restore.key_restore"),
        _spec("back", "escape", "back", "keys.back"),
        _spec("quit_short", "q", "app.quit", "keys.quit", show=False),
    ),
    "help": (_spec("back", "escape,q", "back", "keys.close"),),
}

ALL: dict[str, KeySpec] = {s.id: s for specs in SCOPES.values() for s in specs}


def bindings(scope: str) -> list[BindingType]:
    """The bindings of one scope, described in the current language."""
    return [
        Binding(s.keys, s.action, t(s.label), show=s.show, priority=s.priority, id=s.id)
        for s in SCOPES[scope]
    ]


def localize(node: DOMNode, scope: str) -> None:
    """Describe `node`'s bindings of `scope` in the current language.

    A class's BINDINGS are built when its module is imported; the language is chosen later
    (`--lang`), so each screen re-reads its descriptions once, when it is created.
    """
    specs = {s.id: s for s in SCOPES[scope]}
    node._bindings = BindingsMap(
        dataclasses.replace(b, description=t(specs[b.id].label)) if b.id in specs else b
        for _key, b in node._bindings
    )


def current_keys(spec: KeySpec, keymap: Mapping[str, str]) -> str:
    """The keys an action answers to now: the user's remapping, else the default."""
    return keymap.get(spec.id, spec.keys)


def keymap_path() -> Path:
    """$XDG_CONFIG_HOME/sn-tui/keys.toml, else ~/.config/sn-tui/keys.toml."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "sn-tui" / "keys.toml"


def load_keymap(path: Path) -> tuple[dict[str, str], list[str]]:
    """The user's remapping and the problems found in it (as sentences for the user)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [t("keys.file_unreadable", path=str(path), detail=str(exc))]
    import tomllib  # only where there is a keys.toml: the TOML parser is 1-2 ms of a start

    try:
        with handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return {}, [t("keys.file_unreadable", path=str(path), detail=str(exc))]
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return {}, [t("keys.file_no_table", path=str(path))]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for key_id, value in table.items():
        if key_id not in ALL:
            problems.append(t("keys.unknown_id", id=key_id))
        elif not isinstance(value, str) or not value.strip():
            problems.append(t("keys.bad_value", id=key_id))
        else:
            keymap[key_id] = ",".join(k.strip() for k in value.split(",") if k.strip())
    return keymap, problems
