"""`sn-tui import --dry-run` of Word files in the shapes kommuner use, field by field: the
template's table with grey guidance, headings, bold lead-ins, an extra section, tracked
changes and comments. Each runs the real command on a real repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import git, run_cli
from import_docs import (
    FAMILIEBEHANDLING,
    FORORD,
    PRINCIPPER,
    STOETTEOPHOLD,
    heading_docx,
    standard_docx,
    template_docx,
    tracked_docx,
)
from sn_tui.domain.fields import FIELDS


def dry_run(repo: Path, *sources: Path, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    head = git(repo, "rev-parse", "HEAD")
    proc = run_cli("import", *map(str, sources), "--dry-run", "--format", "json", *extra, cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert git(repo, "rev-parse", "HEAD") == head, "a dry run wrote a commit"
    assert git(repo, "status", "--porcelain") == ""
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def by_title(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["titel"]: item for item in plan["indsatser"]}


def test_template_table_maps_every_field_and_drops_the_guidance(
    repo_path: Path, tmp_path: Path
) -> None:
    source = template_docx(
        tmp_path / "serviceniveau.docx",
        {"Familiebehandling": FAMILIEBEHANDLING, "Støtteophold i weekender": STOETTEOPHOLD},
        kategori="Støttende indsatser",
    )
    plan = dry_run(repo_path, source)
    found = by_title(plan)
    assert list(found) == ["Familiebehandling", "Støtteophold i weekender"]
    for titel, expected in (
        ("Familiebehandling", FAMILIEBEHANDLING),
        ("Støtteophold i weekender", STOETTEOPHOLD),
    ):
        item = found[titel]
        for name in FIELDS:
            assert item["felter"][name] == expected[name], (titel, name)
        assert item["kategori"] == "Støttende indsatser"
        assert item["mangler"] == []
        assert all(p["hvordan"] == "exact" for p in item["placering"])
    # the title decides the id: Danish letters folded, an existing indsats found by title
    assert found["Støtteophold i weekender"]["id"] == "stoetteophold-i-weekender"
    assert found["Støtteophold i weekender"]["ny"] is True
    assert found["Familiebehandling"]["id"] == "familiebehandling"
    assert found["Familiebehandling"]["ny"] is False
    assert plan["dokument"] == {"Forord": FORORD, "Principper for indsatsen": PRINCIPPER}
    text = json.dumps(plan, ensure_ascii=False)
    assert "Her beskrives" not in text and "Her noteres" not in text and "[tilpasses" not in text
    assert plan["vejledning_udeladt"] == 4  # bracketed notes and "Skema: …"; grey cells never count


def test_headings_with_renamed_fields_an_extra_section_and_the_kategori(
    repo_path: Path, tmp_path: Path
) -> None:
    renamed = {
        "Formålet med indsatsen": FAMILIEBEHANDLING["Formål"],
        "Hvem kan få": FAMILIEBEHANDLING["Målgruppe/tildelingskriterier"],
        "Indhold": FAMILIEBEHANDLING["Indhold"],
        "Varighed": FAMILIEBEHANDLING["Omfang/varighed"],
        "Visitation": FAMILIEBEHANDLING["Tildeling"],
        "Leverandør": FAMILIEBEHANDLING["Levering af ydelsen"],
        "Opfølgning": FAMILIEBEHANDLING["Kvalitetskrav til leverandør"],
        "Lovgrundlag": FAMILIEBEHANDLING["Lovhjemmel"],
    }
    source = heading_docx(
        tmp_path / "overskrifter.docx",
        {"Støttende indsatser": {"Familiebehandling i hjemmet": renamed}},
        extra={"Familiebehandling i hjemmet": ("Opfølgning", "Ventetid|Der er ingen ventetid.")},
    )
    item = by_title(dry_run(repo_path, source))["Familiebehandling i hjemmet"]
    assert item["kategori"] == "Støttende indsatser"
    assert item["id"] == "familiebehandling-i-hjemmet"
    for name in FIELDS:
        if name != "Kvalitetskrav til leverandør":
            assert item["felter"][name] == FAMILIEBEHANDLING[name], name
    quality = item["felter"]["Kvalitetskrav til leverandør"]
    assert quality.startswith(FAMILIEBEHANDLING["Kvalitetskrav til leverandør"])
    assert "„Ventetid“ svarer ikke til et felt" in quality  # marked, not dropped
    assert quality.endswith("Der er ingen ventetid.")
    nearest = [p for p in item["placering"] if p["hvordan"] == "nearest"]
    assert [(p["kilde"], p["felt"]) for p in nearest] == [
        ("Ventetid", "Kvalitetskrav til leverandør")
    ]


def test_bold_lead_ins_under_indsats_headings(repo_path: Path, tmp_path: Path) -> None:
    fields = {
        "Formål": "Den unge får en fast voksen at tale med.",
        "Målgruppe": "Unge fra 12 til 17 år med **behov for en voksen** uden for familien.",
        "Omfang": "Typisk 2 timer om ugen.",
        "Lovhjemmel": "§ 32, stk. 1, nr. 3, i barnets lov.",
    }
    source = heading_docx(
        tmp_path / "fed.docx",
        {"Støttende indsatser": {"Fast kontaktperson": fields, "Praktiktilbud": fields}},
        lead_ins=True,
    )
    found = by_title(dry_run(repo_path, source))
    assert list(found) == ["Fast kontaktperson", "Praktiktilbud"]
    item = found["Fast kontaktperson"]
    assert item["felter"]["Formål"] == fields["Formål"]
    assert item["felter"]["Målgruppe/tildelingskriterier"] == fields["Målgruppe"]
    assert item["felter"]["Omfang/varighed"] == fields["Omfang"]
    assert item["felter"]["Lovhjemmel"] == fields["Lovhjemmel"]
    assert item["mangler"] == ["Indhold", "Tildeling", "Levering af ydelsen",
                               "Kvalitetskrav til leverandør"]  # fmt: skip


def test_tracked_changes_give_the_accepted_text_and_comments_are_left_out(
    repo_path: Path, tmp_path: Path
) -> None:
    source = tracked_docx(tmp_path / "spor.docx")
    proc = run_cli("import", str(source), "--dry-run", cwd=repo_path)
    assert proc.returncode == 0, proc.stderr
    assert "2 sporede ændringer er stadig i dokumentet; den accepterede tekst er læst" in (
        proc.stdout
    )
    assert "én kommentar er udeladt" in proc.stdout
    item = by_title(dry_run(repo_path, source))["Fast kontaktperson"]
    assert item["felter"]["Formål"] == "Den unge får en fast og tryg voksen at tale med."
    assert "alder" not in json.dumps(item, ensure_ascii=False)


def test_the_text_report_says_what_went_where(repo_path: Path, tmp_path: Path) -> None:
    source = heading_docx(
        tmp_path / "kort.docx",
        {"Forebyggende indsatser": {"Netværksgrupper": {"Formålet med indsatsen": "At mødes."}}},
    )
    proc = run_cli("import", str(source), "--dry-run", "--kategori", "X", cwd=repo_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert (
        "Netværksgrupper → indsatser/netvaerksgrupper.md (ny; kategori: Forebyggende indsatser)"
        in lines
    )
    assert "  Formål ← „Formålet med indsatsen“" in lines
    assert lines[-1] == "Prøvekørsel: intet er skrevet."


def test_ids_fold_danish_letters_and_stay_unique(repo_path: Path, tmp_path: Path) -> None:
    one = {"Formål": "Et formål."}
    source = heading_docx(
        tmp_path / "ens.docx",
        {"Anbringelse": {"Økonomisk støtte til ældre søskende": one}, "Andet": {
            "Økonomisk støtte til ældre søskende": one}},
    )  # fmt: skip
    ids = [item["id"] for item in dry_run(repo_path, source)["indsatser"]]
    assert ids == [
        "oekonomisk-stoette-til-aeldre-soeskende",
        "oekonomisk-stoette-til-aeldre-soeskende-2",
    ]


def test_a_kvalitetsstandard_with_numbered_headings_bold_lines_and_extra_sections(
    repo_path: Path, tmp_path: Path
) -> None:
    plan = dry_run(repo_path, standard_docx(tmp_path / "kvalitetsstandard.docx"))
    (item,) = plan["indsatser"]
    assert item["titel"] == "Praktisk, pædagogisk støtte i hjemmet"  # no outline numbers
    assert item["kategori"] == "Støttende indsatser efter barnets lov"
    fields = item["felter"]
    assert fields["Formål"] == "Støtten skal hjælpe forældrene med at skabe struktur."
    assert fields["Indhold"] == (
        "Støtten kan fx være:\n\n- hjælp til morgenrutiner\n- hjælp til lektier"
    )
    assert fields["Målgruppe/tildelingskriterier"] == "Familier med børn under 18 år."
    assert fields["Omfang/varighed"] == "Typisk 4 timer om ugen i op til et halvt år."
    assert fields["Tildeling"].startswith("Kontakt Børne- og Familierådgivningen.")
    assert "„Egenbetaling“" in fields["Tildeling"]  # the section before it, marked
    assert fields["Levering af ydelsen"] == "Kommunens familiekonsulenter."
    assert fields["Kvalitetskrav til leverandør"].startswith("Rådgiveren følger op")
    assert fields["Kvalitetskrav til leverandør"].endswith("inden fire uger.")
    assert fields["Lovhjemmel"] == "Barnets lov § 32, stk. 1, nr. 2."
    placed = {p["kilde"]: p["hvordan"] for p in item["placering"]}
    assert placed["Egenbetaling"] == placed["Klageadgang"] == "nearest"
    assert plan["ikke_importeret"] == [
        {"kilde": "kvalitetsstandard.docx", "tekst": "Kvalitetsstandarder 2026"},
        {"kilde": "kvalitetsstandard.docx", "tekst": "Indholdsfortegnelse"},
    ]
