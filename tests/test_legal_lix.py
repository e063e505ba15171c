"""Rule 6: LIX per field and for the whole indsats; above 55 is a warning."""

from __future__ import annotations

import pytest

from legal_docs import indsats, indsats_text, line_of
from sn_tui.domain.checks.legal import check_indsats, lix, lix_report
from sn_tui.domain.fields import FIELDS

EASY = "Vi ser barnet hver uge. Vi taler med mor og far. Vi laver en plan. " * 4
HARD = (
    "Myndighedsrådgiverens helhedsorienterede sagsbehandlingsforløb understøtter "
    "tværprofessionelle samarbejdsrelationer mellem forældremyndighedsindehaveren, "
    "familiebehandlingsinstitutionen og dagtilbudsleverandørernes specialiserede "
    "kompetenceudviklingsindsatser vedrørende børnefaglige undersøgelsesmetoder. "
) * 3


def test_lix_of_a_known_text() -> None:
    # 8 words, 1 sentence, 3 words longer than six letters: 8 + 100 * 3 / 8 = 45.5
    assert lix("Rådgiveren træffer afgørelse efter en konkret faglig vurdering.") == pytest.approx(
        8 / 1 + 100 * 5 / 8
    )
    assert lix("") == 0.0
    assert lix("   \n\n ") == 0.0


def test_list_items_count_as_sentences() -> None:
    assert lix("- en\n- to\n- tre") == pytest.approx(1.0)


def test_report_per_field_and_total() -> None:
    doc = indsats({"Indhold": EASY, "Formål": HARD, "Tildeling": ""})
    report = lix_report(doc, FIELDS)
    assert set(report) == {*FIELDS, "_samlet"}
    assert report["Indhold"] < 30 < 55 < report["Formål"]
    assert report["Tildeling"] == 0.0


def test_a_hard_field_is_a_warning_naming_field_and_score() -> None:
    doc = indsats({"Formål": HARD})
    found = [f for f in check_indsats("i.md", doc) if f.code == "lix-high"]
    (field,) = [f for f in found if f.field == "Formål"]
    assert field.severity == "warning"
    assert field.line == line_of(indsats_text({"Formål": HARD}), "## Formål")
    score = lix_report(doc, ["Formål"])["Formål"]
    assert field.message == (
        f"Feltet Formål har LIX {score:.1f}, som er svær tekst (over 55).".replace(".", ",", 1)
    )


def test_short_and_easy_fields_get_no_warning() -> None:
    short_hard = "Myndighedsrådgiverens sagsbehandlingsforløb understøttes tværprofessionelt."
    doc = indsats({"Formål": short_hard, "Indhold": EASY})
    assert not [f for f in check_indsats("i.md", doc) if f.code == "lix-high"]


def test_a_hard_indsats_as_a_whole_is_a_warning() -> None:
    fields = {name: HARD for name in ("Formål", "Indhold", "Tildeling")}
    found = [f for f in check_indsats("i.md", indsats(fields)) if f.code == "lix-high"]
    assert [f.field for f in found if f.field is None] == [None]
    assert any(f.message.startswith("Indsatsen har LIX") for f in found)
