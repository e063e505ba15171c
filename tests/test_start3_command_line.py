"""The TUI's command line, read without argparse, reads as the whole parser reads it, and
what only the whole parser understands (or refuses) still goes to it."""

from __future__ import annotations

import pytest

from sn_tui.cli.command_line import parse_command_line, tui_options
from sn_tui.cli.exits import UsageError
from sn_tui.cli.parser import build_parser


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--repo", "r", "--user", "u"],
        ["--repo=r", "--lang", "en", "--db", "sqlite:///x.db"],
        ["--re", "r"],  # an abbreviation: the whole parser reads it, as before
        ["--repo", "r", "list"],
        ["check", "--format", "json"],
        ["--lang", "en", "--lang", "da"],  # the last one given, as argparse
        ["--repo=", "--user", "u"],
        ["--db=sqlite:///x", "--lang=en"],
    ],
)
def test_given_twice_or_empty_reads_as_the_whole_parser(argv: list[str]) -> None:
    assert vars(parse_command_line(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["--us", "u"], ["--lang", "fr"], ["--repo"], ["--user", "-x"], ["-h"], ["check"]]
)
def test_anything_else_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert tui_options(argv) is None


def test_a_language_there_is_none_of_is_refused_as_before() -> None:
    with pytest.raises(UsageError, match="fr"):
        parse_command_line(["--lang", "fr"])
