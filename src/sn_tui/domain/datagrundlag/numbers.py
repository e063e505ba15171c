"""Numbers as kommuner write them: `1.234.567,50`, `1 234 567`, `48,5`, or a spreadsheet's own
number. A text that is not clearly one number is refused, never guessed (`12.5` could be
twelve and a half or an English export of 125)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sn_tui.domain.danish import format_kr, format_number, rounded

_GROUPED = re.compile(r"^-?\d{1,3}(?:[. \u00a0]\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^-?\d+(?:,\d+)?$")
_UNIT = re.compile(r"\s*(?:kr\.?|dkk)$", re.IGNORECASE)


class NotANumber(ValueError):
    """The text is not one number in a form a Danish økonomisystem writes."""


def parse_number(value: object) -> Decimal | None:
    """The number in a cell; None for an empty cell; `NotANumber` for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotANumber(str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotANumber(str(value))
        return Decimal(repr(value))
    text = _UNIT.sub("", str(value).strip()).strip().replace("\u2212", "-")
    if not text:
        return None
    if not (_GROUPED.match(text) or _PLAIN.match(text)):
        raise NotANumber(text)
    digits = re.sub(r"[. \u00a0]", "", text).replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns only let numbers through
        raise NotANumber(text) from None


def format_plain(value: Decimal | None) -> str:
    """A number for the stored CSV: no thousands separator, decimal comma, no trailing zeros
    (`4512345,5`), so Danish Excel opens it as a number."""
    if value is None:
        return ""
    text = format(value.normalize(), "f") if value != value.to_integral() else str(int(value))
    return text.replace(".", ",")


def shown_kr(value: Decimal | int | None) -> str:
    """`4.400.000 kr.` (whole kroner); `–` where there is no number."""
    return format_kr(value)


def shown_whole(value: Decimal | int | None) -> str:
    """`4.400.000` (rounded, no unit); `–` where there is no number."""
    return format_number(value)


def shown_percent(value: float | None) -> str:
    """`+12 %` (whole per cent, a half away from zero); `–` where there is no base."""
    return "–" if value is None else f"{int(rounded(value)):+d} %"


def shown_count(value: Decimal | int | None) -> str:
    """A count as written: `1.234`, or `48,5` helårspersoner; `–` where there is none."""
    if isinstance(value, Decimal) and value != value.to_integral():
        return f"{float(value):,.1f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    return shown_whole(value)
