"""`sn-tui people`, `groups`, `deleted` and `restore` as a user runs them, against real Git."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git, run_cli


def sn(repo: Path, user: str, *args: str) -> tuple[int, str, str]:
    proc = run_cli("--repo", str(repo), "--user", user, *args)
    return proc.returncode, proc.stdout, proc.stderr


def test_admin_adds_a_person_as_one_lossless_commit(repo_path: Path) -> None:
    before = (repo_path / "adgang.yml").read_text(encoding="utf-8")
    code, out, err = sn(
        repo_path, "ole", "people", "add", "bo", "--navn", "Bo Berg",
        "--faggrupper", "Jurister,ppr", "--roller", "redaktør,godkender",
    )  # fmt: skip
    assert code == 0, err
    assert "Gemt i adgang.yml" in out
    after = (repo_path / "adgang.yml").read_text(encoding="utf-8")
    assert after.startswith(before.split("regler:")[0])  # nothing before the new block moved
    assert git(repo_path, "status", "--porcelain") == ""
    assert git(repo_path, "log", "-1", "--format=%an %s").strip() == (
        "Ole Test Adgang: Bo Berg (bo) tilføjet"
    )
    listed = json.loads(sn(repo_path, "ole", "people", "list", "--format", "json")[1])
    bo = next(p for p in listed if p["login"] == "bo")
    assert bo["faggrupper"] == ["jura", "ppr"]  # "Jurister" is the navn of id jura
    assert bo["roller"] == ["redaktør", "godkender"]


def test_set_changes_only_the_lines_of_what_changed(repo_path: Path) -> None:
    code, _, err = sn(repo_path, "ole", "people", "set", "mette", "--roller", "redaktør,godkender")
    assert code == 0, err
    diff = git(repo_path, "show", "--format=", "-U0", "HEAD")
    changed = [ln for ln in diff.splitlines() if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]
    assert changed == ["-    roller: [redaktør]", "+    roller: [redaktør, godkender]"]


@pytest.mark.parametrize(
    ("args", "user", "says"),
    [
        (("people", "add", "Bo B", "--navn", "Bo"), "ole", "Login 'Bo B' er ugyldigt"),
        (("people", "add", "mette", "--navn", "M"), "ole", "findes allerede en person"),
        (("people", "add", "bo", "--navn", "Bo", "--faggrupper", "kantine"), "ole", "findes ikke"),
        (("people", "set", "mette", "--roller", "chef"), "ole", "'chef' er ikke en rolle"),
        (("people", "set", "ole", "--roller", "redaktør"), "ole", "den sidste admin"),
        (("people", "remove", "ole"), "ole", "den sidste admin"),
        (("people", "add", "bo", "--navn", "Bo"), "mette", "kun en admin"),
        (
            ("groups", "add", "Nye Folk", "--navn", "Nye"),
            "ole",
            "Faggruppe-id 'Nye Folk' er ugyldigt",
        ),
        (("groups", "remove", "ppr"), "mette", "kun en admin"),
    ],
)
def test_bad_input_is_one_danish_sentence_and_nothing_written(
    repo_path: Path, args: tuple[str, ...], user: str, says: str
) -> None:
    head = git(repo_path, "rev-parse", "main")
    code, _out, err = sn(repo_path, user, *args)
    assert code == 2
    assert says in err and err.count("\n") == 1 and "Traceback" not in err
    assert git(repo_path, "rev-parse", "main") == head
    assert git(repo_path, "status", "--porcelain") == ""


def test_a_group_in_use_is_removed_only_with_a_choice_for_its_indsatser(repo_path: Path) -> None:
    code, _, err = sn(repo_path, "ole", "groups", "remove", "myndighed")
    assert code == 2 and "familiebehandling" in err and "--erstat-med" in err
    assert sn(repo_path, "ole", "groups", "add", "jura2", "--navn", "Juristerne")[0] == 0
    code, _, err = sn(
        repo_path, "ole", "groups", "remove", "myndighed", "--erstat-med", "Juristerne"
    )
    assert code == 0, err
    listed = json.loads(sn(repo_path, "ole", "groups", "list", "--format", "json")[1])
    assert "myndighed" not in [g["id"] for g in listed]
    shown = json.loads(sn(repo_path, "ole", "show", "familiebehandling", "--format", "json")[1])
    assert "jura2" in json.dumps(shown) and "myndighed" not in json.dumps(shown)
    people = json.loads(sn(repo_path, "ole", "people", "list", "--format", "json")[1])
    assert next(p for p in people if p["login"] == "ole")["faggrupper"] == []
    assert git(repo_path, "status", "--porcelain") == ""


def test_rename_keeps_the_id(repo_path: Path) -> None:
    assert sn(repo_path, "ole", "groups", "rename", "ppr", "--navn", "Psykologer")[0] == 0
    out = sn(repo_path, "ole", "groups", "list")[1]
    assert "ppr  Psykologer" in out


def test_a_deleted_indsats_is_listed_and_restored_with_its_reviews(repo_path: Path) -> None:
    code, _, err = sn(
        repo_path, "ole", "review", "approve", "familiebehandling", "--group", "myndighed"
    )
    assert code == 0, err
    assert sn(repo_path, "mette", "delete", "familiebehandling")[0] == 0
    code, out, _ = sn(repo_path, "ole", "deleted", "--format", "json")
    [gone] = json.loads(out)
    assert gone["id"] == "familiebehandling" and gone["slettet_af"] == "Mette Prøve"
    code, out, err = sn(repo_path, "mette", "restore", "familiebehandling")
    assert code == 0, err
    assert "gendannet" in git(repo_path, "log", "-1", "--format=%s")
    assert (repo_path / "indsatser" / "familiebehandling.md").is_file()
    assert json.loads(sn(repo_path, "ole", "deleted", "--format", "json")[1]) == []
    history = sn(repo_path, "ole", "review", "history", "familiebehandling")[1]
    assert "myndighed" in history
    code, _, err = sn(repo_path, "ole", "restore", "familiebehandling")
    assert code == 2 and "findes på main" in err


def test_init_takes_the_first_admin_and_the_standard_faggrupper(tmp_path: Path) -> None:
    target = tmp_path / "odder"
    proc = run_cli(
        "init", str(target), "--kommune", "Odder Kommune", "--admin", "kim",
        "--navn", "Kim Admin", "--faggrupper", "myndighed,jura",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "sn-tui people add" in proc.stdout  # what to do next
    groups = json.loads(sn(target, "kim", "groups", "list", "--format", "json")[1])
    assert [g["id"] for g in groups] == ["myndighed", "jura"]
    [kim] = json.loads(sn(target, "kim", "people", "list", "--format", "json")[1])
    assert kim["navn"] == "Kim Admin" and "admin" in kim["roller"]
    assert "forbyd_egen_godkendelse: true" in (target / "adgang.yml").read_text(encoding="utf-8")


def test_init_refuses_an_unknown_faggruppe_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "ny"
    proc = run_cli("init", str(target), "--kommune", "X", "--faggrupper", "kantine")
    assert proc.returncode == 2 and "Faggruppen 'kantine' findes ikke" in proc.stderr
    assert not target.exists()


def test_a_round_gets_a_new_deadline_but_not_one_in_the_past(repo_path: Path) -> None:
    assert (
        sn(repo_path, "ole", "review", "round", "start", "R1", "--deadline", "2099-01-01")[0] == 0
    )
    code, out, err = sn(
        repo_path, "ole", "review", "round", "extend", "R1", "--deadline", "2099-02-01"
    )
    assert code == 0, err
    assert "frist 1. februar 2099" in out
    code, _, err = sn(
        repo_path, "ole", "review", "round", "extend", "R1", "--deadline", "2000-01-01"
    )
    assert code == 2 and "allerede overskredet" in err
    code, _, err = sn(
        repo_path, "mette", "review", "round", "extend", "R1", "--deadline", "2099-03-01"
    )
    assert code == 2 and "godkender eller admin" in err
    status = json.loads(
        sn(repo_path, "ole", "review", "round", "status", "R1", "--format", "json")[1]
    )
    assert status["round"]["deadline"] == "2099-02-01"


def test_revert_brings_back_one_field_or_the_whole_text_as_a_new_commit(repo_path: Path) -> None:
    first = git(repo_path, "rev-parse", "main").strip()
    for field, text in (("Formål", "Nyt formål."), ("Indhold", "Nyt indhold.")):
        proc = run_cli("--repo", str(repo_path), "--user", "ole", "set", "familiebehandling",
                       "--field", field, "--text-file", "-", stdin=text)  # fmt: skip
        assert proc.returncode == 0, proc.stderr
    code, out, err = sn(
        repo_path, "ole", "revert", "familiebehandling", "--to", first, "--field", "Formål"
    )
    assert code == 0, err and "tilbageført" in out
    text = (repo_path / "indsatser" / "familiebehandling.md").read_text(encoding="utf-8")
    assert "Nyt formål." not in text and "Nyt indhold." in text
    assert sn(repo_path, "ole", "revert", "familiebehandling", "--to", first)[0] == 0
    assert git(repo_path, "diff", first, "main", "--", "indsatser") == ""
    assert (
        len(git(repo_path, "log", "--format=%H", f"{first}..main").split()) == 4
    )  # nothing rewritten
    code, _, err = sn(
        repo_path, "ole", "revert", "familiebehandling", "--to", first, "--field", "Pris"
    )
    assert code == 2 and "ikke et af felterne" in err


def test_a_new_kommune_from_init_to_a_round_approved_by_each_group(tmp_path: Path) -> None:
    """Issue 20's "done when", through the CLI only: init, three people in two faggrupper, a
    round started and one indsats approved by each group."""
    repo = tmp_path / "kommune"
    steps: list[tuple[str, tuple[str, ...]]] = [
        ("kim", ("init", str(repo), "--kommune", "Odder Kommune", "--admin", "kim",
                 "--navn", "Kim Admin", "--faggrupper", "myndighed,jura")),
        ("kim", ("people", "add", "asta", "--navn", "Asta Rådgiver",
                 "--faggrupper", "Myndighedsrådgivere", "--roller", "godkender")),
        ("kim", ("people", "add", "bent", "--navn", "Bent Jurist",
                 "--faggrupper", "Jurister", "--roller", "godkender")),
        ("kim", ("new", "familiebehandling", "--titel", "Familiebehandling",
                 "--kategori", "Støttende indsatser")),
        ("kim", ("review", "round", "start", "Forår", "--deadline", "2099-04-01")),
        ("asta", ("review", "approve", "familiebehandling", "--group", "myndighed")),
        ("bent", ("review", "approve", "familiebehandling", "--group", "jura")),
    ]  # fmt: skip
    for user, args in steps:
        proc = run_cli("--repo", str(repo), "--user", user, *args, cwd=tmp_path)
        assert proc.returncode == 0, (args, proc.stderr)
    status = json.loads(
        sn(repo, "kim", "review", "round", "status", "Forår", "--format", "json")[1]
    )
    assert status["round"]["klar"] == 1 and status["round"]["groups"] == {
        "myndighed": "1/1",
        "jura": "1/1",
    }
    people = json.loads(sn(repo, "kim", "people", "list", "--format", "json")[1])
    assert len(people) == 3
    assert git(repo, "status", "--porcelain") == ""


def test_a_faggruppe_is_named_by_its_name_where_one_is_picked(repo_path: Path) -> None:
    args = ("--titel", "Skoletilbud", "--kategori", "Støttende indsatser")
    code, _, err = sn(repo_path, "ole", "new", "skoletilbud", *args, "--faggrupper", "Jurister,PPR")
    assert code == 0, err
    text = (repo_path / "indsatser" / "skoletilbud.md").read_text(encoding="utf-8")
    assert "faggrupper: [jura, ppr]" in text
    code, _, err = sn(repo_path, "ole", "new", "x", "--titel", "X", "--kategori", "K",
                      "--faggrupper", "Kantinen")  # fmt: skip
    assert code == 2 and "Faggruppen 'Kantinen' findes ikke; vælg en af:" in err


def test_adgang_broken_by_hand_is_named_and_nothing_is_written(repo_path: Path) -> None:
    (repo_path / "adgang.yml").write_text("personer:\n  ole: [\n", encoding="utf-8")
    git(repo_path, "commit", "-qam", "i stykker")
    head = git(repo_path, "rev-parse", "main")
    for args in (
        ("people", "list"),
        ("people", "add", "bo", "--navn", "Bo"),
        ("delete", "familiebehandling"),
    ):
        code, _, err = sn(repo_path, "ole", *args)
        assert code == 2 and "adgang.yml på main kan ikke læses (YAML-fejl i linje" in err, args
    assert git(repo_path, "rev-parse", "main") == head
