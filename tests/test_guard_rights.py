"""Who may decide who must review: only a godkender or admin changes an indsats' faggrupper
(CLI, and plain git shows up in `check`); an indsats nobody must review is never klar."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import git, run_cli
from sn_tui.domain.rights import default_groups, may_decide_review, review_requirement_changed

ALL_GROUPS = [
    "myndighed", "familiebehandling", "ppr", "sundhedspleje", "dagtilbud", "skole", "jura",
    "oekonomi",
]  # fmt: skip
PATH = "indsatser/familiebehandling.md"


def test_the_pure_rule() -> None:
    assert may_decide_review(("redaktør", "godkender"))
    assert may_decide_review(("admin",))
    assert not may_decide_review(("redaktør",))
    assert not may_decide_review(())
    assert not review_requirement_changed({"faggrupper": ["a", "b"]}, {"faggrupper": ["b", "a"]})
    assert review_requirement_changed({"faggrupper": ["a", "b"]}, {"faggrupper": ["a"]})
    assert review_requirement_changed({"faggrupper": ["a"]}, {})
    assert default_groups({}, ["a", "b"]) == ["a", "b"]
    assert default_groups({"standard_faggrupper": ["b"]}, ["a", "b"]) == ["b"]


def test_a_redaktoer_cannot_set_faggrupper(repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main")
    for value in ("[]", "[ppr]", "[myndighed, ppr, skole]"):
        proc = run_cli(
            "set", "familiebehandling", "faggrupper", value, cwd=repo_path, SN_USER="mette"
        )
        assert proc.returncode == 2, value
        assert proc.stderr.count("\n") == 1 and "godkender eller admin" in proc.stderr
    assert git(repo_path, "rev-parse", "main") == head
    # other keys stay hers to change
    ok = run_cli("set", "familiebehandling", "titel", "Ny titel", cwd=repo_path, SN_USER="mette")
    assert ok.returncode == 0, ok.stderr


def test_a_godkender_sets_faggrupper(repo_path: Path) -> None:
    proc = run_cli("set", "familiebehandling", "faggrupper", "[ppr]", cwd=repo_path, SN_USER="ole")
    assert proc.returncode == 0, proc.stderr
    assert "faggrupper: [ppr]" in git(repo_path, "show", f"main:{PATH}")


def test_new_gets_the_default_groups_and_only_a_godkender_chooses_others(repo_path: Path) -> None:
    proc = run_cli("new", "ny", "--titel", "Ny", "--kategori", "K", cwd=repo_path, SN_USER="mette")
    assert proc.returncode == 0, proc.stderr
    text = git(repo_path, "show", "main:indsatser/ny.md")
    assert f"faggrupper: [{', '.join(ALL_GROUPS)}]" in text
    refused = run_cli(
        "new", "egen", "--titel", "Egen", "--kategori", "K", "--faggrupper", "ppr",
        cwd=repo_path, SN_USER="mette",
    )  # fmt: skip
    assert refused.returncode == 2 and "godkender eller admin" in refused.stderr
    chosen = run_cli(
        "new", "valgt", "--titel", "Valgt", "--kategori", "K", "--faggrupper", "ppr,jura",
        cwd=repo_path, SN_USER="ole",
    )  # fmt: skip
    assert chosen.returncode == 0, chosen.stderr
    assert "faggrupper: [ppr, jura]" in git(repo_path, "show", "main:indsatser/valgt.md")


def _commit_as(repo: Path, name: str, email: str, old: str, new: str) -> None:
    path = repo / PATH
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    env = dict(os.environ)
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"], env[f"GIT_{role}_EMAIL"] = name, email
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "faggrupper"], check=True, env=env)


def test_a_plain_git_change_without_the_right_is_a_check_error(repo_path: Path) -> None:
    _commit_as(repo_path, "Mette Prøve", "mette@testrup.dk", "[myndighed, ppr]", "[ppr]")
    proc = run_cli("check", cwd=repo_path)
    assert proc.returncode == 1
    line = next(x for x in proc.stdout.splitlines() if "faggrupper" in x.lower() and "fejl" in x)
    assert line.startswith(f"{PATH}:5: fejl:")
    assert "Mette Prøve <mette@testrup.dk>" in line
    data = json.loads(run_cli("check", "--format", "json", cwd=repo_path).stdout)
    codes = [f["code"] for f in data["findings"]]
    assert "faggrupper-uden-ret" in codes
    # a godkender makes the decision theirs (a reordering is enough): the error is gone
    _commit_as(repo_path, "Ole Test", "ole@testrup.dk", "[ppr]", "[ppr, myndighed]")
    assert run_cli("check", cwd=repo_path).returncode == 0


def test_a_plain_git_change_by_a_godkender_or_of_other_keys_is_fine(repo_path: Path) -> None:
    _commit_as(repo_path, "Mette Prøve", "mette@testrup.dk", "titel: Familiebehandling", "titel: X")
    _commit_as(repo_path, "Ole Test", "ole@testrup.dk", "[myndighed, ppr]", "[ppr]")
    proc = run_cli("check", cwd=repo_path)
    assert proc.returncode == 0, proc.stdout


def test_a_frontmatter_fence_with_trailing_spaces_is_read_like_everywhere_else(
    repo_path: Path,
) -> None:
    # An editor left spaces after the closing fence (the parser accepts that): the history of
    # the faggrupper is still read, so the redaktør's later change is still found.
    _commit_as(repo_path, "Ole Test", "ole@testrup.dk", "\n---\n", "\n---   \n")
    _commit_as(repo_path, "Mette Prøve", "mette@testrup.dk", "[myndighed, ppr]", "[ppr]")
    proc = run_cli("check", cwd=repo_path)
    assert proc.returncode == 1 and "Mette Prøve <mette@testrup.dk>" in proc.stdout


def test_an_unknown_author_is_named_too(repo_path: Path) -> None:
    _commit_as(repo_path, "Fremmed", "fremmed@example.org", "[myndighed, ppr]", "[]")
    proc = run_cli("check", cwd=repo_path)
    assert proc.returncode == 1 and "Fremmed <fremmed@example.org>" in proc.stdout


def test_an_indsats_nobody_must_review_is_never_klar(repo_path: Path) -> None:
    proc = run_cli("set", "familiebehandling", "faggrupper", "[]", cwd=repo_path, SN_USER="ole")
    assert proc.returncode == 0, proc.stderr
    status = run_cli("review", "status", "--format", "json", cwd=repo_path, SN_USER="ole")
    rows = {row["id"]: row for row in json.loads(status.stdout)["indsatser"]}
    assert rows["familiebehandling"]["progress"] == "0/0"
    assert rows["familiebehandling"]["klar"] is False
    assert json.loads(status.stdout)["klar"] == 0
