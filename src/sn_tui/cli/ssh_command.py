"""What a login with a forced command may ask for with `ssh host KOMMANDO`: `hent [NAVN]`
(a file from the export folder to the PC) and `aflever NAVN` (a file from the PC into the import
folder).

sshd runs the forced command (`sn-tui --repo R --user LOGIN`) whatever the client asked for
and puts the request in `SSH_ORIGINAL_COMMAND`. Without one, the TUI opens. The request is
never given to a shell or to the command-line parser (where `--user` would choose another
identity): each gets only its file name, and the login stays the forced command's.
"""

from __future__ import annotations

import os
import shlex
from typing import TYPE_CHECKING

from sn_tui.cli.exits import UsageError
from sn_tui.i18n import t

if TYPE_CHECKING:  # every start of the TUI asks `requested`; argparse only for a request
    import argparse


def requested() -> str:
    """The command the SSH client asked for; empty for a login without one (or no SSH)."""
    return os.environ.get("SSH_ORIGINAL_COMMAND", "").strip()


def run_requested(command: str, args: argparse.Namespace) -> int:
    import argparse

    from sn_tui.cli.commands import handler

    try:
        words = shlex.split(command)
    except ValueError:
        words = []
    if words[:1] == ["aflever"]:
        if len(words) != 2:
            raise UsageError(t("import.error.aflever_usage"))
        return handler("aflever")(argparse.Namespace(**{**vars(args), "name": words[1]}))
    if not words or words[0] != "hent" or len(words) > 2:
        raise UsageError(t("exports.ssh_only_hent"))
    name = words[1] if len(words) == 2 else None
    return handler("hent")(argparse.Namespace(command="hent", name=name, user=args.user))
