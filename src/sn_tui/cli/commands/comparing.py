"""Comparing and exporting: `diff` (two versions), `export` (one whole version) and
`dagsorden` (the committee's agenda item for a change), written to stdout or to a file that is
either whole or absent."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sn_tui.cli.exits import EXIT_OK, UsageError
from sn_tui.cli.workspace import open_workspace, revision_at, warn_unreadable
from sn_tui.domain.inert import visible
from sn_tui.i18n import t
from sn_tui.services.workspace import write_atomically


def diff(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    color = (
        args.format == "text"
        and args.output in (None, "-")
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    data = ws.rendered_comparison(args.a, args.b, args.format, color=color)
    warn_unreadable(ws.unreadable(args.a, args.b))
    _write_output(data, args.output, args.format)
    if args.output not in (None, "-"):
        print(t("cli.comparing.diff_written", path=args.output), file=sys.stderr)
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    snapshot, data = ws.render_document(revision_at(ws, args.at), args.format)
    warn_unreadable(snapshot.unreadable)
    _write_output(data, args.output, args.format)
    if args.output != "-":
        label = snapshot.revision.label
        print(t("cli.comparing.export_written", version=label, path=args.output), file=sys.stderr)
    return EXIT_OK


def dagsorden(args: argparse.Namespace) -> int:
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
    write_atomically(Path(target), data)
