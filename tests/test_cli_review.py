"""`sn-tui review …` from the command line, on a real repository and a real SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import git, run_cli


def _review(repo: Path, user: str, *args: str) -> tuple[int, str, str]:
    proc = run_cli("review", *args, cwd=repo, SN_USER=user)
    return proc.returncode, proc.stdout, proc.stderr


def test_approve_then_stale_after_an_edit_then_klar(repo_path: Path) -> None:
    code, out, err = _review(
        repo_path, "ole", "approve", "familiebehandling", "--group", "myndighed"
    )
    assert code == 0, err
    assert "Godkendt: familiebehandling for myndighed" in out
    code, _out, err = _review(repo_path, "mette", "approve", "familiebehandling", "--group", "ppr")
    assert code == 0, err
    status = json.loads(_review(repo_path, "ole", "status", "--format", "json")[1])
    row = next(r for r in status["indsatser"] if r["id"] == "familiebehandling")
    assert row == {
        "id": "familiebehandling",
        "progress": "2/2",
        "klar": True,
        "cells": {"myndighed": "approved", "ppr": "approved"},
    }
    run_cli(
        "set",
        "familiebehandling",
        "--field",
        "Formål",
        "--text-file",
        "-",
        cwd=repo_path,
        stdin="Et ændret formål.",
        SN_USER="ole",
    )
    status = json.loads(_review(repo_path, "ole", "status", "--format", "json")[1])
    row = next(r for r in status["indsatser"] if r["id"] == "familiebehandling")
    assert row["cells"] == {"myndighed": "stale", "ppr": "stale"} and not row["klar"]
    table = _review(repo_path, "ole", "status")[1]
    assert "familiebehandling" in table and "!" in table


def test_refusals_are_one_danish_sentence(repo_path: Path) -> None:
    cases = [
        (("approve", "familiebehandling", "--group", "ppr"), "ole", "ikke medlem"),
        (("approve", "familiebehandling", "--group", "myndighed"), "fremmed", "adgang.yml"),
        (
            ("request-changes", "familiebehandling", "--group", "myndighed", "--comment", " "),
            "ole",
            "kommentar",
        ),
        (("approve", "findes-ikke", "--group", "myndighed"), "ole", "findes ikke"),
        (("round", "start", "R1", "--deadline", "2026-12-01"), "mette", "godkender"),
    ]
    for args, user, words in cases:
        code, _out, err = _review(repo_path, user, *args)
        assert code == 2, (args, err)
        assert err.startswith("sn-tui: ") and words in err, err
        assert "Traceback" not in err


def test_rounds_history_queue_and_the_adoption_summary(repo_path: Path) -> None:
    code, _out, err = _review(
        repo_path,
        "ole",
        "round",
        "start",
        "Høring 2027",
        "--deadline",
        "2020-01-01",
        "--groups",
        "myndighed",
    )
    assert code == 0, err
    _review(
        repo_path,
        "ole",
        "request-changes",
        "familiebehandling",
        "--group",
        "myndighed",
        "--comment",
        "Omfang mangler.",
    )
    data = json.loads(_review(repo_path, "ole", "round", "status", "--format", "json")[1])
    assert data["round"]["past_deadline"] is True
    assert set(data["round"]["overdue"]) == {"familiebehandling", "fast-kontaktperson"}
    history = _review(repo_path, "ole", "history", "familiebehandling")[1]
    assert "ændringer ønsket: Omfang mangler." in history
    queue = _review(repo_path, "ole", "queue")[1]
    assert "fast-kontaktperson  myndighed  afventer" in queue
    assert _review(repo_path, "ole", "round", "close", "Høring 2027")[0] == 0
    assert "lukket" in _review(repo_path, "ole", "round", "close", "Høring 2027")[2]
    proc = run_cli(
        "adopt",
        "--date",
        "2026-03-12",
        "--udvalg",
        "BUU",
        "--punkt",
        "2",
        "--yes",
        cwd=repo_path,
        SN_USER="ole",
    )
    assert proc.returncode == 0, proc.stderr
    message = git(repo_path, "tag", "-l", "--format=%(contents)", "vedtaget/2026-03-12")
    assert "familiebehandling: 0/2 godkendt" in message
    assert "Review-status: I alt: 0 af 2 indsatser klar" in message
