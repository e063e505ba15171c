"""Telephone numbers (issue 18, point 3): the kommune's own numbers are allowed, a number next
to an office's name is the office's, and an unexplained number is a warning a jurist can
accept, never an error that blocks adoption."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import git, run_cli
from legal_docs import indsats, indsats_text, serviceniveau
from sn_tui.domain.checks.legal import check_indsats
from sn_tui.domain.checks.runner import run_checks
from sn_tui.services.workspace import Workspace

SERVICENIVEAU = serviceniveau(
    "Forordet.", "Der foretages altid en konkret og individuel vurdering."
).text


def phone_findings(text: str) -> list[str]:
    doc = indsats({"Tildeling": text})
    return [f.severity for f in check_indsats("i.md", doc) if f.code == "persondata-phone"]


def test_a_number_by_an_office_name_is_the_offices() -> None:
    assert phone_findings("Du kan kontakte Socialafdelingen på tlf. 6333 6818.") == []
    assert phone_findings("Familierådgivningen, tlf. 63 33 68 18, hjælper dig.") == []


def test_an_unexplained_number_is_a_warning() -> None:
    assert phone_findings("Ring til Mette på 22 33 44 55.") == ["warning"]


def with_kontakt(kontakt: str) -> bytes:
    head, body = SERVICENIVEAU.split("---\n", 2)[1:]
    return f"---\n{head}kontakt:\n{kontakt}---\n{body}".encode()


def test_the_kommunes_own_numbers_in_serviceniveau_md_are_allowed_everywhere() -> None:
    text = indsats_text({"Tildeling": "Ring på 22 33 44 55 eller 87 65 43 21."})
    files = {"indsatser/kontaktperson.md": text.encode()}
    before = [f for f in run_checks(files).findings if f.code == "persondata-phone"]
    assert len(before) == 2
    files["serviceniveau.md"] = with_kontakt("  Familierådgivningen: 22 33 44 55\n")
    after = [f for f in run_checks(files).findings if f.code == "persondata-phone"]
    assert [f.message for f in after] == [before[1].message]
    files["serviceniveau.md"] = with_kontakt("  - '+45 22334455'\n  - 8765 4321\n")
    assert not [f for f in run_checks(files).findings if f.code == "persondata-phone"]


def test_a_jurist_accepts_a_number_and_the_kommune_can_adopt(repo_path: Path) -> None:
    reason = "    begrundelse: Vagttelefonens nummer, offentligt på kommunens side.\n"
    text = indsats_text(
        {"Tildeling": "Efter kl. 16 ringer du på 22 33 44 55."},
        meta=f"undtagelser:\n  - regel: persondata-phone\n{reason}",
    )
    (repo_path / "indsatser" / "kontaktperson.md").write_text(text, encoding="utf-8")
    git(repo_path, "add", "-A")
    git(repo_path, "commit", "-qm", "Vagttelefon")
    proc = run_cli("check", cwd=repo_path)
    assert proc.returncode == 0, proc.stdout
    assert "Accepteret" in proc.stdout and "22 33 44 55" in proc.stdout


def test_the_editor_knows_the_kommunes_own_numbers_too(
    repo_path: Path, workspace: Callable[[str], Workspace]
) -> None:
    text = indsats_text({"Tildeling": "Ring på 22 33 44 55."}).encode()
    ws = workspace("ole")
    before = ws.check_edit("indsatser/kontaktperson.md", text, ws.head())
    assert [f.code for f in before.findings if f.kind == "persondata"] == ["persondata-phone"]
    path = repo_path / "serviceniveau.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("---\n", "---\nkontakt: 22 33 44 55\n", 1),
        encoding="utf-8",
    )
    git(repo_path, "commit", "-qam", "Kommunens nummer")
    ws = workspace("ole")
    after = ws.check_edit("indsatser/kontaktperson.md", text, ws.head())
    assert [f for f in after.findings if f.kind == "persondata"] == []
