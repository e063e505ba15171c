"""`sn-tui review …`: sign-offs, the status matrix, history, the personal queue and rounds.

Only this command loads the review layer; the other commands never import it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sn_tui.cli.exits import EXIT_OK
from sn_tui.cli.output import print_json
from sn_tui.cli.workspace import open_workspace, warn_unreadable
from sn_tui.domain.danish import format_date
from sn_tui.domain.reviews.records import STATUS_SYMBOLS
from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.domain.reviews.matrix import Matrix
    from sn_tui.domain.reviews.records import Review
    from sn_tui.domain.reviews.rounds import RoundStatus
    from sn_tui.domain.unreadable import Unreadable
    from sn_tui.services.reviews import Reviews


def review(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    reviews = ws.reviews
    command = args.review_command
    if command == "round" and args.round_command == "start":  # faggrupper by id or navn
        args.groups = ",".join(ws.group_id(g) for g in args.groups.split(",") if g.strip())
    if command in ("approve", "request-changes", "comment"):
        return _record(reviews, args)
    if command == "status":
        return _status(reviews, args, ws.unreadable())
    if command == "history":
        return _history(reviews, args)
    if command == "queue":
        return _queue(reviews, args)
    return _round(reviews, args)


def _record(reviews: Reviews, args: argparse.Namespace) -> int:
    recorded = reviews.record(args.id, args.group, args.verdict, args.comment)
    verdict = t(f"review.verdict_{recorded.verdict}").capitalize()
    blob = recorded.blob[:10]
    print(t("cli.review.recorded", verdict=verdict, id=args.id, group=args.group, blob=blob))
    return EXIT_OK


def _status(reviews: Reviews, args: argparse.Namespace, unreadable: list[Unreadable]) -> int:
    """The matrix of `main` (or of a round); files that could not be read are named after it,
    and on stderr, so no indsats is missing from it without a word."""
    status = reviews.round_status(args.round) if args.round else None
    matrix = status.matrix if status is not None else reviews.matrix()
    warn_unreadable(unreadable)
    if args.format == "json":
        data = matrix_json(matrix)
        if status is not None:
            data["round"] = _round_json(status)
        data["ulaeselige"] = [
            {"path": u.path, "linje": u.line, "kode": u.code, "grund": u.message}
            for u in unreadable
        ]
        print_json(data)
        return EXIT_OK
    if status is not None:
        print(_round_heading(status))
    print(matrix_table(matrix))
    for u in unreadable:
        print(t("badfiles.list_row", path=u.path, line=u.line, reason=u.message))
    return EXIT_OK


def _history(reviews: Reviews, args: argparse.Namespace) -> int:
    items = reviews.history(args.id)
    if args.format == "json":
        print_json([_review_json(r) for r in items])
        return EXIT_OK
    if not items:
        print(t("cli.review.no_history", id=args.id))
    for r in items:
        print(
            t(
                "cli.review.history_line",
                when=format_date(r.created_at.astimezone()),
                group=r.faggruppe,
                login=r.login,
                verdict=t(f"review.verdict_{r.verdict}"),
                comment=f": {r.comment}" if r.comment else "",
                blob=r.blob[:10],
            )
        )
    return EXIT_OK


def _queue(reviews: Reviews, args: argparse.Namespace) -> int:
    cells = reviews.queue()
    if args.format == "json":
        print_json(
            [{"id": c.indsats_id, "group": c.group, "status": c.status.value} for c in cells]
        )
        return EXIT_OK
    if not cells:
        print(t("cli.review.queue_empty"))
    for c in cells:
        print(f"{c.indsats_id}  {c.group}  {t(f'review.status_{c.status.value}')}")
    return EXIT_OK


def _round(reviews: Reviews, args: argparse.Namespace) -> int:
    if args.round_command == "start":
        groups = [g.strip() for g in args.groups.split(",") if g.strip()]
        ids = [i.strip() for i in args.indsatser.split(",") if i.strip()]
        started = reviews.start_round(args.name, args.deadline, groups or None, ids or None)
        deadline = format_date(started.deadline)
        print(t("cli.review.round_started", name=started.name, deadline=deadline))
        return EXIT_OK
    if args.round_command == "extend":
        extended = reviews.extend_round(args.name, args.deadline)
        deadline = format_date(extended.deadline)
        print(t("people.round_extended", name=extended.name, deadline=deadline))
        return EXIT_OK
    if args.round_command == "close":
        closed = reviews.close_round(args.name)
        print(t("cli.review.round_closed", name=closed.name))
        return EXIT_OK
    status = reviews.round_status(args.name)
    if args.format == "json":
        print_json({"round": _round_json(status), **matrix_json(status.matrix)})
        return EXIT_OK
    print(_round_heading(status))
    for group, progress in status.per_group().items():
        print(f"  {group:<20} " + t("cli.review.group_approved", progress=progress.label))
    if status.overdue:
        print(t("cli.review.overdue", ids=", ".join(status.overdue)))
    return EXIT_OK


def matrix_table(matrix: Matrix) -> str:
    """The matrix as a table for the terminal: one row per indsats, one column per group."""
    width = max((len(i) for i in matrix.indsatser), default=6)
    cols = [g[:10] for g in matrix.groups]
    head = (
        f"{t('cli.review.column_indsats'):<{width}}  "
        + " ".join(f"{c:^10}" for c in cols)
        + f"  {t('cli.review.column_status')}"
    )
    lines = [head, "-" * len(head)]
    ready_word = t("cli.review.ready")
    for ident in matrix.indsatser:
        cells = []
        for group in matrix.groups:
            cell = matrix.cell(ident, group)
            cells.append(f"{STATUS_SYMBOLS[cell.status] if cell else '':^10}")
        progress = matrix.progress(ident)
        ready = ready_word if progress.klar else progress.label
        lines.append(f"{ident:<{width}}  " + " ".join(cells) + f"  {ready}")
    klar = t("cli.review.klar", klar=matrix.klar_count, count=len(matrix.indsatser))
    lines += ["", t("cli.review.legend"), klar]
    return "\n".join(lines)


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


def _round_heading(status: RoundStatus) -> str:
    r = status.round
    return t(
        "cli.review.round_heading",
        name=r.name,
        state=t("cli.review.state_open" if r.closed_at is None else "cli.review.state_closed"),
        deadline=format_date(r.deadline),
        late=t("cli.review.past_deadline") if status.past_deadline else "",
        klar=status.klar_count,
        count=status.indsats_count,
    )


def _round_json(status: RoundStatus) -> dict[str, Any]:
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


def _review_json(r: Review) -> dict[str, Any]:
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
