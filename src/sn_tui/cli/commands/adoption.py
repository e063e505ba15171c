"""`adopt`: main becomes a new adopted version (a tag), if `check` finds no errors.

The review summary is printed first; with an indsats not klar the command needs `--yes`.
"""

from __future__ import annotations

import argparse

from sn_tui.cli.exits import EXIT_OK
from sn_tui.cli.workspace import open_workspace
from sn_tui.i18n import t


def adopt(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    ws.adopter()  # who may not adopt learns that first, not the review state
    summary = ws.adoption_summary()
    print("\n".join(summary.lines()), flush=True)
    tag = ws.adopt(
        date=args.date,
        udvalg=args.udvalg,
        punkt=args.punkt,
        moededato=args.moededato,
        ikraft=args.ikraft,
        confirmed=args.yes,
    )
    print(t("cli.adoption.adopted", tag=tag))
    return EXIT_OK
