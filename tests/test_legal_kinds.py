"""Every finding has a stable kind from the documented list (issue 18, point 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import git, run_cli
from legal_docs import indsats_text
from sn_tui.domain.checks.kinds import KINDS, kind_of, mapped_codes
from sn_tui.domain.checks.legal import CODES

DOCS = Path(__file__).parents[1] / "docs" / "check-kinds.md"


def test_the_documented_list_is_the_list_in_the_code() -> None:
    documented = re.findall(r"^\| `([a-zæøå-]+)` \|", DOCS.read_text(encoding="utf-8"), re.M)
    assert tuple(documented) == KINDS


def test_every_rule_code_has_a_kind_and_accepted_warnings_keep_it() -> None:
    for code in CODES:
        assert kind_of(code) in KINDS, code
        assert kind_of(code + "-accepted") == kind_of(code)
    assert mapped_codes() <= set(CODES) | {"field-empty"}
    assert kind_of("section-order") == "format"


def test_check_json_gives_each_finding_its_kind(repo_path: Path) -> None:
    text = indsats_text(
        {
            "Omfang/varighed": "Der bevilges op til 4 døgn om måneden.",
            "Indhold": "Målene står i handleplanen. [tekst]",
            "Tildeling": "Rådgiveren træffer afgørelse.",
            "Lovhjemmel": "Servicelovens § 44.",
        }
    )
    (repo_path / "indsatser" / "kontaktperson.md").write_text(text, encoding="utf-8")
    git(repo_path, "add", "-A")
    git(repo_path, "commit", "-qm", "Ny indsats skrevet uden for sn-tui")
    proc = run_cli("check", "--format", "json", cwd=repo_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    kinds = {f["kind"] for f in report["findings"] if f["path"] == "indsatser/kontaktperson.md"}
    assert kinds >= {
        "minimumskriterie",
        "manglende-individuel-vurdering",
        "forældet-term",
        "forældet-henvisning",
        "pladsholder",
    }
    assert all(f["kind"] in KINDS for f in report["findings"] + report["accepted"])
