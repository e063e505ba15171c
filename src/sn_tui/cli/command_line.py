"""The TUI's own command line, read without argparse.

`sn-tui` with no subcommand takes only --repo, --user, --lang and --db, each with its value.
Importing argparse (and the gettext it loads) and building even a parser of just those four
options took ~4 ms processor time of every start of the TUI, so such a command line is read
here; anything else (a subcommand, help, an abbreviated or unknown option, a --lang that is no
language) goes to the whole parser, `sn_tui.cli.parser`, which also gives every error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    import argparse

COMMON = ("--repo", "--user", "--lang", "--db")
LANGUAGES = ("da", "en")


def parse_command_line(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """`build_parser().parse_args(argv)`, with the TUI's command line read without it."""
    args = sys.argv[1:] if argv is None else list(argv)
    found = tui_options(args)
    if found is not None:
        return found
    from sn_tui.cli.parser import build_parser

    return build_parser().parse_args(args)


def tui_options(args: Sequence[str]) -> argparse.Namespace | None:
    """The values of `args` if they are common options only, written out in full, each with a
    value that is no option (the last of one given twice, as argparse); else None."""
    from types import SimpleNamespace

    values: dict[str, str | None] = {name[2:]: None for name in COMMON}
    rest = list(args)
    while rest:
        name, is_pair, value = rest.pop(0).partition("=")
        if not is_pair:
            if not rest:
                return None
            value = rest.pop(0)
        if name not in COMMON or value.startswith("-"):
            return None
        values[name[2:]] = value
    if values["lang"] is not None and values["lang"] not in LANGUAGES:
        return None  # argparse says which languages there are
    # argparse's Namespace is a plain attribute holder too; argparse is not imported for it
    return cast("argparse.Namespace", SimpleNamespace(**values, command=None))
