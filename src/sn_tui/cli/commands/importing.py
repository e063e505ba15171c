"""`sn-tui import`: an existing serviceniveau from Word files, web pages and Markdown files.

The dry run prints per indsats where each piece of source text goes (JSON with --format json)
and writes nothing; a real run commits everything at once and then reports `check`'s findings
in the files it wrote.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sn_tui.cli.exits import EXIT_OK
from sn_tui.cli.output import print_json
from sn_tui.cli.workspace import open_workspace
from sn_tui.i18n import t
from sn_tui.services.importing.plan import ImportPlan
from sn_tui.services.outcomes import Imported

_SHOWN_CHARS = 70


def import_sources(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    groups = [ws.group_id(g) for g in args.faggrupper.split(",") if g.strip()]
    plan = ws.import_plan([Path(s) for s in args.sources], args.kategori, groups, only_new=args.ny)
    if args.dry_run:
        if args.format == "json":
            print_json(plan.to_json())
        else:
            print("\n".join([*describe_plan(plan), t("import.report.dry_run")]))
        return EXIT_OK
    done = ws.run_import(plan, force=args.force)
    if args.format == "json":
        print_json(
            {
                **plan.to_json(),
                "commit": done.commit,
                "fund": [f.to_json() for f in done.findings],
            }
        )
    else:
        print("\n".join(describe_result(done)))
    return EXIT_OK


def receive(args: argparse.Namespace) -> int:
    """`sn-tui aflever NAVN`: stdin into the login's import folder, for the TUI's import."""
    ws = open_workspace(args)
    target = ws.receive_import_file(args.name, sys.stdin.buffer)
    print(t("import.report.received", name=target.name, folder=str(target.parent)))
    return EXIT_OK


def describe_plan(plan: ImportPlan) -> list[str]:
    """The dry run as lines: sources and notices, then per indsats where each piece went."""
    lines = [t("import.report.source_line", sources=", ".join(plan.sources)), *plan.notices]
    lines += [t("import.report.document", section=name) for name in plan.document]
    for planned in plan.indsatser:
        state = t("import.report.updated" if planned.exists else "import.report.new")
        lines.append(
            t(
                "import.report.indsats",
                titel=planned.found.titel,
                path=planned.path,
                state=state,
                kategori=planned.kategori or t("import.report.no_kategori"),
            )
        )
        for piece in planned.found.pieces:
            how = {"close": "import.report.how_close", "nearest": "import.report.how_nearest"}
            label = f"„{piece.label}“" if piece.label else t("import.report.untitled")
            lines.append(
                t(
                    "import.report.piece",
                    field=piece.field if piece.field != "økonomi" else t("import.report.economy"),
                    label=label,
                    how=t(how[piece.how]) if piece.how in how else "",
                )
            )
        if planned.missing:
            key = "import.report.missing_kept" if planned.exists else "import.report.missing"
            lines.append(t(key, fields=", ".join(planned.missing)))
    if plan.outside:
        lines.append(t("import.report.outside", count=len(plan.outside)))
        for source, text in plan.outside:
            shown = " ".join(text.split())
            if len(shown) > _SHOWN_CHARS:
                shown = shown[: _SHOWN_CHARS - 1] + "…"
            lines.append(t("import.report.outside_item", source=source, text=shown))
    if plan.guidance:
        lines.append(t("import.report.guidance", count=plan.guidance))
    return lines


def describe_result(done: Imported) -> list[str]:
    if done.commit is None:
        return [t("import.report.nothing")]
    lines = [
        t(
            "import.report.done",
            commit=done.commit[:10],
            created=done.created,
            updated=done.updated,
        )
    ]
    if not done.findings:
        return [*lines, t("import.report.check_clean")]
    errors = sum(f.severity == "error" for f in done.findings)
    lines.append(
        t("import.report.check_found", errors=errors, warnings=len(done.findings) - errors)
    )
    return lines + [f.format() for f in done.findings]
