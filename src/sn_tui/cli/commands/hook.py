"""`sn-tui hook pre-receive`: the shared repository's verdict on a push, run by its git hook.

Git gives the hook one line per ref on stdin and shows what it writes on stderr to the pusher
(as `remote: …`); a non-zero exit refuses the whole push.
"""

from __future__ import annotations

import argparse
import sys

from sn_tui.cli.exits import EXIT_OK

EXIT_REFUSED = 1


def pre_receive(args: argparse.Namespace) -> int:
    from sn_tui.services.compared import resolve_repo_path
    from sn_tui.services.push_guard import judge_received, pusher

    refusals = judge_received(resolve_repo_path(args.repo), pusher(), sys.stdin.readlines())
    for sentence in refusals:
        print(f"sn-tui: {sentence}", file=sys.stderr)
    return EXIT_REFUSED if refusals else EXIT_OK
