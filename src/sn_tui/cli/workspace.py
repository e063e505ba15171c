"""The workspace a command works in, opened from --repo, --user and --db, and --at as a revision."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sn_tui.i18n import t
from sn_tui.services.errors import NotFound
from sn_tui.services.reading import unreadable_sentence
from sn_tui.services.workspace import Workspace

if TYPE_CHECKING:
    from sn_tui.domain.unreadable import Unreadable


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The workspace; problems with the adopted versions' tags are warnings on stderr."""
    ws = Workspace.open(args.repo, args.user, args.db)
    for problem in ws.tag_problems():
        print(f"sn-tui: {t('cli.warning', problem=problem)}", file=sys.stderr)
    return ws


def warn_unreadable(problems: Iterable[Unreadable]) -> None:
    """Each file an output left out, on stderr: the output itself says so too."""
    for problem in problems:
        print(f"sn-tui: {t('cli.warning', problem=unreadable_sentence(problem))}", file=sys.stderr)


def revision_at(ws: Workspace, at: str | None) -> str:
    """A revision name for `--at`: a date means the version in force that day."""
    if at is None:
        return "main"
    try:
        day = dt.date.fromisoformat(at)
    except ValueError:
        return at
    chosen = ws.version_in_force(day)
    if chosen is None:
        raise NotFound(t("cli.nothing_in_force", day=at))
    return str(chosen.tag)
