"""`sn-tui diff` and `sn-tui export` as a committee secretary runs them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import jsonschema

from conftest import git, run_cli
from sn_tui.cache.comparisons import ComparisonCache, Rendered

SCHEMA = Path(__file__).resolve().parents[1] / "src/sn_tui/export/schemas/comparison.schema.json"


def _adopted_then_edited(repo: Path) -> None:
    proc = run_cli(
        "adopt",
        "--date",
        "2026-03-12",
        "--udvalg",
        "BUU",
        "--punkt",
        "4",
        "--yes",
        cwd=repo,
        SN_USER="ole",
    )
    assert proc.returncode == 0, proc.stderr
    stdin = {"--field": "Tekst om formål for familien og netværket."}
    for args in (
        ["set", "familiebehandling", "økonomi.budget_kr", "5000000"],
        ["delete", "fast-kontaktperson"],
        ["set", "familiebehandling", "--field", "Formål", "--text-file", "-"],
        ["new", "stoetteophold", "--titel", "Støtteophold", "--kategori", "Støttende indsatser"],
    ):
        text = stdin["--field"] if "--field" in args else None
        proc = run_cli(*args, cwd=repo, stdin=text, SN_USER="ole")
        assert proc.returncode == 0, proc.stderr


def test_diff_json_follows_the_schema(repo_path: Path) -> None:
    _adopted_then_edited(repo_path)
    proc = run_cli("diff", "2026-03-12", "main", "--format", "json", cwd=repo_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["a"]["adoption"]["tag"] == "vedtaget/2026-03-12"
    assert [c["id"] for c in data["changed"]] == ["familiebehandling"]
    assert [c["id"] for c in data["added"]] == ["stoetteophold"]
    assert [c["id"] for c in data["removed"]] == ["fast-kontaktperson"]
    displays = [m["display"] for m in data["changed"][0]["meta"]]
    assert "4.500.000 kr. → 5.000.000 kr., +11 %" in displays


def test_diff_text_md_html_and_docx_files(repo_path: Path, tmp_path: Path) -> None:
    _adopted_then_edited(repo_path)
    text = run_cli("diff", "vedtaget/2026-03-12", "main", cwd=repo_path)
    assert text.returncode == 0 and "\x1b[" not in text.stdout  # no colour outside a terminal
    assert "Familiebehandling" in text.stdout
    for fmt in ("md", "html", "docx"):
        target = tmp_path / f"sammenligning.{fmt}"
        proc = run_cli(
            "diff",
            "2026-03-12",
            "main",
            "--format",
            fmt,
            "-o",
            str(target),
            cwd=repo_path,
            SN_USER="ole",
        )
        assert proc.returncode == 0, proc.stderr
        assert target.stat().st_size > 0
    with zipfile.ZipFile(tmp_path / "sammenligning.docx") as docx:
        xml = docx.read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml and 'w:author="Ole Test"' in xml
    html = (tmp_path / "sammenligning.html").read_text(encoding="utf-8")
    assert "@media print" in html and "<script" not in html


def test_export_whole_document(repo_path: Path, tmp_path: Path) -> None:
    for fmt in ("md", "html", "docx"):
        target = tmp_path / f"serviceniveau.{fmt}"
        proc = run_cli("export", "--format", fmt, "-o", str(target), cwd=repo_path)
        assert proc.returncode == 0, proc.stderr
    md = (tmp_path / "serviceniveau.md").read_text(encoding="utf-8")
    assert md.index("Forord") < md.index("Principper for indsatsen") < md.index("Familiebehandling")
    assert "Målgruppe/tildelingskriterier" in md


def test_bad_input_is_one_sentence_and_no_half_file(repo_path: Path, tmp_path: Path) -> None:
    proc = run_cli("diff", "vedtaget/1999-01-01", "main", cwd=repo_path)
    assert proc.returncode == 2 and "findes ikke" in proc.stderr and "Traceback" not in proc.stderr
    missing_dir = tmp_path / "nej" / "fil.html"
    proc = run_cli(
        "diff", "main", "main", "--format", "html", "-o", str(missing_dir), cwd=repo_path
    )
    assert proc.returncode == 2 and "findes ikke" in proc.stderr
    assert not missing_dir.parent.exists()
    assert list(tmp_path.iterdir()) == [] or all(
        not p.name.startswith(".") for p in tmp_path.iterdir()
    )


def test_a_second_diff_of_the_same_commits_is_read_from_the_cache(
    repo_path: Path, own_cache: Path
) -> None:
    _adopted_then_edited(repo_path)
    first = run_cli("diff", "2026-03-12", "main", "--format", "json", cwd=repo_path)
    assert first.returncode == 0, first.stderr
    (stored,) = (own_cache / "sn-tui").glob("sammenligninger-*/*")
    assert ComparisonCache(repo_path / ".git").get(stored.name).data.decode() == first.stdout
    # proves the next run reads it
    ComparisonCache(repo_path / ".git").put(stored.name, Rendered(b'{"fra": "cachen"}\n'))
    again = run_cli("diff", "2026-03-12", "main", "--format", "json", cwd=repo_path)
    assert again.stdout == '{"fra": "cachen"}\n'
    # Other names for the same commits, or a new commit on main, are other renderings.
    head = git(repo_path, "rev-parse", "main").strip()
    named = run_cli("diff", "2026-03-12", head, "--format", "json", cwd=repo_path)
    assert json.loads(named.stdout)["b"]["name"] == head
    proc = run_cli(
        "set", "familiebehandling", "økonomi.budget_kr", "6000000", cwd=repo_path, SN_USER="ole"
    )
    assert proc.returncode == 0, proc.stderr
    later = run_cli("diff", "2026-03-12", "main", "--format", "json", cwd=repo_path)
    assert json.loads(later.stdout)["summary"]["changed"] == 1
    assert "6.000.000 kr." in later.stdout
