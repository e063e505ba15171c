"""Rule 2: the konkret og individuel vurdering, and phrases that make the text a minimum
criterion, a cap or an automatic trigger. Every rule in vurdering.yml carries examples that
must fire and examples that must not; each is run here, plus the cases the issue names."""

from __future__ import annotations

import pytest

from legal_docs import indsats, line_of, serviceniveau
from sn_tui.domain.checks.legal import check_indsats, check_serviceniveau
from sn_tui.domain.checks.legal.vurdering import (
    PhraseRule,
    phrase_hits,
    phrase_rules,
    required,
    states_individual_assessment,
)


def fired(text: str) -> list[str]:
    return [rule.id for rule, _, _ in phrase_hits(text)]


@pytest.mark.parametrize("rule", phrase_rules(), ids=lambda r: r.id)
def test_each_rule_fires_on_its_examples(rule: PhraseRule) -> None:
    assert rule.skal_fange, f"{rule.id} has no example that must fire"
    for text in rule.skal_fange:
        assert fired(text) == [rule.id], text


@pytest.mark.parametrize("rule", phrase_rules(), ids=lambda r: r.id)
def test_each_rule_stays_quiet_on_its_counter_examples(rule: PhraseRule) -> None:
    assert rule.maa_ikke_fange, f"{rule.id} has no example that must not fire"
    for text in rule.maa_ikke_fange:
        assert fired(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Børn med ADHD kan ikke få aflastning.",
        "Hjælpen ydes ikke til unge over 15 år.",
        "Støtten gives kun hvis barnet går i skole.",
        "Der gives højst 8 timer om ugen.",
        "Indsatsen varer maksimalt 6 måneder.",
        "Støtte bevilges aldrig i ferier.",
        "En diagnose udløser automatisk ret til støtte.",
        "Indsatsen bevilges automatisk ved skoleskift.",
        "Børn, der er anbragt, er udelukket fra tilbuddet.",
        "Unge over 18 år er ikke berettiget til støtten.",
        "Der bevilges altid 10 timer.",
    ],
)
def test_the_issues_phrases_fire(text: str) -> None:
    assert len(fired(text)) == 1, text


@pytest.mark.parametrize(
    "text",
    [
        "Der foretages altid en konkret og individuel vurdering af barnets behov.",
        "En underretning udløser en børnefaglig undersøgelse efter en konkret vurdering.",
        "Der gives som udgangspunkt højst 8 timer om ugen.",
        "Indsatsen varer typisk maksimalt 6 måneder.",
        "Det vejledende omfang er højst 8 timer om ugen.",
        "Normalt ydes hjælpen ikke i weekender.",
        "Serviceniveauet er vejledende og fungerer hverken som minimumskriterier eller som en "
        "automatisk adgang til bestemte indsatser.",
        "Familien kan altid kontakte rådgiveren.",
        "Kontaktpersonen mødes med barnet hver uge og hjælper med lektier.",
    ],
)
def test_softened_and_descriptive_text_does_not_fire(text: str) -> None:
    assert fired(text) == [], text


def test_one_warning_per_sentence_with_the_phrase_quoted() -> None:
    doc = indsats({"Omfang/varighed": "Der gives højst 8 timer. Indsatsen varer maksimalt et år."})
    found = [f for f in check_indsats("i.md", doc) if f.code == "vurdering-phrase"]
    assert [(f.severity, f.field) for f in found] == [("warning", "Omfang/varighed")] * 2
    assert found[0].message.endswith("»højst 8«.")
    assert found[0].explanation and found[0].suggestion


def test_the_lovhjemmel_field_is_not_read_for_phrases() -> None:
    doc = indsats({"Lovhjemmel": "§ 32, stk. 1, nr. 3, i barnets lov. Ydes ikke efter § 35."})
    assert not [f for f in check_indsats("i.md", doc) if f.code == "vurdering-phrase"]


def test_required_statement_examples() -> None:
    rule = required()
    for text in rule.skal_fange:
        assert not states_individual_assessment(text), text
    for text in rule.maa_ikke_fange:
        assert states_individual_assessment(text), text


def test_serviceniveau_without_the_individual_assessment_is_an_error() -> None:
    doc = serviceniveau("Velkommen til serviceniveauet.", "Vi tror på tidlig indsats.")
    (f,) = [f for f in check_serviceniveau("serviceniveau.md", doc) if f.code.startswith("vurd")]
    assert (f.code, f.severity, f.field, f.line) == (
        "vurdering-missing",
        "error",
        "Principper for indsatsen",
        line_of(doc.text, "## Principper for indsatsen"),
    )


def test_serviceniveau_with_it_in_any_inflection_or_order_passes() -> None:
    for wording in (
        "Der foretages altid en konkret og individuel vurdering.",
        "Afgørelsen bygger på en individuel og konkret vurdering.",
        "Efter en konkrete og individuelle vurdering af behovet.",
    ):
        doc = serviceniveau("Velkommen.", wording)
        assert not check_serviceniveau("serviceniveau.md", doc), wording
