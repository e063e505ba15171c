"""Setting up: `init` (a new content repository), `demo` (the demo, then the TUI) and
`ssh-setup` (SSH access that reaches only sn-tui).

Each command imports its own service when it runs: the three share no machinery.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from sn_tui.cli.exits import EXIT_OK, UsageError
from sn_tui.i18n import t


def init(args: argparse.Namespace) -> int:
    """A new repository; what the flags leave out is asked for at a terminal."""
    from sn_tui.services.provisioning import init_repository, standard_groups
    from sn_tui.services.workspace import resolve_login

    path = Path(args.path)
    asking = sys.stdin.isatty()
    kommune = args.kommune
    if kommune is None:
        if not asking:
            raise UsageError(t("people.init_kommune_missing"))
        kommune = input(t("people.ask_kommune"))
    login = args.admin or resolve_login(args.user)
    navn = args.navn
    groups = args.faggrupper
    if asking and args.kommune is None:  # no flags given: a person answers the questions
        login = input(t("people.ask_login", login=login)).strip() or login
        navn = input(t("people.ask_navn")).strip() or None
        for group in standard_groups():
            print(f"  {group.id}: {group.navn}")
        groups = input(t("people.ask_groups")).strip() or None
    chosen = (
        None if groups in (None, "alle") else [g.strip() for g in groups.split(",") if g.strip()]
    )
    init_repository(path, kommune, login, bare=args.bare, navn=navn, groups=chosen)
    print(t("cli.setup.created", kommune=kommune.strip(), path=path))
    print(t("people.init_next", login=login))
    return EXIT_OK


def demo(args: argparse.Namespace) -> int:
    from sn_tui.cli.commands.tui import run_tui
    from sn_tui.services.provisioning import build_demo, seed_demo_reviews
    from sn_tui.services.workspace import resolve_login

    path = Path(args.path)
    if args.reset and (path / ".git").is_dir():
        shutil.rmtree(path)
    if path.exists() and any(path.iterdir()):
        if not (path / ".git").is_dir():
            raise UsageError(t("cli.setup.not_a_demo", path=path))
        print(t("cli.setup.demo_reopened", path=path))
    else:
        build_demo(path)
        reviews = seed_demo_reviews(path, args.db)
        print(t("cli.setup.demo_built", path=path, count=reviews))
    if args.no_tui:
        return EXIT_OK
    return run_tui(str(path), resolve_login(args.user, fallback="mette"), args.lang, args.db)


def ssh_setup(args: argparse.Namespace) -> int:
    from sn_tui.services import ssh_access
    from sn_tui.services.compared import resolve_repo_path

    repo = resolve_repo_path(args.repo).resolve()
    program = args.sn_tui or shutil.which("sn-tui") or f"{sys.executable} -m sn_tui"
    if args.what == "hook":
        print(t("remote.hook_installed", path=ssh_access.install_push_hook(repo, program)))
        return EXIT_OK
    if args.what == "share":
        count = ssh_access.share_repository(repo, args.group)
        print(t("cli.setup.shared", count=count))
        return EXIT_OK
    if args.what == "keys":
        if not args.keys:
            raise UsageError(t("cli.setup.keys_missing"))
        keys = ssh_access.authorized_keys(Path(args.keys), repo, program)
        for logins in ssh_access.shared_keys(keys):
            print(f"sn-tui: {_shared_key_warning(logins)}", file=sys.stderr)
        text = "".join(key.line + "\n" for key in keys)
    else:
        if not args.group:
            raise UsageError(t("cli.setup.group_missing"))
        text = ssh_access.sshd_snippet(args.group, repo, program)
    db = args.db or os.environ.get("SN_DATABASE_URL")
    if db:  # into a file only the owner (and the group) can read; never the command line
        group = None if args.what == "keys" else args.group
        stored = ssh_access.store_database_url(repo, db, group)
        who = t("escapes.db_owner") if group is None else t("escapes.db_group", group=group)
        print(f"sn-tui: {t('escapes.db_url_stored', path=stored, who=who)}", file=sys.stderr)
    if args.output:
        target = Path(args.output)
        tmp = target.with_name(target.name + ".sn-tui-tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.chmod(0o600 if args.what == "keys" else 0o644)
        os.replace(tmp, target)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _shared_key_warning(logins: list[str]) -> str:
    names = ", ".join(logins[:-1]) + f" {t('escapes.and')} {logins[-1]}"
    return t("escapes.shared_key", logins=names, first=logins[0])
