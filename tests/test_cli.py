"""The command line as a user runs it: a real process, real repositories, Danish one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import cli_env, git, run_cli


def test_no_command_module_loads_textual_or_sqlalchemy() -> None:
    """A command loads the TUI or the review tables only when it runs and needs them."""
    code = (
        "import pkgutil, sys, sn_tui.cli.main, sn_tui.cli.commands as commands\n"
        "for found in pkgutil.iter_modules(commands.__path__):\n"
        "    __import__(f'{commands.__name__}.{found.name}')\n"
        "print([m for m in ('textual', 'sqlalchemy', 'sqlmodel') if m in sys.modules])"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), check=True
    )
    assert proc.stdout.strip() == "[]"


def test_init_creates_a_valid_repository(tmp_path: Path) -> None:
    target = tmp_path / "ny"
    proc = run_cli("init", str(target), "--kommune", "Nyby Kommune", "--user", "anne")
    assert proc.returncode == 0, proc.stderr
    assert "Nyby Kommune" in (target / "serviceniveau.md").read_text(encoding="utf-8")
    assert git(target, "status", "--porcelain") == ""
    assert git(target, "log", "--format=%an").strip() == "anne"
    check = run_cli("check", "--format", "json", cwd=target)
    found = json.loads(check.stdout)["findings"]
    # only the template's two placeholders, which the kommune replaces with its own text
    assert [(f["code"], f["severity"]) for f in found] == [("template-placeholder", "error")] * 2


def test_init_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "fil.txt").write_text("x")
    proc = run_cli("init", str(tmp_path), "--kommune", "X")
    assert proc.returncode == 2
    assert proc.stderr.startswith("sn-tui: ") and "ikke tom" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_list_show_and_json(repo_path: Path) -> None:
    proc = run_cli("list", "--format", "json", "--repo", str(repo_path))
    assert proc.returncode == 0
    items = json.loads(proc.stdout)
    assert [i["id"] for i in items] == ["familiebehandling", "fast-kontaktperson"]
    shown = run_cli("show", "familiebehandling", cwd=repo_path)
    assert shown.stdout == (repo_path / "indsatser/familiebehandling.md").read_text(
        encoding="utf-8"
    )
    data = json.loads(
        run_cli("show", "familiebehandling", "--format", "json", cwd=repo_path).stdout
    )
    assert data["meta"]["økonomi"]["budget_kr"] == 4500000
    assert data["fields"]["Formål"].startswith("Tekst om formål")


def test_set_key_and_field(repo_path: Path, tmp_path: Path) -> None:
    proc = run_cli(
        "set", "familiebehandling", "økonomi.budget_kr", "5000000", cwd=repo_path, SN_USER="mette"
    )
    assert proc.returncode == 0, proc.stderr
    text = tmp_path / "formaal.txt"
    text.write_text("Et nyt formål\nmed to linjer.\n", encoding="utf-8")
    proc = run_cli(
        "set",
        "familiebehandling",
        "--field",
        "Formål",
        "--text-file",
        str(text),
        cwd=repo_path,
        SN_USER="mette",
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(
        run_cli("show", "familiebehandling", "--format", "json", cwd=repo_path).stdout
    )
    assert data["meta"]["økonomi"]["budget_kr"] == 5000000
    assert data["fields"]["Formål"] == "Et nyt formål\nmed to linjer."
    assert git(repo_path, "log", "-1", "--format=%an").strip() == "Mette Prøve"
    again = run_cli(
        "set", "familiebehandling", "økonomi.budget_kr", "5000000", cwd=repo_path, SN_USER="mette"
    )
    assert again.returncode == 0 and "Ingen ændring" in again.stdout


def test_set_conflict_exits_3_and_prints_it(repo_path: Path) -> None:
    base = git(repo_path, "rev-parse", "HEAD").strip()
    first = run_cli(
        "set", "familiebehandling", "titel", "Første", "--base", base, cwd=repo_path, SN_USER="ole"
    )
    assert first.returncode == 0
    second = run_cli(
        "set", "familiebehandling", "titel", "Anden", "--base", base, cwd=repo_path, SN_USER="mette"
    )
    assert second.returncode == 3
    assert "Konflikt" in second.stderr and "frontmatter:titel" in second.stderr
    assert "Første" in second.stderr and "Anden" in second.stderr


def test_errors_are_one_danish_sentence(repo_path: Path, tmp_path: Path) -> None:
    cases = [
        (run_cli("show", "findes-ikke", cwd=repo_path), "findes ikke"),
        (run_cli("list", "--repo", str(tmp_path / "intet")), "findes ikke"),
        (run_cli("list", cwd=tmp_path), "ikke et Git-repository"),
        (
            run_cli("set", "familiebehandling", "titel", "X", cwd=repo_path, SN_USER="fremmed"),
            "adgang.yml",
        ),
        (
            run_cli(
                "set",
                "familiebehandling",
                "--field",
                "Formaal",
                "--text-file",
                "-",
                cwd=repo_path,
                stdin="x",
                SN_USER="ole",
            ),
            "ikke et af felterne",
        ),
        (
            run_cli(
                "set",
                "familiebehandling",
                "--field",
                "Formål",
                "--text-file",
                str(tmp_path / "nej.txt"),
                cwd=repo_path,
                SN_USER="ole",
            ),
            "kunne ikke læses",
        ),
        (
            run_cli(
                "new",
                "Ugyldigt_Id",
                "--titel",
                "X",
                "--kategori",
                "Y",
                cwd=repo_path,
                SN_USER="ole",
            ),
            "ugyldigt",
        ),
        (
            run_cli("show", "familiebehandling", "--at", "vedtaget/1999-01-01", cwd=repo_path),
            "findes ikke",
        ),
        (
            run_cli("show", "familiebehandling", "--at", "2020-01-01", cwd=repo_path),
            "ikke vedtaget",
        ),
        (run_cli("frob", cwd=repo_path), "kunne ikke forstås"),
    ]
    for proc, words in cases:
        assert proc.returncode == 2, (proc.args, proc.stdout, proc.stderr)
        assert proc.stderr.startswith("sn-tui: "), proc.stderr
        assert words in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "Traceback" not in proc.stderr


def test_check_reports_path_line_message_and_json(repo_path: Path) -> None:
    target = repo_path / "indsatser/familiebehandling.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("## Formål", "## Formaal"), encoding="utf-8"
    )
    git(repo_path, "commit", "-qam", "stavefejl")
    proc = run_cli("check", cwd=repo_path)
    assert proc.returncode == 1
    assert (
        "indsatser/familiebehandling.md:11: fejl: Overskriften 'Formaal' er stavet forkert"
        in proc.stdout
    )
    data = json.loads(run_cli("check", "--format", "json", cwd=repo_path).stdout)
    assert data["errors"] == 1
    assert data["findings"][0]["code"] == "section-misspelled"
    assert data["findings"][0]["line"] == 11


def test_check_runs_the_legal_rules_with_only_and_lix(repo_path: Path) -> None:
    target = repo_path / "indsatser/familiebehandling.md"
    text = target.read_text(encoding="utf-8")
    text = text.replace("Tekst om lovhjemmel for Familiebehandling.", "SEL § 52, stk. 3, nr. 5")
    text = text.replace("Tekst om indhold for Familiebehandling.", "Aftales i handleplanen.")
    target.write_text(text, encoding="utf-8")
    git(repo_path, "commit", "-qam", "forældet lovhjemmel")
    data = json.loads(run_cli("check", "--format", "json", cwd=repo_path).stdout)
    codes = {f["code"] for f in data["findings"]}
    assert {"lovhjemmel-repealed", "termer-outdated"} <= codes
    assert "indsatser/familiebehandling.md" in data["lix"]
    assert set(data["lix"]["indsatser/familiebehandling.md"]) >= {"Formål", "_samlet"}
    only = json.loads(
        run_cli("check", "--only", "termer", "--format", "json", cwd=repo_path).stdout
    )
    assert {f["code"].split("-")[0] for f in only["findings"]} == {"termer"}
    assert only["lix"] == {}
    bad = run_cli("check", "--only", "stavning", cwd=repo_path)
    assert bad.returncode == 2 and "Ukendt kategori 'stavning'" in bad.stderr
