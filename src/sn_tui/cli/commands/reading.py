"""Reading: `list` (the indsatser), `show` (one indsats) and `versions` (the adopted ones)."""

from __future__ import annotations

import argparse
import sys

from sn_tui.cli.exits import EXIT_OK
from sn_tui.cli.output import print_json
from sn_tui.cli.workspace import open_workspace, revision_at, warn_unreadable
from sn_tui.domain.danish import format_date, format_kr
from sn_tui.i18n import t


def list_indsatser(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    items, unreadable = ws.listing(revision_at(ws, args.at))
    warn_unreadable(unreadable)
    if args.format == "json":
        print_json(
            [
                {
                    "id": i.id,
                    "titel": i.titel,
                    "kategori": i.kategori,
                    "faggrupper": list(i.faggrupper),
                    "budget_kr": i.budget_kr,
                    "forventet_antal": i.forventet_antal,
                    "lovhjemmel": i.lovhjemmel,
                    "path": i.path,
                }
                for i in items
            ]
            + [
                {"path": u.path, "ulaeselig": {"linje": u.line, "kode": u.code, "grund": u.message}}
                for u in unreadable
            ]
        )
        return EXIT_OK
    width = max((len(i.id) for i in items), default=2)
    for item in items:
        print(f"{item.id:<{width}}  {item.titel}  ({item.kategori}, {format_kr(item.budget_kr)})")
    for u in unreadable:
        print(t("badfiles.list_row", path=u.path, line=u.line, reason=u.message))
    return EXIT_OK


def show(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    rev, entry = ws.indsats_at(args.id, revision_at(ws, args.at))
    if args.format == "json":
        print_json(
            {
                "id": entry.id,
                "version": rev.label,
                "commit": rev.commit,
                "blob": entry.blob,
                "meta": entry.meta,
                "fields": dict(entry.fields),
            }
        )
        return EXIT_OK
    data = ws.read_blob(entry.blob)
    sys.stdout.write(data.decode("utf-8", "replace"))
    return EXIT_OK


def versions(args: argparse.Namespace) -> int:
    adoptions = open_workspace(args).versions()
    if args.format == "json":
        print_json(
            [
                {
                    "tag": a.tag,
                    "dato": a.date.isoformat(),
                    "udvalg": a.udvalg,
                    "moededato": a.moededato.isoformat() if a.moededato else None,
                    "dagsordenpunkt": a.dagsordenpunkt,
                    "ikraft": a.ikraft.isoformat() if a.ikraft else None,
                    "vedtaget_af": a.vedtaget_af,
                }
                for a in adoptions
            ]
        )
        return EXIT_OK
    if not adoptions:
        print(t("cli.reading.no_versions"))
    for a in adoptions:
        print(
            t(
                "cli.reading.version",
                tag=a.tag,
                udvalg=a.udvalg,
                moededato=format_date(a.moededato) if a.moededato else "–",
                punkt=a.dagsordenpunkt,
                ikraft=format_date(a.ikraft) if a.ikraft else "–",
            )
        )
    return EXIT_OK
