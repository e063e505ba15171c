"""Rules 1 and 4: references to unknown or repealed provisions, the Lovhjemmel field, and the
formål and varighed that § 32 and § 46 indsatser must describe."""

from __future__ import annotations

from legal_docs import indsats
from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import check_indsats


def findings(fields: dict[str, str], prefix: str = "lovhjemmel") -> list[Finding]:
    found = check_indsats("indsatser/kontaktperson.md", indsats(fields))
    return [f for f in found if f.code.startswith(prefix)]


def codes(fields: dict[str, str], prefix: str = "lovhjemmel") -> list[str]:
    return [f.code for f in findings(fields, prefix)]


def test_a_correct_reference_gives_nothing() -> None:
    assert codes({}) == []
    assert codes({"Lovhjemmel": "Barnets lov § 32, stk. 1, nr. 7 og § 35, stk. 4, nr. 3."}) == []


def test_an_unknown_nr_is_an_error_that_says_what_exists() -> None:
    (f,) = findings({"Lovhjemmel": "§ 32, stk. 1, nr. 9, i barnets lov."})
    assert (f.code, f.severity, f.field) == ("lovhjemmel-unknown", "error", "Lovhjemmel")
    assert f.message == "§ 32, stk. 1, nr. 9, i barnets lov findes ikke: § 32, stk. 1, har nr. 1-8."
    assert f.explanation and f.suggestion


def test_an_unknown_stk_and_paragraph_are_errors() -> None:
    (stk,) = findings({"Lovhjemmel": "§ 46, stk. 7, i barnets lov."})
    assert stk.message == "§ 46, stk. 7, i barnets lov findes ikke: § 46 har stk. 1-4."
    (para,) = findings({"Lovhjemmel": "§ 320 i barnets lov."})
    assert para.message == "§ 320 i barnets lov findes ikke: loven har §§ 1-214."
    (letter,) = findings({"Lovhjemmel": "§ 32 a i barnets lov."})
    assert letter.code == "lovhjemmel-unknown"
    assert "LBK nr. 282 af 17/03/2025" in letter.message


def test_an_unknown_reference_anywhere_in_the_text_is_an_error() -> None:
    (f,) = findings({"Indhold": "Indsatsen gives efter § 32, stk. 1, nr. 12."})
    assert (f.code, f.field) == ("lovhjemmel-unknown", "Indhold")


def test_a_repealed_provision_names_its_replacement() -> None:
    (f,) = findings({"Lovhjemmel": "SEL 52, stk. 3, nr. 5"})
    assert (f.code, f.severity) == ("lovhjemmel-repealed", "error")
    assert f.message == (
        "§ 52, stk. 3, nr. 5 i serviceloven (aflastningsophold) gælder ikke længere for børn og "
        "unge: brug § 32, stk. 1, nr. 7, i barnets lov (støtteophold)."
    )
    assert f.suggestion == "Skriv »§ 32, stk. 1, nr. 7, i barnets lov«."


def test_each_replacement_the_issue_names() -> None:
    cases = {
        "servicelovens § 41": "§ 86 i barnets lov",
        "serviceloven § 42": "§ 87 i barnets lov",
        "SEL § 76": "§§ 113-116 i barnets lov",
        "§ 140 i serviceloven": "§ 91 i barnets lov",
        "SEL § 11": "§§ 28-31 i barnets lov",
    }
    for text, replacement in cases.items():
        (f,) = findings({"Lovhjemmel": text})
        assert f.code == "lovhjemmel-repealed"
        assert f"brug {replacement}" in f.message, f.message


def test_an_uncertain_mapping_asks_for_verification_instead_of_guessing() -> None:
    (f,) = findings({"Lovhjemmel": "SEL § 52 a"})
    assert f.code == "lovhjemmel-repealed"
    assert "formentlig" in f.message and "skal kontrolleres" in f.message
    (nr,) = findings({"Lovhjemmel": "§ 52, stk. 3, nr. 3, i lov om social service"})
    assert "skal kontrolleres" in nr.message


def test_a_historical_mention_of_the_old_provision_is_fine() -> None:
    text = "Støtteophold (tidligere aflastning efter SEL § 52, stk. 3, nr. 5) gives i plejefamilie."
    assert codes({"Indhold": text}, prefix="") == []


def test_other_serviceloven_references_are_a_warning_unless_barnets_lov_90_applies_them() -> None:
    (f,) = findings({"Indhold": "Hjælpemidler gives efter § 112 i serviceloven."}, "termer")
    assert (f.code, f.severity) == ("termer-serviceloven", "warning")
    ok = "Hjælpemidler gives efter § 112 i serviceloven, jf. barnets lov § 90."
    assert codes({"Indhold": ok}, prefix="termer") == []
    (loose,) = findings({"Indhold": "Hjælpen gives efter serviceloven."}, "termer")
    assert loose.message.startswith("Serviceloven nævnes")


def test_an_empty_lovhjemmel_is_an_error() -> None:
    (f,) = findings({"Lovhjemmel": ""})
    assert (f.code, f.severity, f.field) == ("lovhjemmel-empty", "error", "Lovhjemmel")


def test_a_lovhjemmel_without_any_paragraph_is_a_warning() -> None:
    (f,) = findings({"Lovhjemmel": "Barnets lov."})
    assert (f.code, f.severity) == ("lovhjemmel-no-reference", "warning")


def test_section_32_and_46_indsatser_must_describe_formaal_and_varighed() -> None:
    found = findings({"Formål": "", "Omfang/varighed": "[tekst]"})
    assert [(f.code, f.field) for f in found] == [
        ("lovhjemmel-content-missing", "Formål"),
        ("lovhjemmel-content-placeholder", "Omfang/varighed"),
    ]
    assert "§ 32 i barnets lov" in found[0].message
    for filler in ("XX", "TBD", "...", "Varighed: [indsæt antal uger]"):
        anbringelse = {"Lovhjemmel": "§ 46 i barnets lov", "Omfang/varighed": filler}
        assert codes(anbringelse) == ["lovhjemmel-content-placeholder"], filler


def test_other_indsatser_and_real_text_need_no_formaal_check() -> None:
    assert codes({"Lovhjemmel": "§ 86 i barnets lov", "Formål": ""}) == []
    real = (
        "Typisk 3 måneder; forløbet kan forlænges... efter behov. Se [vejledningen](https://x.dk)."
    )
    assert codes({"Omfang/varighed": real}) == []
