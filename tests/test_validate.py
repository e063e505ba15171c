"""Every structural `check` rule, each with a file that breaks it, and a clean repository."""

from __future__ import annotations

import pytest

from conftest import ADGANG, indsats_text
from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.structure import validate_repository

SERVICENIVEAU = (
    "---\nkommune: Testrup Kommune\n---\n\n## Forord\n\nForord.\n\n"
    "## Principper for indsatsen\n\nPrincipper.\n"
)
FAGGRUPPER = (
    "- id: myndighed\n  navn: Myndighed\n- id: ppr\n  navn: PPR\n"
    "- id: familiebehandling\n  navn: FB\n"
)


FB = "indsatser/familiebehandling.md"


def base_files() -> dict[str, bytes]:
    return {
        "serviceniveau.md": SERVICENIVEAU.encode(),
        "faggrupper.yml": FAGGRUPPER.encode(),
        "adgang.yml": ADGANG.encode(),
        "indsatser/familiebehandling.md": indsats_text("familiebehandling").encode(),
        "README.txt": b"\xff not content, ignored",
    }


def run(changes: dict[str, bytes | None]) -> list[Finding]:
    files = base_files()
    for path, value in changes.items():
        if value is None:
            files.pop(path, None)
        else:
            files[path] = value
    return validate_repository(files)


def only(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert matching, f"expected {code}, got {[f.format() for f in findings]}"
    return matching[0]


def broken(old: str, new: str) -> bytes:
    text = indsats_text("familiebehandling")
    assert old in text
    return text.replace(old, new, 1).encode()


def line_of(data: bytes, needle: str) -> int:
    return data.decode().split(needle)[0].count("\n") + 1


def test_clean_repository_has_no_findings() -> None:
    assert validate_repository(base_files()) == []


def test_yaml_error_reports_its_line() -> None:
    data = broken("kategori: Støttende indsatser", "kategori: [ikke lukket")
    finding = only(run({FB: data}), "yaml")
    assert finding.path == "indsatser/familiebehandling.md"
    assert finding.line in (line_of(data, "kategori"), line_of(data, "kategori") + 1)
    assert finding.format().startswith("indsatser/familiebehandling.md:")


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("## Tildeling\n", "", "section-missing"),
        ("## Formål\n", "## Formaal\n", "section-misspelled"),
        ("## Lovhjemmel\n", "## Lovhjemmel\n\nx\n\n## Indhold\n", "section-duplicate"),
        ("## Tildeling\n", "## Noget helt andet\n", "section-unknown"),
    ],
)
def test_section_headings(old: str, new: str, code: str) -> None:
    findings = run({FB: broken(old, new)})
    finding = only(findings, code)
    assert finding.severity == "error"


def test_misordered_sections_are_reported_at_the_first_out_of_place() -> None:
    text = indsats_text("familiebehandling")
    a = text.index("## Tildeling")
    b = text.index("## Levering af ydelsen")
    c = text.index("## Kvalitetskrav")
    swapped = text[:a] + text[b:c] + text[a:b] + text[c:]
    finding = only(run({FB: swapped.encode()}), "section-order")
    assert finding.line == line_of(swapped.encode(), "## Levering af ydelsen")


def test_empty_field() -> None:
    data = broken("Tekst om indhold for Familiebehandling.", "  ")
    finding = only(run({FB: data}), "field-empty")
    assert finding.field == "Indhold"
    assert finding.line == line_of(data, "## Indhold")


def test_id_rules() -> None:
    assert only(run({FB: broken("id: familiebehandling", "id: andet")}), "id-stem")
    bad = broken("id: familiebehandling", "id: Familie_Behandling")
    assert only(run({FB: bad}), "id-invalid").line == 2
    dup = indsats_text("familiebehandling").encode()
    findings = run({"indsatser/kopi.md": dup})
    assert only(findings, "id-duplicate").path in (
        "indsatser/kopi.md",
        "indsatser/familiebehandling.md",
    )


def test_unknown_faggruppe() -> None:
    data = broken("faggrupper: [myndighed, ppr]", "faggrupper: [myndighed, tandpleje]")
    finding = only(run({FB: data}), "unknown-faggruppe")
    assert "tandpleje" in finding.message
    assert finding.line == line_of(data, "faggrupper:")


def test_not_utf8_and_too_large_and_conflict_markers() -> None:
    latin1 = indsats_text("familiebehandling").encode("latin-1")
    assert only(run({FB: latin1}), "not-utf8").line == 4
    huge = indsats_text("familiebehandling") + "x" * (1024 * 1024)
    assert only(run({FB: huge.encode()}), "file-too-large")
    conflicted = broken(
        "Tekst om formål for Familiebehandling.",
        "<<<<<<< HEAD\nmin\n=======\nderes\n>>>>>>> main",
    )
    findings = [f for f in run({FB: conflicted}) if f.code == "merge-conflict"]
    assert [f.line for f in findings] == [
        line_of(conflicted, "<<<<<<<"),
        line_of(conflicted, ">>>>>>>"),
    ]


def test_economy_must_be_whole_numbers() -> None:
    data = broken("budget_kr: 4500000", "budget_kr: fire millioner")
    finding = only(run({FB: data}), "meta-okonomi")
    assert finding.line == line_of(data, "budget_kr")


def test_missing_files_and_bad_people() -> None:
    assert only(run({"serviceniveau.md": None}), "file-missing").path == "serviceniveau.md"
    findings = run({"adgang.yml": None})
    assert only(findings, "file-missing").path == "adgang.yml"
    bad_people = ADGANG.replace("roller: [redaktør]", "roller: [chef]").encode()
    files = base_files()
    files["adgang.yml"] = bad_people
    assert only(validate_repository(files), "adgang-rolle")


def test_warnings_do_not_count_as_errors() -> None:
    from sn_tui.domain.checks.findings import has_errors

    warning = Finding("a.md", 1, "warning", "x", "advarsel")
    assert not has_errors([warning])
    assert warning.format() == "a.md:1: advarsel: advarsel"
