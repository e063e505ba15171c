"""Rule 5: CPR numbers and personal e-mail addresses are errors; phone numbers are warnings."""

from __future__ import annotations

import pytest

from legal_docs import indsats, indsats_text, line_of
from sn_tui.domain.checks.legal import check_indsats
from sn_tui.domain.document import Document


def codes(text: str) -> list[str]:
    doc = indsats({"Levering af ydelsen": text})
    return [f.code for f in check_indsats("i.md", doc) if f.code.startswith("persondata")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Barnet har CPR-nr. 010203-1234.", "persondata-cpr"),
        ("Sagen om 2902001234 er lukket.", "persondata-cpr"),  # 29 February 2000
        ("Kontakt mette.hansen@kommune.dk for at høre mere.", "persondata-email"),
        ("Skriv til mh@kommune.dk.", "persondata-email"),
        ("Ring til Mette på 12 34 56 78.", "persondata-phone"),
        ("Ring på +45 2233 4455.", "persondata-phone"),
        ("Tlf. 22334455.", "persondata-phone"),
    ],
)
def test_personal_data_is_found(text: str, code: str) -> None:
    assert codes(text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Budgettet er 4.500.000 kr. i 2025.",
        "Beløbet 1234567890 kr. er samlet.",
        "Numre som 3213011234 er ikke en dato.",  # day 32: not a CPR number
        "Sagen fra 2902011234 er lukket.",  # 29 February 2001 does not exist
        "Skriv til familie@kommune.dk eller boern-og-unge@kommune.dk.",
        "Ring til borgerservice på 70 10 20 30.",
        "Leverandøren har CVR-nr. 12345678.",
        "Perioden 2024 2025 er omfattet.",
        "Se sagsnr. 12345678.",
        "Mellem 2 og 6 døgn om måneden, i alt 24 døgn om året.",
    ],
)
def test_amounts_years_function_addresses_and_service_numbers_are_fine(text: str) -> None:
    assert codes(text) == []


def test_the_finding_points_at_the_line_and_field() -> None:
    text = indsats_text({"Indhold": "Første linje.\nRing til 12 34 56 78."})
    (f,) = [f for f in check_indsats("i.md", Document.parse(text)) if f.code.startswith("pers")]
    assert (f.severity, f.field, f.line) == ("warning", "Indhold", line_of(text, "Ring til"))
