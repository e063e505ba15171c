"""`sn-tui review …`: sign-offs, the status matrix, history, the personal queue and rounds.

Kept apart from cli.py so the general commands never import the review layer.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sn_tui.domain.danish import format_date
from sn_tui.domain.review import STATUS_SYMBOLS as SYMBOLS
from sn_tui.domain.review_matrix import Matrix
from sn_tui.i18n import t

LEGEND = "✓ godkendt   ! forældet   ✗ ændringer ønsket   · afventer   (tom) skal ikke reviewe"


def _json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def matrix_json(matrix: Matrix) -> dict[str, Any]:
    return {
        "groups": list(matrix.groups),
        "indsatser": [
            {
                "id": ident,
                "progress": matrix.progress(ident).label,
                "klar": matrix.klar(ident),
                "cells": {c.group: c.status.value for c in matrix.row(ident)},
            }
            for ident in matrix.indsatser
        ],
        "klar": matrix.klar_count,
        "total": len(matrix.indsatser),
    }


def matrix_table(matrix: Matrix) -> str:
    width = max((len(i) for i in matrix.indsatser), default=6)
    cols = [g[:10] for g in matrix.groups]
    head = f"{'indsats':<{width}}  " + " ".join(f"{c:^10}" for c in cols) + "  status"
    lines = [head, "-" * len(head)]
    for ident in matrix.indsatser:
        cells = []
        for group in matrix.groups:
            cell = matrix.cell(ident, group)
            cells.append(f"{SYMBOLS[cell.status] if cell else '':^10}")
        progress = matrix.progress(ident)
        ready = "klar" if progress.klar else progress.label
        lines.append(f"{ident:<{width}}  " + " ".join(cells) + f"  {ready}")
    lines += ["", LEGEND, f"{matrix.klar_count} af {len(matrix.indsatser)} indsatser er klar."]
    return "\n".join(lines)


def run(ws: Any, args: argparse.Namespace) -> int:
    reviews = ws.reviews
    command = args.review_command
    if command in ("approve", "request-changes", "comment"):
        review = reviews.record(args.id, args.group, args.verdict, args.comment)
        print(
            f"{t(f'review.verdict_{review.verdict}').capitalize()}: {args.id} for {args.group} "
            f"(tekst {review.blob[:10]})."
        )
        return 0
    if command == "status":
        if args.round:
            status = reviews.round_status(args.round)
            matrix = status.matrix
        else:
            status, matrix = None, reviews.matrix()
        if args.format == "json":
            data = matrix_json(matrix)
            if status is not None:
                data["round"] = _round_json(status)
            _json(data)
        else:
            if status is not None:
                print(_round_heading(status))
            print(matrix_table(matrix))
        return 0
    if command == "history":
        items = reviews.history(args.id)
        if args.format == "json":
            _json([_review_json(r) for r in items])
            return 0
        if not items:
            print(f"Ingen reviews af {args.id} endnu.")
        for r in items:
            when = format_date(r.created_at.astimezone())
            comment = f": {r.comment}" if r.comment else ""
            label = t(f"review.verdict_{r.verdict}")
            print(f"{when}  {r.faggruppe}  {r.login}  {label}{comment}  (tekst {r.blob[:10]})")
        return 0
    if command == "queue":
        cells = reviews.queue()
        if args.format == "json":
            _json([{"id": c.indsats_id, "group": c.group, "status": c.status.value} for c in cells])
            return 0
        if not cells:
            print("Dine faggrupper mangler ikke noget.")
        for c in cells:
            print(f"{c.indsats_id}  {c.group}  {t(f'review.status_{c.status.value}')}")
        return 0
    return _round(reviews, args)


def _round(reviews: Any, args: argparse.Namespace) -> int:
    if args.round_command == "start":
        groups = [g.strip() for g in args.groups.split(",") if g.strip()]
        ids = [i.strip() for i in args.indsatser.split(",") if i.strip()]
        round_ = reviews.start_round(args.name, args.deadline, groups or None, ids or None)
        print(f"Høringsrunden '{round_.name}' er startet med frist {format_date(round_.deadline)}.")
        return 0
    if args.round_command == "close":
        round_ = reviews.close_round(args.name)
        print(f"Høringsrunden '{round_.name}' er lukket.")
        return 0
    status = reviews.round_status(args.name)
    if args.format == "json":
        _json({"round": _round_json(status), **matrix_json(status.matrix)})
    else:
        print(_round_heading(status))
        for group, progress in status.per_group().items():
            print(f"  {group:<20} {progress.label} godkendt")
        if status.overdue:
            print(f"Overskredet frist: {', '.join(status.overdue)}")
    return 0


def _round_heading(status: Any) -> str:
    r = status.round
    state = "åben" if r.closed_at is None else "lukket"
    late = ", fristen er overskredet" if status.past_deadline else ""
    return (
        f"Høringsrunde '{r.name}' ({state}), frist {format_date(r.deadline)}{late}: "
        f"{status.klar_count} af {status.indsats_count} indsatser klar."
    )


def _round_json(status: Any) -> dict[str, Any]:
    r = status.round
    return {
        "name": r.name,
        "deadline": r.deadline.isoformat(),
        "open": r.closed_at is None,
        "past_deadline": status.past_deadline,
        "klar": status.klar_count,
        "indsatser": status.indsats_count,
        "overdue": list(status.overdue),
        "groups": {g: p.label for g, p in status.per_group().items()},
    }


def _review_json(r: Any) -> dict[str, Any]:
    return {
        "indsats": r.indsats_id,
        "faggruppe": r.faggruppe,
        "login": r.login,
        "verdict": r.verdict,
        "comment": r.comment,
        "blob": r.blob,
        "commit": r.commit,
        "created_at": r.created_at.isoformat(),
    }
