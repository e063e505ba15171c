"""`sn-tui import --dry-run` of web pages saved from a kommune's site: only the main content is
read (no cookie banner, menu, breadcrumbs or footer), one indsats per page or several."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import git, run_cli
from import_docs import FAMILIEBEHANDLING_PAGE, NEWS_PAGE, SEVERAL_PAGE


def plan_of(repo: Path, page: Path) -> dict[str, object]:
    proc = run_cli("import", str(page), "--dry-run", "--format", "json", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    data: dict[str, object] = json.loads(proc.stdout)
    return data


def test_one_indsats_per_page_main_content_only(repo_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "familiebehandling.html"
    page.write_text(FAMILIEBEHANDLING_PAGE, encoding="utf-8")
    plan = plan_of(repo_path, page)
    (item,) = plan["indsatser"]  # type: ignore[misc]
    fields = item["felter"]
    assert item["titel"] == "Familiebehandling"
    assert fields["Formål"] == (
        "Familiebehandling skal styrke forældrenes evne til at give barnet en tryg hverdag."
    )
    assert fields["Målgruppe/tildelingskriterier"] == (
        "Familier med børn i alderen 0–17 år, hvor der er **bekymring for barnets trivsel**."
    )
    assert fields["Indhold"] == "- samtaler med hele familien\n- forældrekurser i *grupper*"
    assert fields["Omfang/varighed"] == "Typisk 3–6 måneder."
    assert fields["Tildeling"] == (
        "Kontakt Børne- og Familierådgivningen. Læs mere på [siden om rådgivning]"
        "(/born/raadgivning)."
    )
    assert fields["Levering af ydelsen"] == "Kommunens familiehus."
    assert fields["Kvalitetskrav til leverandør"].startswith(
        "Rådgiveren følger op hver tredje måned."
    )
    assert "„Ventetid“" in fields["Kvalitetskrav til leverandør"]
    assert fields["Kvalitetskrav til leverandør"].endswith("Der er ingen venteliste.")
    assert fields["Lovhjemmel"] == "§ 32, stk. 1, nr. 5, i barnets lov."
    everything = json.dumps(plan, ensure_ascii=False)
    for chrome in ("cookies", "Accepter", "Forside", "Erhverv", "Se også", "Torvet 1"):
        assert chrome not in everything, chrome
    assert plan["ikke_importeret"] == [
        {"kilde": "familiebehandling.html", "tekst": "Vedtaget: 12. marts 2025 / Opdateret: "
         "3. februar 2026"}
    ]  # fmt: skip


def test_a_page_with_several_indsatser_and_bold_lead_ins(repo_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "stoettende.htm"
    page.write_text(SEVERAL_PAGE, encoding="utf-8")
    plan = plan_of(repo_path, page)
    items = {i["titel"]: i for i in plan["indsatser"]}  # type: ignore[attr-defined]
    assert list(items) == ["Fast kontaktperson", "Praktiktilbud"]
    assert items["Fast kontaktperson"]["kategori"] == "Serviceniveau for støttende indsatser"
    assert items["Fast kontaktperson"]["felter"] == {
        "Formål": "Den unge får en fast og tryg voksen at tale med.",
        "Målgruppe/tildelingskriterier": "Unge i alderen 12–17 år.",
        "Lovhjemmel": "§ 32, stk. 1, nr. 3, i barnets lov.",
    }
    assert items["Praktiktilbud"]["id"] == "praktiktilbud"


def test_a_page_without_an_indsats_is_refused(repo_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "nyheder.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    head = git(repo_path, "rev-parse", "HEAD")
    proc = run_cli("import", str(page), cwd=repo_path, SN_USER="mette")
    assert proc.returncode == 2
    assert proc.stderr == (
        "sn-tui: nyheder.html indeholder ingen indsats, som kan genkendes: ingen overskrifter "
        "eller tabeller med felter som Formål, Indhold eller Lovhjemmel.\n"
    )
    assert git(repo_path, "rev-parse", "HEAD") == head
