"""Editing from scripts: `set` (one key or field), `new` (an indsats from the template) and
`delete`. Each save is one commit; a save that conflicts ends the command with exit code 3, one
that would add personal data is refused (exit 2) unless `--force` is given."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sn_tui.cli.exits import EXIT_OK, UsageError
from sn_tui.cli.workspace import open_workspace
from sn_tui.i18n import t

_STRING_KEYS = {"titel", "kategori", "id"}  # kept as text even when they read as YAML numbers


def set_value(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    base = ws.resolve(args.base).commit if args.base else None
    if args.field:
        if not args.text_file or args.key:
            raise UsageError(t("cli.editing.set_usage"))
        if args.text_file == "-":
            text = sys.stdin.read()
        else:
            text = Path(args.text_file).read_text(encoding="utf-8")
        with _personal_data_refused():
            result = ws.set_field(args.id, args.field, text, base, force=args.force)
    else:
        if args.key is None or args.value is None:
            raise UsageError(t("cli.editing.set_usage"))
        value = _parse_value(args.key, args.value)
        with _personal_data_refused():
            result = ws.set_meta(args.id, args.key, value, base, force=args.force)
    if result.changed:
        merged = t("cli.editing.merged") if result.merged else ""
        print(t("cli.editing.saved", commit=str(result.commit)[:10], merged=merged))
    else:
        print(t("cli.editing.unchanged"))
    return EXIT_OK


@contextmanager
def _personal_data_refused() -> Iterator[None]:
    """A save refused for personal data ends the command with the findings and `--force`."""
    from sn_tui.services.personal_data import PersonalDataFound, describe

    try:
        yield
    except PersonalDataFound as exc:
        raise UsageError(t("guard.cli_personal_data", found=describe(exc.findings))) from exc


def _parse_value(key: str, raw: str) -> object:
    """The value as YAML reads it (numbers, lists, true/false), else the text as given."""
    import yaml

    if key.split(".")[-1] in _STRING_KEYS:
        return raw
    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError:
        return raw
    return raw if isinstance(value, dict) or (value is None and raw.strip()) else value


def new(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    groups = [ws.group_id(g) for g in args.faggrupper.split(",") if g.strip()]
    with _personal_data_refused():
        result = ws.create_indsats(args.id, args.titel, args.kategori, groups, force=args.force)
    print(t("cli.editing.created", id=args.id, commit=str(result.commit)[:10]))
    return EXIT_OK


def delete(args: argparse.Namespace) -> int:
    result = open_workspace(args).delete_indsats(args.id)
    print(t("cli.editing.deleted", id=args.id, commit=str(result.commit)[:10]))
    return EXIT_OK
