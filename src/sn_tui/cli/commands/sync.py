"""`sync`: fetch from and push to the Git remote, for several hosts sharing one repository."""

from __future__ import annotations

import argparse
import sys

from sn_tui.cli.exits import EXIT_CONFLICT, EXIT_OK
from sn_tui.cli.inert_output import write_controls
from sn_tui.cli.workspace import open_workspace
from sn_tui.domain.inert import visible
from sn_tui.i18n import t
from sn_tui.services.workspace import Workspace


def _progress_on_terminal(line: str) -> None:
    """Git's progress on one line of the terminal, each over the last ("" clears it)."""
    write_controls(sys.stderr, f"\r{visible(line)}\x1b[K")


def sync(args: argparse.Namespace) -> int:
    progress = _progress_on_terminal if sys.stderr.isatty() else None
    workspace = open_workspace(args)
    if args.resolve:
        workspace.resolve_all_parked(args.resolve)
    try:
        result = workspace.sync(args.remote, progress)
    finally:
        if progress is not None:
            progress("")  # the progress line goes; the result or the error stands alone
    parts = [t("cli.sync.fetched", count=result.fetched)]
    if result.replayed:
        parts.append(t("cli.sync.replayed", count=result.replayed))
    parts.append(t("cli.sync.pushed") if result.pushed else t("cli.sync.nothing_to_push"))
    if result.tags_pushed:
        parts.append(t("cli.sync.tags_pushed", count=result.tags_pushed))
    if result.unsent or result.parked:
        parts.append(t("remote.unsent", count=result.unsent + len(result.parked)))
    print(t("cli.sync.done", remote=result.remote, parts=", ".join(parts)))
    for note in result.notes:  # what was not sent, and why: the rest went through
        print(f"sn-tui: {t('cli.warning', problem=note)}", file=sys.stderr)
    return _parked(workspace) if result.parked else EXIT_OK


def _parked(workspace: Workspace) -> int:
    """The saves that wait for a choice, each with its conflicting fields: exit 3."""
    from sn_tui.cli.conflicts import print_conflicts

    for change in workspace.parked_changes():
        names = ", ".join(c.name for c in change.conflicts)
        print(f"sn-tui: {t('remote.parked', titel=change.titel, names=names)}", file=sys.stderr)
        print_conflicts(change.conflicts)
    print(f"sn-tui: {t('remote.parked_how')}", file=sys.stderr)
    return EXIT_CONFLICT
