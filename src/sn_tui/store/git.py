"""Running git: one place that builds the command line, the environment and the error."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from sn_tui.domain.errors import ToolFailure


class GitError(ToolFailure):
    """A git command failed; `stderr` holds git's own words for the log, not for the user."""

    def __init__(self, args: Sequence[str], returncode: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(args)} -> {returncode}: {stderr.strip()}")
        self.args_ = list(args)
        self.returncode = returncode
        self.stderr = stderr


def git_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"
    env.setdefault("LC_ALL", "C")
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    env.pop("GIT_INDEX_FILE", None)
    if extra:
        env.update(extra)
    return env


def git_command(git_dir: Path, args: Sequence[str], *, work_tree: Path | None = None) -> list[str]:
    """The command line `run_git` runs: `git --git-dir=… [--work-tree=…] args…`."""
    # no automatic gc or maintenance from here: a command that reads writes nothing to the
    # repository, and a save holds the branch lock for milliseconds, not a repack
    cmd = [
        "git",
        "-c",
        "gc.auto=0",
        "-c",
        "maintenance.auto=false",
        f"--git-dir={git_dir.resolve()}",
    ]
    if work_tree is not None:
        cmd.append(f"--work-tree={work_tree.resolve()}")
    cmd.extend(args)
    return cmd


def run_git(
    git_dir: Path,
    args: Sequence[str],
    *,
    input: bytes | None = None,
    env: Mapping[str, str] | None = None,
    work_tree: Path | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[bytes]:
    """Run `git --git-dir=… [--work-tree=…] args…` and return the completed process."""
    cmd = git_command(git_dir, args, work_tree=work_tree)
    proc = subprocess.run(
        cmd,
        input=input,
        capture_output=True,
        env=git_env(env),
        cwd=work_tree or git_dir,
        check=False,
    )
    if check and proc.returncode != 0:
        raise GitError(args, proc.returncode, proc.stderr.decode("utf-8", "replace"))
    return proc


def git_out(git_dir: Path, args: Sequence[str], **kwargs: object) -> str:
    """Run git and return its standard output as text without the final newline."""
    proc = run_git(git_dir, args, **kwargs)  # type: ignore[arg-type]
    return proc.stdout.decode("utf-8", "replace").rstrip("\n")
