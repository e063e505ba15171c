"""Personal data is never committed by accident: `set` and `new` refuse it (exit 2, one
sentence naming what was found) unless `--force`; the rule is a service an import can call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import git, indsats_text, run_cli
from sn_tui.services.personal_data import PersonalDataFound
from sn_tui.services.workspace import Workspace

PERSONAL = "Sagen om 010203-1234: skriv til hanne.jensen@gmail.com."


def _set_field(repo: Path, text: str, *extra: str) -> tuple[int, str, str]:
    proc = run_cli(
        "set", "familiebehandling", "--field", "Formål", "--text-file", "-", *extra,
        cwd=repo, stdin=text, SN_USER="mette",
    )  # fmt: skip
    return proc.returncode, proc.stdout, proc.stderr


def test_set_refuses_personal_data_naming_each_finding(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    code, _out, err = _set_field(repo_path, PERSONAL)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("sn-tui: Ikke gemt")
    assert "CPR-nummer" in err and "»hanne.jensen@gmail.com«" in err and "--force" in err
    assert "Traceback" not in err
    assert git(repo_path, "rev-parse", "main") == head
    assert git(repo_path, "status", "--porcelain") == ""


def test_set_with_force_saves_it(repo_path: Path) -> None:
    code, out, err = _set_field(repo_path, PERSONAL, "--force")
    assert code == 0, err
    assert "Gemt" in out
    assert "hanne.jensen@gmail.com" in git(repo_path, "show", "main:indsatser/familiebehandling.md")


def test_a_cpr_number_in_a_frontmatter_value_set_from_the_cli(repo_path: Path) -> None:
    proc = run_cli(
        "set", "familiebehandling", "--field", "Indhold", "--text-file", "-",
        cwd=repo_path, stdin="Sagen om 010203-1234.", SN_USER="mette",
    )  # fmt: skip
    assert proc.returncode == 2 and "CPR-nummer" in proc.stderr


def test_personal_data_already_saved_is_not_asked_about_again(repo_path: Path) -> None:
    assert _set_field(repo_path, PERSONAL, "--force")[0] == 0
    proc = run_cli(
        "set", "familiebehandling", "økonomi.budget_kr", "5000000", cwd=repo_path, SN_USER="mette"
    )
    assert proc.returncode == 0, proc.stderr
    # … but a second address added beside it is new
    code, _out, err = _set_field(repo_path, PERSONAL + " Eller mads.hansen@hotmail.com.")
    assert (
        code == 2 and "»mads.hansen@hotmail.com«" in err and "»hanne.jensen@gmail.com«" not in err
    )


def test_an_unexplained_phone_number_is_a_warning_and_does_not_stop_a_save(
    repo_path: Path,
) -> None:
    """A personal-looking number is a judgement, not a fact (issue #18): check warns, save goes."""
    code, _out, err = _set_field(repo_path, "Ring til Hanne på 22 33 44 55.")
    assert code == 0, err


def test_function_addresses_and_service_numbers_pass(repo_path: Path) -> None:
    code, _out, err = _set_field(repo_path, "Skriv til familie@testrup.dk eller ring 70 10 20 30.")
    assert code == 0, err


def test_the_rule_as_a_service_for_an_import(
    workspace: Callable[[str], Workspace], repo_path: Path
) -> None:
    ws = workspace("mette")
    text = indsats_text("importeret", "Importeret", Formål=PERSONAL).encode()
    found = ws.personal_data_findings({"indsatser/importeret.md": text})
    assert sorted(f.code for f in found) == ["persondata-cpr", "persondata-email"]
    assert all(f.field == "Formål" for f in found)
    clean = indsats_text("importeret", "Importeret").encode()
    assert ws.personal_data_findings({"indsatser/importeret.md": clean}) == []
    error = PersonalDataFound(found)
    assert "»hanne.jensen@gmail.com«" in str(error) and error.findings == found


def test_the_service_refuses_and_force_saves(workspace: Callable[[str], Workspace]) -> None:
    ws = workspace("mette")
    with pytest.raises(PersonalDataFound):
        ws.set_field("familiebehandling", "Formål", PERSONAL)
    assert ws.set_field("familiebehandling", "Formål", PERSONAL, force=True).changed
