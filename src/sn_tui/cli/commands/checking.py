"""`check`: every finding of the rules, as lines for a person or JSON for a machine."""

from __future__ import annotations

import argparse
import sys

from sn_tui.cli.exits import EXIT_FINDINGS, EXIT_OK, UsageError
from sn_tui.cli.output import print_json
from sn_tui.cli.workspace import open_workspace
from sn_tui.domain.checks.runner import UnknownCategory, parse_only
from sn_tui.i18n import t


def check(args: argparse.Namespace) -> int:
    try:
        only = parse_only(args.only)
    except UnknownCategory as exc:
        raise UsageError(str(exc)) from exc
    workspace = open_workspace(args)
    if workspace.lacks_push_hook():
        print(f"sn-tui: {t('cli.warning', problem=t('remote.hook_missing'))}", file=sys.stderr)
    report = workspace.check_report(args.at, only)
    if args.format == "json":
        print_json(
            {
                "errors": report.errors,
                "warnings": report.warnings,
                "findings": [f.to_json() for f in report.findings],
                "accepted": [f.to_json() for f in report.accepted],
                "lix": report.lix,
            }
        )
    else:
        for finding in report.findings:
            print(finding.format())
        for accepted in report.accepted:
            print(
                t(
                    "cli.check.accepted_line",
                    path=accepted.path,
                    line=accepted.line,
                    message=accepted.message,
                )
            )
        counts = [
            t("cli.check.errors", count=report.errors),
            t("cli.check.warnings", count=report.warnings),
        ]
        if report.accepted:
            counts.append(t("cli.check.accepted", count=len(report.accepted)))
        print(", ".join(counts) + ".", file=sys.stderr)
    return EXIT_FINDINGS if report.errors else EXIT_OK
