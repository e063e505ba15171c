"""The shared repository's pre-receive hook: installed by `sn-tui ssh-setup`, found by `check`.

The hook is a two-line script that runs `sn-tui hook pre-receive`, so the rules themselves stay
Python (`sn_tui.domain.push_rules`). Git finds hooks where `core.hooksPath` says, else in
`hooks/` of the Git directory; both are respected by asking git for the path.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from sn_tui.i18n import t
from sn_tui.store.git import git_out
from sn_tui.store.repo import ContentRepo, RepoError

HOOK = "pre-receive"
MARKER = "# sn-tui pre-receive"


def hook_path(repo: ContentRepo) -> Path:
    path = Path(git_out(repo.git_dir, ["rev-parse", "--git-path", f"hooks/{HOOK}"]))
    return path if path.is_absolute() else repo.git_dir / path


def hook_installed(repo: ContentRepo) -> bool:
    """Whether sn-tui's hook is in place and git will run it."""
    path = hook_path(repo)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return MARKER in text and os.access(path, os.X_OK)


def install_hook(repo: ContentRepo, program: str) -> Path:
    """Write (or update) the hook that runs `program hook pre-receive` on this repository.
    Another tool's pre-receive hook is left alone: that is refused with a sentence."""
    path = hook_path(repo)
    if path.exists() and MARKER not in path.read_text(encoding="utf-8", errors="replace"):
        raise RepoError(t("remote.hook_foreign", path=path))
    command = shlex.join([*shlex.split(program), "hook", HOOK, "--repo", str(repo.git_dir)])
    text = f"#!/bin/sh\n{MARKER}: the rights of adgang.yml, where pushes arrive\nexec {command}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.sn-tui-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    tmp.chmod(0o775 if repo_shared(repo) else 0o755)
    os.replace(tmp, path)
    return path


def repo_shared(repo: ContentRepo) -> bool:
    value = git_out(repo.git_dir, ["config", "--get", "core.sharedRepository"], check=False)
    return value.strip().lower() in ("group", "true", "1", "all", "world", "everybody")
