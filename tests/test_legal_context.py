"""Terms and references read in their context (issue 18, point 2): aflastning is outdated only
in the støtteophold sense, SEL § 44 and § 50 point to their barnets lov successors, and a bare
§ is read in the law the text itself cites."""

from __future__ import annotations

import pytest

from legal_docs import indsats
from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import check_indsats


def found(**fields: str) -> list[Finding]:
    doc = indsats({k.replace("_", "/"): v for k, v in fields.items()})
    return check_indsats("i.md", doc)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


@pytest.mark.parametrize(
    "text",
    [
        "Forældre til et barn med handicap kan få aflastning i hjemmet.",
        "Aflastning og afløsning gives, når forældrene passer barnet i hjemmet.",
        "Aflastning efter servicelovens § 84, jf. barnets lov § 90.",
    ],
)
def test_aflastning_for_a_child_with_a_disability_is_still_aflastning(text: str) -> None:
    assert "termer-outdated" not in codes(found(Indhold=text))


def test_the_whole_indsats_decides_the_sense_of_aflastning() -> None:
    about_84 = found(
        Indhold="Aflastningen foregår i en plejefamilie.",
        Lovhjemmel="§ 90 i barnets lov, jf. servicelovens § 84, stk. 1.",
    )
    assert "termer-outdated" not in codes(about_84)
    stay = found(Indhold="Aflastningen foregår i en plejefamilie hver tredje weekend.")
    assert codes(stay).count("termer-outdated") == 1
    old_52 = found(
        Indhold="Barnet med handicap kan få et aflastningsophold.",
        Lovhjemmel="SEL § 52, stk. 3, nr. 5.",
    )
    assert "termer-outdated" in codes(old_52)


def test_section_44_points_to_section_90_and_not_only_to_serviceloven() -> None:
    old = found(Lovhjemmel="Servicelovens § 44, jf. § 84.")
    (f,) = [f for f in old if f.code == "lovhjemmel-repealed"]
    assert f.severity == "error" and "§ 90 i barnets lov" in f.message
    assert "termer-outdated" not in codes(old)


def test_section_50_points_to_afdaekning_and_undersoegelse() -> None:
    (f,) = [
        f
        for f in found(Tildeling="Der laves en undersøgelse efter servicelovens § 50.")
        if f.code == "lovhjemmel-repealed"
    ]
    assert "§§ 19-20 i barnets lov" in f.message and "afdækning" in f.message


def test_a_bare_paragraph_is_read_in_the_law_the_text_cites() -> None:
    old = found(
        Tildeling="Der skal laves en undersøgelse efter § 50.",
        Lovhjemmel="§ 52, stk. 3, nr. 3 i Lov om social service.",
    )
    assert next(f.message for f in old if "§ 50" in f.message).startswith("§ 50 i serviceloven")
    new = found(Tildeling="Afgørelsen træffes efter § 32.", Lovhjemmel="§ 32 i barnets lov.")
    assert "lovhjemmel-repealed" not in codes(new)


def test_a_rule_barnets_lov_changed_is_found_without_a_paragraph() -> None:
    rule = found(Tildeling="Der skal foreligge en børnefaglig undersøgelse, før der gives støtte.")
    (f,) = [f for f in rule if f.code == "lovhjemmel-rule-changed"]
    assert (f.severity, f.kind) == ("warning", "forældet-henvisning")
    assert "§ 32, stk. 4" in (f.explanation or "")
    lawful = found(Tildeling="Afgørelsen bygger på en afdækning eller en børnefaglig undersøgelse.")
    assert "lovhjemmel-rule-changed" not in codes(lawful)
