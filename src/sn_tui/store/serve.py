"""Serving `git push` and `git fetch` through the forced command: the SSH login stays known.

Over SSH a `git push` asks the server to run `git-receive-pack 'PATH'`; the forced command
(`sn-tui --repo R --user LOGIN`) receives that as `SSH_ORIGINAL_COMMAND` and runs git itself,
always on its own repository, with the login in `SN_PUSHER` for the pre-receive hook.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import NoReturn

from sn_tui.store.git import git_env

PUSHER_ENV = "SN_PUSHER"
_SERVICES = {"git-receive-pack": "receive-pack", "git-upload-pack": "upload-pack"}


def requested_service(original_command: str | None) -> str | None:
    """`receive-pack` or `upload-pack` when the SSH client asked for a push or a fetch."""
    try:
        words = shlex.split(original_command or "")
    except ValueError:
        return None
    if len(words) == 3 and words[0] == "git":  # the older spelling, `git upload-pack 'PATH'`
        words = [f"git-{words[1]}", words[2]]
    if len(words) != 2:
        return None
    return _SERVICES.get(words[0])


def exec_git_service(git_dir: Path, service: str, pusher: str) -> NoReturn:
    """Become `git <service> <git_dir>` (stdin and stdout are the client's), the pusher named."""
    os.execvpe("git", ["git", service, str(git_dir)], git_env({PUSHER_ENV: pusher}))
