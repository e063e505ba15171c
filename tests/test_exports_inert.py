"""Every CLI text output shows control characters inert: an OSC 0 in a titel does not retitle
the user's window, an OSC 52 in a text does not set their clipboard. `--format json` escapes.

Run as real processes on a real repository, the malicious text committed with plain git."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import indsats_text, run_cli
from exports_git import commit_all

RETITLE = "\x1b]0;HACKED\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"


def assert_inert(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr
    for text in (proc.stdout, proc.stderr):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, repr(text)
    return proc.stdout


def test_list_show_diff_versions_and_history_print_escapes_inert(repo_path: Path) -> None:
    adopted = run_cli(
        "adopt", "--date", "2026-03-12", "--udvalg", f"Børneudvalget{RETITLE}", "--punkt", "7",
        "--yes", cwd=repo_path, SN_USER="ole",
    )  # fmt: skip
    assert adopted.returncode == 0, adopted.stderr
    path = repo_path / "indsatser" / "familiebehandling.md"
    text = indsats_text("familiebehandling", "Familiebehandling", Formål=f"Støtte{CLIPBOARD}.")
    path.write_text(text.replace("titel: Familiebehandling", 'titel: "Familie\\e]0;HACKED\\a"'))
    commit_all(repo_path, "Titel med escape")
    comment = run_cli(
        "review", "comment", "familiebehandling", "--group", "myndighed",
        "--comment", f"Se her{CLIPBOARD}", cwd=repo_path, SN_USER="ole",
    )  # fmt: skip
    assert comment.returncode == 0, comment.stderr

    listed = assert_inert(run_cli("list", cwd=repo_path))
    assert "Familie␛]0;HACKED␇" in listed
    shown = assert_inert(run_cli("show", "familiebehandling", cwd=repo_path))
    assert "Støtte␛]52;c;cm0gLXJmIH4=␇." in shown
    for fmt in ("text", "md", "html"):
        diffed = assert_inert(run_cli("diff", "2026-03-12", "main", "--format", fmt, cwd=repo_path))
        assert "␛]52;c;cm0gLXJmIH4=␇" in diffed, fmt
    versions = assert_inert(run_cli("versions", cwd=repo_path))
    assert "Børneudvalget␛]0;HACKED␇" in versions
    history = assert_inert(run_cli("review", "history", "familiebehandling", cwd=repo_path))
    assert "Se her␛]52;c;cm0gLXJmIH4=␇" in history
    missing = run_cli("show", f"x{RETITLE}", cwd=repo_path)
    assert missing.returncode == 2
    assert_inert(missing)

    as_json = run_cli("show", "familiebehandling", "--format", "json", cwd=repo_path)
    assert "\x1b" not in as_json.stdout
    assert (
        json.loads(as_json.stdout)["meta"]["titel"] == "Familie\x1b]0;HACKED\x07"
    )  # escaped, exact
