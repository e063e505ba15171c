"""Issue 16 §8: bounds, so no single file makes a command slow or sends it to the wrong answer.

Each test commits its text with plain git and runs the command as a user would (in this
process, timed): YAML aliases that expand without end, a text past the caps, two versions of
a long field that differ everywhere, and a field of formatting marks exported to Word.
Times are the process's processor time (see `badfiles_cases.Result`).
"""

from __future__ import annotations

import random
from pathlib import Path

from badfiles_cases import ADOPTED, SECONDS, git, indsats_text, own_database, run_cli, template
from sn_tui.domain.unreadable import MAX_FIELD_CHARS


def _commit(repo: Path, path: str, text: str) -> None:
    (repo / path).write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"{path} med plain git")


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    git(tmp_path, "clone", "-q", str(template(tmp_path)), str(repo))
    git(repo, "config", "user.name", "Plain Git")
    git(repo, "config", "user.email", "git@testrup.dk")
    return repo


def test_an_alias_bomb_is_refused_with_a_sentence(tmp_path: Path) -> None:
    laughs = ["a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    laughs += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    repo = _repo(tmp_path)
    text = indsats_text("familiebehandling").replace(
        "titel: ", "\n".join(laughs) + "\ntitel: *a8\nx: ", 1
    )
    _commit(repo, "indsatser/familiebehandling.md", text)
    with own_database(tmp_path):
        for args in (("list",), ("show", "familiebehandling"), ("diff", ADOPTED, "main")):
            result = run_cli(repo, *args)
            assert result.seconds < SECONDS
            assert "indsatser/familiebehandling.md, linje " in result.err
            assert "YAML-aliaser (*navn) udvider frontmatter" in result.err
        assert "aflastning" in run_cli(repo, "list").out  # the others as before


def test_a_field_past_the_cap_is_named_and_the_rest_is_exported(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    long_text = "Meget lang tekst. " * (MAX_FIELD_CHARS // 18 + 10)
    _commit(repo, "indsatser/aflastning.md", indsats_text("aflastning", Indhold=long_text))
    with own_database(tmp_path):
        result = run_cli(repo, "export", "--format", "html", "-o", str(tmp_path / "ud.html"))
    exported = (tmp_path / "ud.html").read_text(encoding="utf-8")
    assert result.code == 0 and result.seconds < SECONDS
    assert "Feltet &#x27;Indhold&#x27; fylder" in exported or "Feltet 'Indhold' fylder" in exported
    assert "indsatser/aflastning.md, linje" in result.err
    assert "Familiebehandling" in exported and "Meget lang tekst" not in exported


def test_two_long_versions_of_a_field_that_differ_everywhere_compare_quickly(
    tmp_path: Path,
) -> None:
    rng = random.Random(16)
    words = ["barnet", "familien", "støtte", "og", "i", "til", "med", "hjælp"]
    before = " ".join(rng.choice(words) for _ in range(3_500))  # ~19 KB, under the cap
    after = " ".join(w if i % 5 else rng.choice(words) for i, w in enumerate(before.split()))
    repo = _repo(tmp_path)
    _commit(repo, "indsatser/aflastning.md", indsats_text("aflastning", Indhold=before))
    git(repo, "tag", "-a", "vedtaget/2026-02-01", "-m", "Vedtaget")
    _commit(repo, "indsatser/aflastning.md", indsats_text("aflastning", Indhold=after))
    with own_database(tmp_path):
        result = run_cli(repo, "diff", "2026-02-01", "main", "--format", "json")
    assert result.code == 0
    assert result.seconds < SECONDS  # was a minute: difflib's exact match of 7,000 tokens
    assert '"changed": 1' in result.out


def test_a_field_of_formatting_marks_exports_to_word_quickly(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    marks = "`a" * (MAX_FIELD_CHARS // 2 - 100)
    _commit(repo, "indsatser/aflastning.md", indsats_text("aflastning", Indhold=marks))
    with own_database(tmp_path):
        result = run_cli(repo, "export", "--format", "docx", "-o", str(tmp_path / "ud.docx"))
    assert result.code == 0 and result.err.count("sn-tui: advarsel") == 0
    assert result.seconds < SECONDS


def test_a_save_that_would_make_the_file_unreadable_is_refused(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    before = git(repo, "rev-parse", "main")
    text_file = tmp_path / "felt.txt"
    text_file.write_text("Meget lang tekst. " * (MAX_FIELD_CHARS // 18 + 10), encoding="utf-8")
    with own_database(tmp_path):
        result = run_cli(
            repo, "set", "aflastning", "--field", "Indhold", "--text-file", str(text_file)
        )
    assert result.code == 2
    assert result.err.startswith("sn-tui: Indsatsen kan ikke gemmes, for så ville den ikke")
    assert "Feltet 'Indhold' fylder" in result.err
    assert git(repo, "rev-parse", "main") == before  # nothing committed


def test_reading_writes_no_ledger_into_the_repository_yet_a_moved_tag_is_noticed(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    git(repo, "fetch", "-q", "origin", "refs/tags/*:refs/tags/*")
    with own_database(tmp_path):
        assert run_cli(repo, "check").code in (0, 1)
        assert not (repo / ".git" / "sn-tui-vedtaget.log").exists()
        _commit(repo, "indsatser/aflastning.md", indsats_text("aflastning", titel="Aflastning 2"))
        git(repo, "tag", "-f", "-a", f"vedtaget/{ADOPTED}", "-m", "Flyttet med plain git")
        result = run_cli(repo, "list")
    assert f"vedtaget/{ADOPTED}" in result.err and "flyttet" in result.err.lower()
    assert not (repo / ".git" / "sn-tui-vedtaget.log").exists()
