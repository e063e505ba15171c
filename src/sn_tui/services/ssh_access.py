"""Setting up SSH access: forced commands so a login reaches only sn-tui on one repository.

Two ways, both documented in README:
- one service account: each person's public key gets an `authorized_keys` line with
  `restrict,pty,command="sn-tui --repo R --user LOGIN"`; the key decides who you are;
- one OS account per person in a group: `ForceCommand` in sshd for that group, and the
  repository (and its database) made group-shared so every save stays writable for the others.

A database URL (with its password) is never written into the forced command, where every
session's command line shows it, nor into the world-readable sshd snippet: it goes into a file
in the Git directory that only the owner (and, for the group setup, the group) may read
(`reviewdb.location.stored_url`).
"""

from __future__ import annotations

import os
import re
import shlex
import stat
from dataclasses import dataclass
from pathlib import Path

from sn_tui.store.git import run_git
from sn_tui.store.repo import ContentRepo, RepoError

_LOGIN = re.compile(r"^[a-z_][a-z0-9_.-]*$")
_KEY = re.compile(r"^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-\S+|sk-\S+)\s+[A-Za-z0-9+/=]+")


@dataclass(frozen=True)
class KeyLine:
    login: str
    line: str
    key: str  # the key's type and base64 body, without its comment


def forced_command(sn_tui: str, repo: Path, login: str | None = None) -> str:
    parts = [*shlex.split(sn_tui), "--repo", str(repo)]
    if login:
        parts += ["--user", login]
    return shlex.join(parts)


def authorized_keys(keys_dir: Path, repo: Path, sn_tui: str) -> list[KeyLine]:
    """One `authorized_keys` line per key in each `<login>.pub` of `keys_dir`."""
    if not keys_dir.is_dir():
        raise RepoError(f"Mappen med nøgler {keys_dir} findes ikke.")
    lines: list[KeyLine] = []
    for pub in sorted(keys_dir.glob("*.pub")):
        login = pub.stem
        if not _LOGIN.match(login):
            raise RepoError(f"Filnavnet {pub.name} er ikke et gyldigt login (a-z, 0-9, _ . -).")
        command = forced_command(sn_tui, repo, login).replace('"', '\\"')
        for raw in pub.read_text(encoding="utf-8").splitlines():
            key = raw.strip()
            if not key or key.startswith("#"):
                continue
            if not _KEY.match(key):
                raise RepoError(
                    f"{pub.name} indeholder en linje, der ikke er en offentlig SSH-nøgle."
                )
            body = " ".join(key.split()[:2])
            lines.append(KeyLine(login, f'restrict,pty,command="{command}" {key}', body))
    return lines


def shared_keys(lines: list[KeyLine]) -> list[list[str]]:
    """The logins that share one key, for each key given for more than one login: sshd takes
    the first matching line, so that key always logs in as the first of them."""
    logins: dict[str, list[str]] = {}
    for line in lines:
        found = logins.setdefault(line.key, [])
        if line.login not in found:
            found.append(line.login)
    return [names for names in logins.values() if len(names) > 1]


def store_database_url(repo_path: Path, url: str, group: str | None = None) -> Path:
    """Write the database URL into the repository's Git directory, readable by the owner only
    (and by `group`, whose members each run sn-tui as themselves); returns the file."""
    from sn_tui.reviewdb.location import URL_FILE_NAME

    repo = ContentRepo.open(repo_path)
    target = repo.git_dir / URL_FILE_NAME
    repo.close()
    tmp = target.with_name(f".{target.name}.sn-tui-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        if group is not None:
            os.fchown(fd, -1, _group_id(group))
            os.fchmod(fd, 0o640)
        else:
            os.fchmod(fd, 0o600)  # whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(url.strip() + "\n")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _group_id(group: str) -> int:
    import grp

    try:
        return grp.getgrnam(group).gr_gid
    except KeyError as exc:
        raise RepoError(f"Gruppen '{group}' findes ikke på denne maskine.") from exc


def sshd_snippet(group: str, repo: Path, sn_tui: str) -> str:
    """sshd_config lines: members of `group` get sn-tui and nothing else."""
    return (
        f"# sn-tui: medlemmer af gruppen {group} kommer kun ind i sn-tui\n"
        f"Match Group {group}\n"
        f"    ForceCommand {forced_command(sn_tui, repo)}\n"
        "    PermitTTY yes\n"
        "    DisableForwarding yes\n"
        "    PermitUserRC no\n"
    )


def install_push_hook(path: Path, sn_tui: str) -> Path:
    """Install (or update) the pre-receive hook that runs `sn_tui hook pre-receive`, so the
    shared repository refuses what adgang.yml does not allow, whoever pushes with plain git."""
    from sn_tui.store.hooks import install_hook

    repo = ContentRepo.open(path)
    try:
        return install_hook(repo, sn_tui)
    finally:
        repo.close()


def share_repository(path: Path, group: str | None = None) -> int:
    """Make the repository group-shared: core.sharedRepository=group, group-writable, setgid dirs.

    Returns how many files and folders were changed.
    """
    repo = ContentRepo.open(path)
    run_git(repo.git_dir, ["config", "core.sharedRepository", "group"])
    gid = None if group is None else _group_id(group)
    roots = [repo.git_dir] + ([repo.work_tree] if repo.work_tree else [])
    changed = 0
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            for name in [*dirnames, *filenames, None]:
                target = Path(dirpath) if name is None else Path(dirpath) / name
                if name is not None and name in dirnames:
                    continue  # visited as its own dirpath
                changed += _make_shared(target, gid)
    repo.close()
    return changed


def _make_shared(target: Path, gid: int | None) -> int:
    info = target.lstat()
    if stat.S_ISLNK(info.st_mode):
        return 0
    mode = info.st_mode | stat.S_IRGRP | stat.S_IWGRP
    if stat.S_ISDIR(info.st_mode):
        mode |= stat.S_IXGRP | stat.S_ISGID
    elif info.st_mode & stat.S_IXUSR:
        mode |= stat.S_IXGRP
    touched = 0
    if gid is not None and info.st_gid != gid:
        os.chown(target, -1, gid)
        touched = 1
    if stat.S_IMODE(mode) != stat.S_IMODE(info.st_mode):
        target.chmod(stat.S_IMODE(mode))
        touched = 1
    return touched
