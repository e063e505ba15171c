"""`sn-tui datagrundlag`: the numbers per indsats and year (text or JSON), and
`sn-tui datagrundlag import FIL --aar Å`: an økonomisystem's CSV or XLSX as one year, in one
commit; a dry run shows what would change. Every problem in the file is one line on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sn_tui.cli.exits import EXIT_ERROR, EXIT_OK
from sn_tui.cli.output import print_json
from sn_tui.cli.workspace import open_workspace, revision_at
from sn_tui.export.datagrundlag import report_lines
from sn_tui.i18n import t
from sn_tui.services.datagrundlag.service import ImportRefused
from sn_tui.services.outcomes import DatagrundlagImport

_SHOWN_PROBLEMS = 200  # a wrong export can have thousands; the first ones tell what is wrong


def datagrundlag(args: argparse.Namespace) -> int:
    if args.data_command == "import":
        return _import(args)
    ws = open_workspace(args)
    view = ws.datagrundlag_view(revision_at(ws, args.at))
    if args.aar is not None and args.aar not in view.years:
        years = ", ".join(str(y) for y in view.years) or "–"
        print(
            f"sn-tui: {t('datagrundlag.report.no_year', aar=args.aar, years=years)}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if args.format == "json":
        print_json(view.to_json(args.aar))
    elif not view.years:
        print(t("datagrundlag.report.none"))
    else:
        print("\n".join(report_lines(view, args.aar)).rstrip("\n"))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    try:
        plan = ws.datagrundlag_import_plan(
            Path(args.file), args.aar, sheet=args.ark, kilde=args.kilde
        )
    except ImportRefused as exc:
        print(f"sn-tui: {exc}", file=sys.stderr)
        for problem in exc.problems[:_SHOWN_PROBLEMS]:
            print(problem, file=sys.stderr)
        rest = len(exc.problems) - _SHOWN_PROBLEMS
        if rest > 0:
            print(t("datagrundlag.report.more", count=rest), file=sys.stderr)
        return EXIT_ERROR
    if args.dry_run:
        if args.format == "json":
            print_json(plan.to_json())
        else:
            print("\n".join([*_plan_lines(plan), t("datagrundlag.report.dry_run")]))
        return EXIT_OK
    commit = ws.run_datagrundlag_import(plan)
    if args.format == "json":
        print_json({**plan.to_json(), "commit": commit})
        return EXIT_OK
    done = (
        t("datagrundlag.report.done", commit=commit[:10])
        if commit
        else t("datagrundlag.report.nothing")
    )
    print("\n".join([*_plan_lines(plan), done]))
    return EXIT_OK


def _plan_lines(plan: DatagrundlagImport) -> list[str]:
    lines = [t("datagrundlag.report.plan", source=plan.source, aar=plan.aar, rows=len(plan.rows))]
    for change in plan.changes:
        if change.state != "uændret":
            lines.append(
                t(
                    "datagrundlag.report.change_line",
                    state=t(f"datagrundlag.state.{change.state}"),
                    indsats=change.indsats,
                )
            )
    return lines
