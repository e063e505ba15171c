"""`adopt`: main becomes a new adopted version (a tag), if `check` finds no errors."""

from __future__ import annotations

import argparse

from sn_tui.cli.exits import EXIT_OK
from sn_tui.cli.workspace import open_workspace
from sn_tui.i18n import t


def adopt(args: argparse.Namespace) -> int:
    tag = open_workspace(args).adopt(
        date=args.date,
        udvalg=args.udvalg,
        punkt=args.punkt,
        moededato=args.moededato,
        ikraft=args.ikraft,
    )
    print(t("cli.adoption.adopted", tag=tag))
    return EXIT_OK
