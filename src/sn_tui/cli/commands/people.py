"""`people` (adgang.yml), `groups` (faggrupper.yml), `deleted` and `restore`: an admin's
changes to who may do what, each one commit, and deleted indsatser brought back."""

from __future__ import annotations

import argparse

from sn_tui.cli.exits import EXIT_OK, UsageError
from sn_tui.cli.output import print_json
from sn_tui.cli.workspace import open_workspace
from sn_tui.domain.danish import format_date
from sn_tui.i18n import t
from sn_tui.services.workspace import Workspace


def people(args: argparse.Namespace) -> int:
    from sn_tui.services.outcomes import PersonChange

    ws = open_workspace(args)
    if args.people_command == "list":
        problem = ws.adgang_problem()
        if problem:  # an empty list would hide that adgang.yml cannot be read
            raise UsageError(problem)
        listed = ws.people()
        if args.format == "json":
            print_json([_person_json(p) for p in listed])
        for person in listed if args.format == "text" else ():
            print(
                t(
                    "people.listed",
                    login=person.login,
                    navn=person.navn,
                    email=person.email,
                    faggrupper=", ".join(person.faggrupper) or t("people.none"),
                    roller=", ".join(person.roller) or t("people.none"),
                )
            )
        return EXIT_OK
    if args.people_command == "remove":
        return _saved(ws.remove_person(args.login).commit, "people.saved")
    change = PersonChange(
        navn=args.navn,
        email=args.email,
        faggrupper=_groups(ws, args.faggrupper),
        roller=_split(args.roller),
    )
    if args.people_command == "add":
        return _saved(ws.add_person(args.login, change).commit, "people.saved")
    if not change.as_keys():
        raise UsageError(t("people.set_nothing"))
    result = ws.set_person(args.login, change)
    return _saved(result.commit if result.changed else None, "people.saved")


def groups(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    command = args.groups_command
    if command == "list":
        listed = ws.groups()
        if args.format == "json":
            print_json(
                [
                    {"id": g.id, "navn": g.navn, "indsatser": ws.indsatser_requiring(g.id)}
                    for g in listed
                ]
            )
        for group in listed if args.format == "text" else ():
            print(t("people.group_listed", id=group.id, navn=group.navn))
        return EXIT_OK
    if command == "add":
        result = ws.add_group(args.id, args.navn)
    elif command == "rename":
        result = ws.rename_group(args.id, args.navn)
    else:
        result = ws.remove_group(args.id, args.erstat_med, drop=args.fjern_fra_indsatser)
    return _saved(result.commit if result.changed else None, "people.groups_saved")


def deleted(args: argparse.Namespace) -> int:
    found = open_workspace(args).deleted()
    if args.format == "json":
        print_json(
            [
                {
                    "id": d.id,
                    "titel": d.titel,
                    "slettet_af": d.deleted_by,
                    "slettet": d.deleted_at.isoformat(),
                }
                for d in found
            ]
        )
        return EXIT_OK
    if not found:
        print(t("restore.none_deleted"))
    for d in found:
        when = format_date(d.deleted_at)
        print(t("restore.listed", id=d.id, titel=d.titel, who=d.deleted_by, when=when))
    return EXIT_OK


def restore(args: argparse.Namespace) -> int:
    result = open_workspace(args).restore(args.id)
    print(t("restore.restored", id=args.id, commit=str(result.commit)[:10]))
    return EXIT_OK


def revert(args: argparse.Namespace) -> int:
    from sn_tui.cli.workspace import revision_at

    ws = open_workspace(args)
    result = ws.revert(args.id, revision_at(ws, args.to), args.field)
    if result.changed:
        print(t("restore.reverted", id=args.id, commit=str(result.commit)[:10]))
    else:
        print(t("restore.nothing_reverted", rev=args.to))
    return EXIT_OK


def _saved(commit: str | None, key: str) -> int:
    print(t(key, commit=commit[:10]) if commit else t("people.unchanged"))
    return EXIT_OK


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def _groups(ws: Workspace, value: str | None) -> list[str] | None:
    """Faggrupper named by id or by navn ("Jurister" for jura)."""
    names = _split(value)
    return None if names is None else [ws.group_id(name) for name in names]


def _person_json(person: object) -> dict[str, object]:
    from dataclasses import asdict

    data = asdict(person)  # type: ignore[call-overload]
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
