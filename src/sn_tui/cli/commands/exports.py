"""`sn-tui hent [NAVN]`: one file from the user's export folder to stdout, or the folder listed.

Over SSH this is how an export reaches the user's own PC without a shell:
`ssh -T host hent NAVN > NAVN` (the forced command runs it, see `cli.ssh_command`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import shutil
import sys

from sn_tui.cli.exits import EXIT_OK, UsageError
from sn_tui.domain.danish import format_date, format_number
from sn_tui.i18n import t
from sn_tui.services.exports import ExportFolder, fetch_command, over_ssh
from sn_tui.services.workspace import resolve_login


def hent(args: argparse.Namespace) -> int:
    folder = ExportFolder(resolve_login(args.user))
    if args.name is None:
        files = folder.files()
        for found in files:
            when = dt.datetime.fromtimestamp(found.modified)
            shown = f"{format_date(when)} {when:%H:%M}"
            print(t("exports.listed", name=found.name, size=format_number(found.size), when=shown))
        if not files:
            print(t("exports.empty"))
        return EXIT_OK
    with folder.open(args.name) as handle:
        if sys.stdout.isatty():  # over SSH: `ssh -t host hent NAVN` forgot `-T` and `> NAVN`
            quoted = shlex.quote(args.name)
            command = fetch_command(args.name) if over_ssh() else f"sn-tui hent {quoted} > {quoted}"
            raise UsageError(t("exports.to_terminal", command=command))
        sys.stdout.flush()
        shutil.copyfileobj(handle, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return EXIT_OK
