"""The reference parser: the forms Danish texts use, every table row, and arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.lawtable import Provision, Replacement, barnets_lov, replacements
from sn_tui.domain.checks.legal.references import parse_references, scan


def refs(text: str) -> list[str]:
    return [str(r) for r in parse_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("§ 32, stk. 1, nr. 3 i barnets lov", ["§ 32, stk. 1, nr. 3, i barnets lov"]),
        ("§ 43, stk. 1, nr. 4, i barnets lov", ["§ 43, stk. 1, nr. 4, i barnets lov"]),
        ("barnets lov § 86", ["§ 86 i barnets lov"]),
        ("jf. Barnets Lov § 32, stk. 1, nr. 3", ["§ 32, stk. 1, nr. 3, i barnets lov"]),
        ("efter §§ 46 eller 47", ["§ 46 i barnets lov", "§ 47 i barnets lov"]),
        ("§ 35, stk. 4, nr. 3", ["§ 35, stk. 4, nr. 3, i barnets lov"]),
        ("SEL 52, stk. 3, nr. 5", ["§ 52, stk. 3, nr. 5, i serviceloven"]),
        (
            "§ 52, stk. 3, nr. 2 i Lov om social service",
            ["§ 52, stk. 3, nr. 2, i serviceloven"],
        ),
        ("servicelovens § 41", ["§ 41 i serviceloven"]),
        ("serviceloven § 140", ["§ 140 i serviceloven"]),
        ("SEL § 52a", ["§ 52 a i serviceloven"]),
        ("§ 52 a, stk. 2, i serviceloven", ["§ 52 a, stk. 2, i serviceloven"]),
        ("barnets lovs § 91", ["§ 91 i barnets lov"]),
        ("§ 30, nr. 2", ["§ 30, nr. 2, i barnets lov"]),
    ],
)
def test_the_forms_danish_texts_use(text: str, expected: list[str]) -> None:
    assert refs(text) == expected


def test_ranges_with_either_dash_expand_to_each_paragraph() -> None:
    expected = [f"§ {n} i barnets lov" for n in (113, 114, 115, 116)]
    assert refs("§§ 113–116") == expected
    assert refs("§§ 113-116") == expected
    assert refs("§§ 113 til 116") == expected


def test_lists_of_stk_and_nr_share_their_paragraph() -> None:
    assert refs("§ 32, stk. 1, nr. 3 og 5, og § 46") == [
        "§ 32, stk. 1, nr. 3, i barnets lov",
        "§ 32, stk. 1, nr. 5, i barnets lov",
        "§ 46 i barnets lov",
    ]
    assert refs("§ 35, stk. 3 og 4") == [f"§ 35, stk. {n}, i barnets lov" for n in (3, 4)]
    assert refs("§§ 46, 47 og 67") == [f"§ {n} i barnets lov" for n in (46, 47, 67)]


def test_a_law_before_a_chain_applies_to_all_of_it() -> None:
    assert refs("barnets lov §§ 28-29 og § 35") == [
        "§ 28 i barnets lov",
        "§ 29 i barnets lov",
        "§ 35 i barnets lov",
    ]
    assert refs("§ 32 i barnets lov og § 52 i serviceloven") == [
        "§ 32 i barnets lov",
        "§ 52 i serviceloven",
    ]


def test_other_laws_are_recognised_and_not_taken_for_barnets_lov() -> None:
    found = parse_references(
        "jf. § 12, stk. 2, i folkeskoleloven og § 54, stk. 3, i lov om bekæmpelse af "
        "ungdomskriminalitet samt forvaltningslovens § 19"
    )
    assert [r.law for r in found] == ["anden lov", "anden lov", "anden lov"]


def test_amounts_years_and_sentence_numbers_are_not_references() -> None:
    assert refs("§ 86, stk. 3, 5.348 kr. om året") == ["§ 86, stk. 3, i barnets lov"]
    assert refs("§ 32, stk. 3, 2. pkt., i barnets lov") == ["§ 32, stk. 3, i barnets lov"]
    assert refs("Budgettet for 2025 er 4.500.000 kr.") == []
    assert refs("Barnets lov fra 2024 gælder.") == []


def test_a_law_without_a_reference_is_kept_apart() -> None:
    found = scan("Hjælpen gives efter serviceloven, ikke SEL § 41.")
    assert [str(r) for r in found.references] == ["§ 41 i serviceloven"]
    assert len(found.loose_serviceloven) == 1


def test_offsets_point_at_the_most_specific_number() -> None:
    text = "Se § 32, stk. 1, nr. 7 i barnets lov."
    (ref,) = parse_references(text)
    assert text[ref.start : ref.end] == "7"


# ---------------------------------------------------------------- every row of the tables
_STYLES = (
    "{ref} i barnets lov",
    "jf. Barnets Lov {ref}",
    "barnets lov {ref}",
    "Hjælpen gives efter {ref}, i barnets lov.",
)


@pytest.mark.parametrize("row", barnets_lov().provisions, ids=lambda r: r.reference.label)
@pytest.mark.parametrize("style", _STYLES)
def test_every_barnets_lov_row_parses_back_to_itself(row: Provision, style: str) -> None:
    ref = row.reference
    (parsed,) = parse_references(style.format(ref=ref.label))
    key = (parsed.law, parsed.paragraf, parsed.bogstav, parsed.stk, parsed.nr)
    assert key == ("barnets lov", ref.paragraf, ref.bogstav, ref.stk, ref.nr)
    assert barnets_lov().lookup(parsed).known


@pytest.mark.parametrize("row", replacements(), ids=lambda r: r.reference.label)
def test_every_replaced_serviceloven_row_parses_and_names_a_known_replacement(
    row: Replacement,
) -> None:
    ref = row.reference
    for text in (f"{ref.label} i serviceloven", f"servicelovens {ref.label}", f"SEL {ref.label}"):
        (parsed,) = parse_references(text)
        key = (parsed.law, parsed.paragraf, parsed.bogstav, parsed.stk, parsed.nr)
        assert key == ("serviceloven", ref.paragraf, ref.bogstav, ref.stk, ref.nr)
    targets = row.targets
    assert targets, row
    assert all(barnets_lov().lookup(t).known for t in targets)


def test_the_tables_record_their_sources_and_date() -> None:
    table = barnets_lov()
    assert table.udgave == "LBK nr. 282 af 17/03/2025"
    assert table.kilde and table.dato
    for name, rows in (
        ("barnets_lov", table.provisions),
        ("serviceloven_erstattet", replacements()),
    ):
        data = _data.load(name)
        assert data["kilde"] and data["dato"]
        assert {row.kilde for row in rows} <= set(data["kilder"]), name


# ---------------------------------------------------------------- arbitrary text
_PIECES = st.sampled_from(
    [
        "§",
        "§§",
        " ",
        ", ",
        "stk.",
        "nr.",
        "og",
        "eller",
        "–",
        "-",
        "til",
        "i",
        "barnets lov",
        "serviceloven",
        "SEL",
        "lov om social service",
        "52",
        "52a",
        "3",
        "999",
        "1.",
        "pkt.",
        "kr.",
        "\n",
        "a",
        "jf.",
        "4.500",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=30).map("".join)))
def test_the_parser_never_crashes_and_stays_inside_the_text(text: str) -> None:
    found = scan(text)
    for ref in found.references:
        assert 0 <= ref.start < ref.end <= len(text)
        assert ref.paragraf >= 0
    for start, end in found.loose_serviceloven:
        assert 0 <= start < end <= len(text)


def test_a_law_named_before_and_after_a_chain_is_read_once() -> None:
    found = scan("SEL § 52 a og § 112 i serviceloven")
    assert [str(r) for r in found.references] == ["§ 52 a i serviceloven", "§ 112 i serviceloven"]
    assert found.loose_serviceloven == ()
