"""`git fetch` and `git push` over the same SSH login as the TUI, through the forced command.

The forced command is `sn-tui --repo R --user LOGIN` (or the OS login); when the SSH client
asks for git's upload or receive service, sn-tui runs git on R itself, naming the login for
the pre-receive hook. Any other requested command never runs.
"""

from __future__ import annotations

import os

from sn_tui.services.compared import resolve_repo_path
from sn_tui.services.workspace import resolve_login
from sn_tui.store.repo import ContentRepo
from sn_tui.store.serve import exec_git_service, requested_service


def serve_git_if_asked(repo_arg: str | None, user_arg: str | None) -> None:
    """Become git's service on this repository if the SSH client asked for one; else return."""
    service = requested_service(os.environ.get("SSH_ORIGINAL_COMMAND"))
    if service is None:
        return
    repo = ContentRepo.open(resolve_repo_path(repo_arg))
    git_dir = repo.git_dir
    repo.close()
    exec_git_service(git_dir, service, resolve_login(user_arg))
