"""An indsats that sets limits must say, in its own text, that they are vejledende and the
decision rests on a konkret og individuel vurdering (issue 18, point 4); and the sentence
rules that find the restrictions real kommuner write (point 1), on invented examples."""

from __future__ import annotations

import pytest

from legal_docs import indsats, line_of
from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import check_indsats
from sn_tui.domain.checks.legal.vurdering import individual_in_indsats, scan_sentences

NO_STATEMENT = "Rådgiveren træffer afgørelse."


def findings(**fields: str) -> list[Finding]:
    values = {"Tildeling": NO_STATEMENT, **{k.replace("_", "/"): v for k, v in fields.items()}}
    return check_indsats("i.md", indsats(values))


def of_kind(found: list[Finding], kind: str) -> list[Finding]:
    return [f for f in found if f.kind == kind]


def test_a_softened_limit_still_needs_the_statement_in_the_indsats() -> None:
    omfang = "Som udgangspunkt bevilges op til 6 døgn om måneden."
    found = findings(Omfang_varighed=omfang)
    (f,) = of_kind(found, "manglende-individuel-vurdering")
    doc = indsats({"Tildeling": NO_STATEMENT, "Omfang/varighed": omfang})
    assert (f.code, f.severity, f.field) == ("vurdering-individuel", "warning", "Omfang/varighed")
    assert f.line == line_of(doc.text, "Som udgangspunkt")
    assert "op til 6 døgn" in f.message
    assert of_kind(found, "minimumskriterie") == []  # softened: no cap of its own


@pytest.mark.parametrize("limit", individual_in_indsats().skal_fange)
def test_a_limit_without_the_statement_is_found(limit: str) -> None:
    assert of_kind(findings(Omfang_varighed=limit), "manglende-individuel-vurdering")


@pytest.mark.parametrize("statement", individual_in_indsats().maa_ikke_fange)
def test_the_statement_anywhere_in_the_indsats_answers_it(statement: str) -> None:
    found = findings(Omfang_varighed="Der bevilges op til 6 døgn om måneden.", Tildeling=statement)
    assert of_kind(found, "manglende-individuel-vurdering") == []


def test_an_indsats_without_limits_needs_no_statement() -> None:
    found = findings(Omfang_varighed="Omfanget aftales med familien og følges op hvert halve år.")
    assert of_kind(found, "manglende-individuel-vurdering") == []


def test_a_lead_in_softens_the_list_it_introduces_and_only_that() -> None:
    text = (
        "Som udgangspunkt bevilges:\n\n- 3-5 årige: 6 døgn pr. måned\n- 6-9 årige: 8 døgn pr. "
        "måned\n\nDerefter:\n\n- 10-13 årige: 10 døgn pr. måned\n"
    )
    hits = [(h.rule.id, h.softened) for h in scan_sentences(text)]
    assert hits == [("pr-periode", True), ("pr-periode", True), ("pr-periode", False)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Forældrene skal være motiverede for forandring.", "minimumskriterie"),
        ("Den unge skal have både faglige og sociale vanskeligheder.", "minimumskriterie"),
        ("Barnet skal have brug for opsyn hele døgnet.", "minimumskriterie"),
        ("Der bevilges op til 4 døgn om måneden.", "minimumskriterie"),
        ("Familien kan få hjælp i op til 20 timer.", "minimumskriterie"),
        ("Tilskuddet ydes svarende til egenbetalingen.", "minimumskriterie"),
        ("Udgifter til transport afholdes af familien.", "minimumskriterie"),
        ("Du skal selv betale for kost.", "minimumskriterie"),
        ("Tilbuddet gives kun til elever i 8.-9. klasse.", "minimumskriterie"),
        ("Der må påregnes ventetid.", "minimumskriterie"),
        ("Der forventes egenbetaling.", "minimumskriterie"),
        ("Ordningen gælder ikke for unge sindslidende.", "minimumskriterie"),
        ("Tabt arbejdsfortjeneste skal nedsættes, når barnet starter i skole.", "automatik"),
        ("Bevillingen bortfalder ved skoleskift.", "automatik"),
        (
            "Rådgiveren vurderer ud fra serviceniveauet, om familien kan få hjælp.",
            "manglende-individuel-vurdering",
        ),
    ],
)
def test_the_issues_constructions_are_found(text: str, kind: str) -> None:
    found = findings(Indhold=text, Tildeling="Efter en konkret og individuel vurdering.")
    assert [f.kind for f in found if f.field == "Indhold"] == [kind], text


@pytest.mark.parametrize(
    "text",
    [
        "Som udgangspunkt bevilges op til 4 døgn om måneden.",
        "Typisk 2 til 4 timer om ugen.",
        "Efter en konkret og individuel vurdering kan der bevilges op til 10 timer.",
        "Omfanget er vejledende: 3 timer om ugen.",
        "Indsatsen støtter både barnet og forældrene.",
        "Hjælpen kan ophøre, hvis barnets situation ændrer sig.",
        "Kvalitetsstandarden beskriver kommunens serviceniveau.",
        "Barnet skal have nære og stabile relationer til voksne.",
    ],
)
def test_lawful_look_alikes_stay_quiet(text: str) -> None:
    found = findings(Indhold=text, Tildeling="Efter en konkret og individuel vurdering.")
    assert [f.code for f in found if f.field == "Indhold"] == [], text


def test_each_finding_quotes_its_words_and_names_its_source() -> None:
    (f,) = [
        f
        for f in findings(Indhold="Udgifter til transport afholdes af familien.")
        if f.field == "Indhold"
    ]
    assert "»afholdes af familien«" in f.message
    assert "Kilde:" in (f.explanation or "") and f.suggestion
