"""Comparing and exporting: `diff` (two versions), `export` (one whole version) and
`dagsorden` (the committee's agenda item for a change), written to stdout or to a file that is
either whole or absent."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sn_tui.cli.exits import EXIT_OK, UsageError
from sn_tui.domain.inert import visible
from sn_tui.i18n import t

if TYPE_CHECKING:
    import argparse

# `diff` answered from the cache loads only this module, exits, inert and i18n: the reading
# machinery (Workspace and what it is made of) is imported by the commands that use it.
_QUICK_FORMATS = ("text", "md", "html", "json")
_QUICK_VALUED = {"--format": "format", "--repo": "repo", "--user": "user", "--db": "db"}
_QUICK_VALUED.update({"--lang": "lang", "-o": "output", "--output": "output"})


def quick_diff(argv: Sequence[str]) -> int | None:
    """`sn-tui diff A B` without argparse or the Workspace, when the command line is a plain
    one (two names, options spelled out, stdout) naming two versions of a content repository:
    from the user's cache of renderings, else computed and cached. None otherwise, and then
    nothing was printed: the command runs as usual (and says what is wrong, if anything)."""
    args = _plain_diff_args(argv)
    if args is None:
        return None
    from sn_tui.services.compared import served_comparison

    fmt = args.get("format", "text")
    color = _color(fmt, None)
    rendered = served_comparison(
        args.get("repo"), args["a"], args["b"], fmt, color=color, warn=_warn, compute=True
    )
    if rendered is None:
        return None
    _warn_left_out(rendered.left_out)
    _write_output(rendered.data, None, fmt)
    return EXIT_OK


def _plain_diff_args(argv: Sequence[str]) -> dict[str, str] | None:
    """`diff`'s arguments where argparse could only read them one way (no abbreviations, no
    `-h`, no file to write), else None."""
    if not argv or argv[0] != "diff":
        return None
    found: dict[str, str] = {}
    names: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        option, eq, value = arg.partition("=")
        if arg in _QUICK_VALUED:
            value = next(rest, "-")
            if value.startswith("-"):
                return None  # argparse's error, or `-o -`: the usual way
            found[_QUICK_VALUED[arg]] = value
        elif arg.startswith("--") and eq and option in _QUICK_VALUED:
            found[_QUICK_VALUED[option]] = value
        elif arg.startswith("-"):
            return None
        else:
            names.append(arg)
    if len(names) != 2 or found.get("output", "-") != "-":
        return None
    if found.get("format", "text") not in _QUICK_FORMATS or found.get("lang", "da") not in (
        "da",
        "en",
    ):
        return None
    found["a"], found["b"] = names
    return found


def _color(fmt: str, output: str | None) -> bool:
    return (
        fmt == "text"
        and output in (None, "-")
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )


def _warn(problem: str) -> None:
    print(f"sn-tui: {t('cli.warning', problem=problem)}", file=sys.stderr)


def _warn_left_out(sentences: Iterable[str]) -> None:
    """Each file an output left out, on stderr: the output itself says so too."""
    for sentence in sentences:
        _warn(sentence)


def diff(args: argparse.Namespace) -> int:
    from sn_tui.cli.workspace import open_workspace

    ws = open_workspace(args)
    color = _color(args.format, args.output)
    rendered = ws.comparison_rendering(args.a, args.b, args.format, color=color)
    _warn_left_out(rendered.left_out)
    _write_output(rendered.data, args.output, args.format)
    if args.output not in (None, "-"):
        print(t("cli.comparing.diff_written", path=args.output), file=sys.stderr)
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    from sn_tui.cli.workspace import open_workspace, revision_at, warn_unreadable

    ws = open_workspace(args)
    snapshot, data = ws.render_document(revision_at(ws, args.at), args.format)
    warn_unreadable(snapshot.unreadable)
    _write_output(data, args.output, args.format)
    if args.output != "-":
        label = snapshot.revision.label
        print(t("cli.comparing.export_written", version=label, path=args.output), file=sys.stderr)
    return EXIT_OK


def dagsorden(args: argparse.Namespace) -> int:
    from sn_tui.cli.workspace import open_workspace

    ws = open_workspace(args)
    comparison = ws.compare(args.a, args.b)
    data = ws.render_agenda(comparison, args.format, indstilling=args.indstilling)
    _write_output(data, args.output, args.format)
    if args.output != "-":
        print(t("paper.agenda_written", path=args.output), file=sys.stderr)
    return EXIT_OK


BINARY_FORMATS = ("docx", "pdf")


def _write_output(data: bytes, target: str | None, fmt: str) -> None:
    """Write to stdout (`None` or '-'), else the whole file or nothing."""
    if target is None or target == "-":
        if fmt in BINARY_FORMATS and sys.stdout.isatty():
            raise UsageError(t("cli.comparing.docx_in_terminal"))
        if fmt in ("md", "html"):  # text for a terminal (json escapes, text is made inert)
            data = visible(data.decode("utf-8", "replace")).encode("utf-8")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from sn_tui.services.workspace import write_atomically

    write_atomically(Path(target), data)
