"""Rule 3: words that barnets lov replaced, in all their inflections."""

from __future__ import annotations

import pytest

from legal_docs import indsats
from sn_tui.domain.checks.legal import check_indsats
from sn_tui.domain.checks.legal.termer import Term, term_hits, terms


@pytest.mark.parametrize("term", terms(), ids=lambda t: t.id)
def test_each_term_fires_on_its_examples_and_not_on_its_counter_examples(term: Term) -> None:
    assert term.skal_fange and term.maa_ikke_fange
    for text in term.skal_fange:
        assert [t.id for t, _ in term_hits(text)] == [term.id], text
    for text in term.maa_ikke_fange:
        assert term_hits(text) == [], text


@pytest.mark.parametrize(
    ("word", "replacement", "severity"),
    [
        ("handleplanen", "barnets plan", "error"),
        ("handleplaner", "barnets plan", "error"),
        ("efterværn", "ungestøtte", "error"),
        ("aflastningsophold", "støtteophold", "warning"),
        ("aflastningen", "støtteophold", "warning"),
        ("foranstaltninger", "indsats", "warning"),
        ("Foranstaltningen", "indsats", "warning"),
    ],
)
def test_inflections_and_the_suggested_replacement(
    word: str, replacement: str, severity: str
) -> None:
    doc = indsats({"Indhold": f"Her nævnes {word} i en sætning."})
    (f,) = [f for f in check_indsats("i.md", doc) if f.code == "termer-outdated"]
    assert (f.severity, f.field) == (severity, "Indhold")
    assert f.suggestion == f"Skriv »{replacement}« i stedet for »{word}«."
    assert f.message.startswith(f"»{word}« hedder »{replacement}«")


def test_words_that_merely_contain_a_term_do_not_fire() -> None:
    assert term_hits("Støtteophold og ungestøtte er nye ord; planlægning er vigtig.") == []
