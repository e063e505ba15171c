"""People (`adgang.yml`) and faggrupper (`faggrupper.yml`) as sn-tui changes them.

The rules a login, a role and a faggruppe id must meet, and each change written into the file's
text so that only the lines of what changed differ (comments, order and layout stay).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, cast

from sn_tui.domain.document import DELETE, yaml_with
from sn_tui.domain.entry import Adgang
from sn_tui.domain.fields import ID_PATTERN
from sn_tui.domain.rights import ROLES

ADMIN: Final = "admin"
PEOPLE_KEY: Final = "personer"
GROUPS_KEY: Final = "faggrupper"  # in faggrupper.yml's mapping form and in a person's entry

_LOGIN = re.compile(r"[a-z0-9._-]+")  # the OS and SSH identity rules
_GROUP_ID = re.compile(ID_PATTERN)


def valid_login(login: str) -> bool:
    return bool(_LOGIN.fullmatch(login)) and login not in (".", "..")


def valid_group_id(group_id: str) -> bool:
    return bool(_GROUP_ID.fullmatch(group_id))


def unknown_roles(roles: Sequence[str]) -> list[str]:
    return [role for role in roles if role not in ROLES]


def admins(adgang: Adgang) -> list[str]:
    return [login for login, person in adgang.personer.items() if person.has_role(ADMIN)]


def raw_roles(raw: Any) -> list[str]:
    """Every role adgang.yml names (YAML data), to find one that is not a role at all."""
    people = raw.get(PEOPLE_KEY) if isinstance(raw, dict) else None
    found: list[str] = []
    for info in (people or {}).values() if isinstance(people, dict) else ():
        roles = info.get("roller") if isinstance(info, dict) else None
        found += [str(r) for r in (roles if isinstance(roles, list) else [roles] if roles else [])]
    return found


# --------------------------------------------------------------------------- adgang.yml
def with_person(text: str, login: str, changes: Mapping[str, Any], *, exists: bool) -> str:
    """adgang.yml with `login`'s keys (navn, email, faggrupper, roller) set to `changes`; a new
    person is written as one block at the end of `personer:`."""
    if not exists:
        return yaml_with(text, [PEOPLE_KEY, login], dict(changes))
    for key, value in changes.items():
        text = yaml_with(text, [PEOPLE_KEY, login, key], list(value) if _listy(value) else value)
    return text


def without_person(text: str, login: str) -> str:
    return yaml_with(text, [PEOPLE_KEY, login], DELETE)


def _listy(value: Any) -> bool:
    return isinstance(value, list | tuple)


# --------------------------------------------------------------------------- faggrupper.yml
def with_group(text: str, group_id: str, navn: str) -> str:
    """faggrupper.yml with a new group appended, laid out as the groups before it."""
    nl = "\r\n" if "\r\n" in text else "\n"
    items = _items(text)
    if not items and text.strip() and _mapping_form(text):
        return yaml_with(text, [GROUPS_KEY], [{"id": group_id, "navn": navn}])
    lines = text.splitlines(keepends=True)
    end, dash = (
        (_trim(lines, items[-1][0], items[-1][1]), items[-1][2]) if items else (len(lines), 0)
    )
    pad = " " * dash
    entry = f"{pad}- {yaml_with('', ['id'], group_id)}{pad}  {yaml_with('', ['navn'], navn)}"
    before = "".join(lines[:end])
    if before and not before.endswith("\n"):
        before += nl
    return before + entry.replace("\n", nl) + "".join(lines[end:])


def with_group_name(text: str, group_id: str, navn: str) -> str:
    """faggrupper.yml with group `group_id`'s navn line (only that line) changed."""
    lines = text.splitlines(keepends=True)
    first, stop, dash = _find(text, group_id)
    stop = _trim(lines, first, stop)
    item = "".join(lines[first:stop])
    opened = item[:dash] + "  " + item[dash + 2 :]  # the item as a plain mapping
    changed = yaml_with(opened, ["navn"], navn)
    changed = changed[:dash] + "- " + changed[dash + 2 :]
    return "".join(lines[:first]) + changed + "".join(lines[stop:])


def without_group(text: str, group_id: str) -> str:
    lines = text.splitlines(keepends=True)
    first, stop, _dash = _find(text, group_id)
    stop = _trim(lines, first, stop)
    return "".join(lines[:first]) + "".join(lines[stop:])


def _mapping_form(text: str) -> bool:
    from ruamel.yaml import YAML

    return isinstance(YAML(typ="rt").load(text), dict)


def _items(text: str) -> list[tuple[int, int, int]]:
    """Each group's (first line, line after it, column of its dash), in file order."""
    from ruamel.yaml import YAML

    root = YAML(typ="rt").load(text) if text.strip() else None
    seq: Any = root.get(GROUPS_KEY) if isinstance(root, dict) else root
    if not isinstance(seq, list) or not seq:
        return []
    lines = text.splitlines()
    lc: Any = cast(Any, seq).lc  # ruamel keeps each item's line here
    starts = [lc.item(i)[0] for i in range(len(seq))]
    found: list[tuple[int, int, int]] = []
    for i, line_no in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else len(lines)
        dash = len(lines[line_no]) - len(lines[line_no].lstrip(" "))
        found.append((line_no, stop, dash))
    return found


def _find(text: str, group_id: str) -> tuple[int, int, int]:
    from ruamel.yaml import YAML

    root = YAML(typ="rt").load(text)
    seq = root.get(GROUPS_KEY) if isinstance(root, dict) else root
    for i, item in enumerate(seq or []):
        if isinstance(item, dict) and str(item.get("id")) == group_id:
            return _items(text)[i]
    raise KeyError(group_id)


def _trim(lines: list[str], first: int, stop: int) -> int:
    """Leave trailing blank and comment-only lines to whatever follows the item."""
    while stop - 1 > first and (
        not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")
    ):
        stop -= 1
    return stop
