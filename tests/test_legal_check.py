"""The whole check on one file: line numbers, fields, categories, and a clean file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legal_docs import GOOD_FIELDS, indsats, indsats_text, line_of, serviceniveau
from sn_tui.domain.checks.legal import (
    CATEGORIES,
    CODES,
    category_of,
    check_indsats,
    check_serviceniveau,
)
from sn_tui.domain.document import Document

PROBLEMS = {
    "Formål": "Barnet får ro.\n\nMålene står i handleplanen.",
    "Indhold": "Kontaktpersonen mødes med barnet.\nSkriv til mette.hansen@kommune.dk.",
    "Målgruppe/tildelingskriterier": "Børn med ADHD kan ikke få en kontaktperson.",
    "Omfang/varighed": "Typisk 2 timer om ugen.\nDer gives højst 8 timer om ugen.",
    "Lovhjemmel": "§ 32, stk. 1, nr. 3, i barnets lov\nog SEL § 52, stk. 3, nr. 5.",
}
EXPECTED = [  # code, field, a piece of the line it must point at
    ("termer-outdated", "Formål", "handleplanen"),
    ("persondata-email", "Indhold", "mette.hansen"),
    ("vurdering-phrase", "Målgruppe/tildelingskriterier", "Børn med ADHD"),
    ("vurdering-phrase", "Omfang/varighed", "højst 8"),
    ("lovhjemmel-repealed", "Lovhjemmel", "SEL § 52"),
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
def test_each_finding_points_at_its_line_and_field(newline: str, bom: bool) -> None:
    text = indsats_text(PROBLEMS).replace("\n", newline)
    data = ("\ufeff" if bom else "") + text
    found = check_indsats("indsatser/kontaktperson.md", Document.parse(data.encode()))
    got = [(f.code, f.field, f.line) for f in found]
    assert got == [(code, field, line_of(text, piece)) for code, field, piece in EXPECTED]
    assert all(f.path == "indsatser/kontaktperson.md" for f in found)


def test_every_finding_is_complete_and_danish() -> None:
    for f in check_indsats("i.md", indsats(PROBLEMS)):
        assert f.message.endswith(".") and f.explanation and f.suggestion
        assert f.code in CODES and f.severity in CODES[f.code]


def test_a_good_indsats_has_no_findings() -> None:
    assert check_indsats("i.md", indsats()) == []


def test_serviceniveau_findings_point_at_their_section() -> None:
    doc = serviceniveau(
        "Kontakt borgmesteren på 22 33 44 55.",
        "Der foretages altid en konkret og individuel vurdering. Hjælpen ydes ikke til unge.",
    )
    got = [(f.code, f.field, f.line) for f in check_serviceniveau("serviceniveau.md", doc)]
    assert got == [
        ("persondata-phone", "Forord", line_of(doc.text, "Kontakt")),
        ("vurdering-phrase", "Principper for indsatsen", line_of(doc.text, "Der foretages")),
    ]


def test_every_code_has_a_category_or_concerns_the_exceptions() -> None:
    assert CATEGORIES == ("lovhjemmel", "vurdering", "termer", "persondata", "skabelon", "lix")
    for code in CODES:
        assert category_of(code) in (*CATEGORIES, "undtagelse"), code
    assert category_of("vurdering-phrase-accepted") == "vurdering"


def test_unreadable_frontmatter_is_left_to_the_structural_check() -> None:
    text = indsats_text().replace("titel: Fast kontaktperson", "titel: [uafsluttet")
    assert check_indsats("i.md", Document.parse(text)) == []


_WORDS = st.sampled_from(
    [
        "Barnet",
        "får",
        "højst",
        "8",
        "timer",
        "§ 32",
        "stk. 1",
        "nr. 9",
        "SEL § 41",
        "handleplan",
        "12 34 56 78",
        "010203-1234",
        "a@b.dk",
        "[tekst]",
        "ikke",
        "ydes",
        ".",
        ",",
        "\n",
        "\n\n",
        "- ",
        "konkret og individuel vurdering",
        "tidligere",
        "æøå",
        "\r\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(list(GOOD_FIELDS)), st.lists(_WORDS).map(" ".join)))
def test_any_text_gives_findings_with_lines_inside_the_file(fields: dict[str, str]) -> None:
    text = indsats_text(fields)
    lines = text.count("\n") + 1
    for f in check_indsats("i.md", Document.parse(text)):
        assert 1 <= f.line <= lines
        assert f.code in CODES and f.severity in CODES[f.code]
