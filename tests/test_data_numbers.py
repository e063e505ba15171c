"""Numbers as økonomisystemer and people write them are read exactly, and anything that is not
clearly one number is refused rather than guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sn_tui.domain.datagrundlag.numbers import NotANumber, format_plain, parse_number


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1.234.567,50", Decimal("1234567.50")),
        ("1234567,50", Decimal("1234567.50")),
        ("1 234 567", Decimal(1234567)),
        ("1\u00a0234\u00a0567,5", Decimal("1234567.5")),
        ("4.500.000 kr.", Decimal(4500000)),
        ("  61 ", Decimal(61)),
        ("\u22123", Decimal(-3)),
        (61, Decimal(61)),
        (48.5, Decimal("48.5")),
        (None, None),
        ("", None),
    ],
)
def test_danish_numbers_are_read_exactly(cell: object, expected: Decimal | None) -> None:
    assert parse_number(cell) == expected


@pytest.mark.parametrize("cell", ["12.5", "1.23", "1,234,567", "mange", "12 børn", "1e5", "NaN"])
def test_anything_else_is_refused_not_guessed(cell: str) -> None:
    with pytest.raises(NotANumber):
        parse_number(cell)


def test_the_stored_form_opens_as_a_number_in_danish_excel() -> None:
    assert format_plain(Decimal("4512345.50")) == "4512345,5"
    assert format_plain(Decimal("1000.00")) == "1000"
    assert format_plain(None) == ""
