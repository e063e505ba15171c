"""The stored file `datagrundlag/<år>.csv`: one row per indsats, written so Danish Excel opens
it as it is (semicolons, decimal comma, UTF-8 with a BOM) and read back the same way."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sn_tui.domain.datagrundlag.numbers import NotANumber, format_plain, parse_number

FOLDER = "datagrundlag"
COLUMNS_FILE = f"{FOLDER}/kolonner.yml"
COLUMNS: tuple[str, ...] = (
    "indsats",
    "antal_boern",
    "helaarspersoner",
    "udgift_kr",
    "kilde",
    "kontoplan",
)
_STORED_NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")
_YEAR_FILE = re.compile(rf"^{FOLDER}/(\d{{4}})\.csv$")


@dataclass(frozen=True)
class Row:
    """One indsats' numbers for one year."""

    indsats: str
    antal_boern: int | None
    helaarspersoner: Decimal | None
    udgift_kr: Decimal | None
    kilde: str = ""
    kontoplan: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "indsats": self.indsats,
            "antal_boern": self.antal_boern,
            "helaarspersoner": _json_number(self.helaarspersoner),
            "udgift_kr": _json_number(self.udgift_kr),
            "kilde": self.kilde,
            "kontoplan": self.kontoplan,
        }


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def year_path(year: int) -> str:
    return f"{FOLDER}/{year}.csv"


def year_of(path: str) -> int | None:
    """The year a path `datagrundlag/2025.csv` holds; None for any other path."""
    match = _YEAR_FILE.match(path)
    return int(match.group(1)) if match else None


def row_cells(row: Row) -> list[str]:
    """A row as the stored file writes it (also how a cache keeps it)."""
    return [
        row.indsats,
        "" if row.antal_boern is None else str(row.antal_boern),
        format_plain(row.helaarspersoner),
        format_plain(row.udgift_kr),
        row.kilde,
        row.kontoplan,
    ]


def row_from_cells(cells: Sequence[str]) -> Row:
    """`row_cells` read back: indsats, antal_boern, helaarspersoner, udgift_kr, kilde, kontoplan."""
    count = _lenient(cells[1])
    return Row(
        cells[0],
        None if count is None else int(count),
        _lenient(cells[2]),
        _lenient(cells[3]),
        cells[4],
        cells[5],
    )


def row_to_cache(row: Row) -> list[str | int | None]:
    """A row as JSON for a cache: numbers as Decimal's own text, read back without rules."""
    return [
        row.indsats,
        row.antal_boern,
        None if row.helaarspersoner is None else str(row.helaarspersoner),
        None if row.udgift_kr is None else str(row.udgift_kr),
        row.kilde,
        row.kontoplan,
    ]


def row_from_cache(data: Sequence[Any]) -> Row:
    fte, cost = data[2], data[3]
    return Row(
        data[0],
        data[1],
        None if fte is None else Decimal(fte),
        None if cost is None else Decimal(cost),
        data[4],
        data[5],
    )


def to_csv(rows: Iterable[Row]) -> bytes:
    import csv  # here, not at each start: every start imports this module (`store.repo`)

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(row_cells(row) for row in sorted(rows, key=lambda r: r.indsats))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def parse_csv(data: bytes) -> list[Row]:
    """The rows of a stored year file; a row someone broke by hand keeps what can be read
    (an unreadable number is left empty) so one typo does not hide a year."""
    import csv

    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text), delimiter=";" if text.count(";") else ",")
    header = [h.strip() for h in next(reader, [])]
    if "indsats" not in header:
        return []
    at = [header.index(name) if name in header else -1 for name in COLUMNS]
    rows: list[Row] = []
    for cells in reader:
        got = [cells[i].strip() if 0 <= i < len(cells) else "" for i in at]
        if got[0]:
            rows.append(row_from_cells(got))
    return rows


def _lenient(text: str) -> Decimal | None:
    if not text:
        return None
    if _STORED_NUMBER.match(text):  # as `to_csv` writes it; the full rules are several times slower
        return Decimal(text.replace(",", "."))
    try:
        return parse_number(text)
    except NotANumber:
        return None
