"""The stored file `datagrundlag/<år>.csv`: one row per indsats, written so Danish Excel opens
it as it is (semicolons, decimal comma, UTF-8 with a BOM) and read back the same way."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

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


def to_csv(rows: Iterable[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=lambda r: r.indsats):
        writer.writerow(
            [
                row.indsats,
                "" if row.antal_boern is None else str(row.antal_boern),
                format_plain(row.helaarspersoner),
                format_plain(row.udgift_kr),
                row.kilde,
                row.kontoplan,
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def parse_csv(data: bytes) -> list[Row]:
    """The rows of a stored year file; a row someone broke by hand keeps what can be read
    (an unreadable number is left empty) so one typo does not hide a year."""
    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text), delimiter=";" if text.count(";") else ",")
    header = [h.strip() for h in next(reader, [])]
    where = {name: header.index(name) for name in COLUMNS if name in header}
    if "indsats" not in where:
        return []
    rows: list[Row] = []
    for cells in reader:

        def cell(name: str, cells: list[str] = cells) -> str:
            at = where.get(name)
            return cells[at].strip() if at is not None and at < len(cells) else ""

        ident = cell("indsats")
        if not ident:
            continue
        count = _lenient(cell("antal_boern"))
        rows.append(
            Row(
                indsats=ident,
                antal_boern=None if count is None else int(count),
                helaarspersoner=_lenient(cell("helaarspersoner")),
                udgift_kr=_lenient(cell("udgift_kr")),
                kilde=cell("kilde"),
                kontoplan=cell("kontoplan"),
            )
        )
    return rows


def _lenient(text: str) -> Decimal | None:
    try:
        return parse_number(text)
    except NotANumber:
        return None
