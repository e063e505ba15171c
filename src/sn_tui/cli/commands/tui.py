"""`sn-tui` without a command: the TUI, in a terminal, until the user quits."""

from __future__ import annotations

import argparse
import sys

from sn_tui.cli.exits import UsageError
from sn_tui.i18n import t


def tui(args: argparse.Namespace) -> int:
    from sn_tui.cli.commands.importing import ssh_request

    answered = ssh_request(args)  # a file sent with `ssh host aflever NAVN < fil`
    if answered is not None:
        return answered
    return run_tui(args.repo, args.user, args.lang, args.db)


def run_tui(repo: str | None, user: str | None, lang: str | None, db: str | None) -> int:
    """The TUI until the user quits (`tui.startup` prepares its start before Textual loads)."""
    require_terminal()
    from sn_tui.tui.startup import prepare

    start = prepare(repo, user, db)
    from sn_tui.tui.app import run_app

    return run_app(repo, user, lang=lang, db_url=db, start=start)


def require_terminal() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(t("cli.needs_terminal"))
