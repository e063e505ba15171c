"""`sn-tui` without a command: the TUI, in a terminal, until the user quits; or, run as an SSH
forced command, what the client asked for (`cli.ssh_command`)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from sn_tui.cli.exits import UsageError
from sn_tui.i18n import t

if TYPE_CHECKING:  # the TUI's command line is read without argparse (`cli.command_line`)
    import argparse


def tui(args: argparse.Namespace) -> int:
    from sn_tui.cli.ssh_command import requested, run_requested

    command = requested()
    if command:  # `git fetch`/`git push` over this login, else `hent`/`aflever`
        from sn_tui.services.git_access import serve_git_if_asked

        serve_git_if_asked(args.repo, args.user)
        return run_requested(command, args)
    return run_tui(args.repo, args.user, args.lang, args.db)


def run_tui(repo: str | None, user: str | None, lang: str | None, db: str | None) -> int:
    """The TUI until the user quits (`tui.startup` prepares its start before Textual loads)."""
    require_terminal()
    from sn_tui.tui.startup import prepare

    start = prepare(repo, user, db)
    from sn_tui.tui.app import run_app

    return run_app(repo, user, lang=lang, db_url=db, start=start)


def require_terminal() -> None:
    """A terminal, or one sentence on how to get one: over SSH the login is often a forced
    command, where subcommands cannot be run, so "use the subcommands" would be wrong there."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return
    if os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_ORIGINAL_COMMAND"):
        raise UsageError(t("cli.over_ssh.needs_terminal"))
    raise UsageError(t("cli.needs_terminal"))
