"""`sn-tui diff` asked again: served from the user's cache, byte for byte what it computed, and
never a rendering that no longer matches what the names point at."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import cli_env, git, run_cli

ADOPTED = "2026-03-12"
BROKEN = "---\nid: knaekket\ntitel: [ikke afsluttet\n"  # frontmatter YAML that cannot be read


def _commit(repo: Path, path: str, text: str, *, amend: bool = False) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")
    git(repo, "add", path)
    who = ["-c", "user.name=Ole Test", "-c", "user.email=ole@testrup.dk"]
    git(repo, *who, "commit", "-q", *(["--amend"] if amend else []), "-m", "Med git")


def _adopted_then_edited(repo: Path) -> None:
    proc = run_cli(
        "adopt", "--date", ADOPTED, "--udvalg", "BUU", "--punkt", "4", "--yes",
        cwd=repo, SN_USER="ole",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    proc = run_cli(
        "set", "familiebehandling", "økonomi.budget_kr", "5000000", cwd=repo, SN_USER="ole"
    )
    assert proc.returncode == 0, proc.stderr
    _commit(repo, "indsatser/knaekket.md", BROKEN)  # a file main cannot read, by plain git


def _stored(cache: Path) -> list[Path]:
    return sorted((cache / "sn-tui").glob("sammenligninger-*/*"))


def test_every_format_served_from_the_cache_is_what_was_computed(
    repo_path: Path, own_cache: Path, tmp_path: Path
) -> None:
    _adopted_then_edited(repo_path)
    for fmt in ("json", "text", "md", "html"):
        computed = run_cli("diff", ADOPTED, "main", "--format", fmt, cwd=repo_path)
        assert computed.returncode == 0, computed.stderr
        assert "knaekket.md" in computed.stderr  # the file it left out, said on stderr
        served = run_cli("diff", ADOPTED, "main", "--format", fmt, cwd=repo_path)
        assert (served.returncode, served.stdout, served.stderr) == (
            0,
            computed.stdout,
            computed.stderr,
        )
    assert len(_stored(own_cache)) == 4
    # written to a file (never served that way) it is the same rendering
    target = tmp_path / "sammenligning.json"
    to_file = run_cli("diff", ADOPTED, "main", "--format", "json", "-o", str(target), cwd=repo_path)
    assert to_file.returncode == 0, to_file.stderr
    served = run_cli("diff", "--format=json", ADOPTED, "main", cwd=repo_path)
    assert target.read_text(encoding="utf-8") == served.stdout
    assert json.loads(served.stdout)["summary"]["changed"] == 1


def test_a_served_diff_loads_none_of_the_reading_machinery(repo_path: Path) -> None:
    _adopted_then_edited(repo_path)
    assert run_cli("diff", ADOPTED, "main", cwd=repo_path).returncode == 0
    code = (
        "import sys\n"
        "from sn_tui.cli.main import main\n"
        f"code = main(['diff', '{ADOPTED}', 'main'])\n"
        "print('\\n@@', code, *sorted(sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=repo_path, env=cli_env()
    )
    _warning, _, loaded = proc.stderr.partition("\n@@ ")
    code_, *modules = loaded.split()
    assert code_ == "0" and "Familiebehandling" in proc.stdout
    for heavy in (
        "argparse",
        "sn_tui.services.workspace",
        "sn_tui.store.repo",
        "sn_tui.domain.diff.compare",
        "sqlite3",
        "textual",
        "sqlmodel",
        "yaml",
    ):
        assert heavy not in modules, heavy


def test_a_moved_tag_or_a_new_commit_is_compared_anew(repo_path: Path) -> None:
    _adopted_then_edited(repo_path)
    before = run_cli("diff", ADOPTED, "main", "--format", "json", cwd=repo_path)
    assert json.loads(before.stdout)["summary"]["changed"] == 1
    # the adopted tag moved to main (outside sn-tui): nothing differs now, and it is said
    git(repo_path, "tag", "-f", "-a", f"vedtaget/{ADOPTED}", "-m", "Flyttet", "main")
    moved = run_cli("diff", ADOPTED, "main", "--format", "json", cwd=repo_path)
    assert moved.returncode == 0 and json.loads(moved.stdout)["summary"]["changed"] == 0
    assert f"vedtaget/{ADOPTED}" in moved.stderr
    served = run_cli("diff", ADOPTED, "main", "--format", "json", cwd=repo_path)
    assert (served.stdout, served.stderr) == (moved.stdout, moved.stderr)
    # main's last commit rewritten with other text: the new text, not the stored rendering
    _commit(repo_path, "indsatser/familiebehandling.md", "---\nid: [\n", amend=True)
    rewritten = run_cli("diff", ADOPTED, "main", "--format", "json", cwd=repo_path)
    assert rewritten.returncode == 0 and rewritten.stdout != moved.stdout
    assert "familiebehandling.md" in rewritten.stderr


def test_a_damaged_cache_entry_is_computed_again(repo_path: Path, own_cache: Path) -> None:
    _adopted_then_edited(repo_path)
    first = run_cli("diff", ADOPTED, "main", "--format", "md", cwd=repo_path)
    (stored,) = _stored(own_cache)
    whole = stored.read_bytes()
    for damage in (b"", b"\x00\xff" * 50, whole[:-10], whole.replace(b'"length"', b'"lengde"')):
        stored.write_bytes(damage)
        again = run_cli("diff", ADOPTED, "main", "--format", "md", cwd=repo_path)
        assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
        assert "Traceback" not in again.stderr
        assert stored.read_bytes() == whole  # stored whole again


def test_an_unusual_command_line_is_read_as_argparse_reads_it(repo_path: Path) -> None:
    _adopted_then_edited(repo_path)
    plain = run_cli("diff", ADOPTED, "main", "--format", "json", cwd=repo_path)
    for args in (
        ["diff", "--form", "json", ADOPTED, "main"],  # an abbreviation: argparse's own way
        ["diff", ADOPTED, "main", "--format", "json", "-o", "-"],
        ["--repo", str(repo_path), "diff", ADOPTED, "main", "--format", "json"],
    ):
        proc = run_cli(*args, cwd=repo_path)
        assert (proc.returncode, proc.stdout) == (0, plain.stdout), args
    for args in (
        ["diff", ADOPTED, "--format", "json"],
        ["diff", ADOPTED, "main", "--format", "yaml"],
        ["diff", ADOPTED, "main", "--format"],
        ["diff", "1999-01-01", "main", "--format", "json"],
    ):
        proc = run_cli(*args, cwd=repo_path)
        assert proc.returncode == 2 and proc.stdout == "", args
        assert proc.stderr.startswith("sn-tui: ") and "Traceback" not in proc.stderr


def test_what_the_workspace_computed_is_served_without_it(repo_path: Path, own_cache: Path) -> None:
    _adopted_then_edited(repo_path)
    # a common option before the command: argparse and the Workspace compute it
    computed = run_cli("--repo", str(repo_path), "diff", ADOPTED, "main", cwd=repo_path.parent)
    assert computed.returncode == 0, computed.stderr
    served = run_cli("diff", ADOPTED, "main", "--repo", str(repo_path), cwd=repo_path.parent)
    assert (served.stdout, served.stderr) == (computed.stdout, computed.stderr)
    assert len(_stored(own_cache)) == 1
