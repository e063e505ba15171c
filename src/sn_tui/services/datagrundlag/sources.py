"""An økonomisystem's file read into one table: CSV (`;`, `,` or tab; UTF-8 with or without a
BOM, or Windows-1252) or XLSX (merged cells filled in, one sheet chosen)."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path
from typing import Any

from sn_tui.domain.datagrundlag.reading import HEADER_ROWS, MAX_ROWS, Sheet
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput

MAX_BYTES = 50 * 1024 * 1024
_CSV = (".csv", ".txt")
_XLSX = (".xlsx", ".xlsm")


def read_table(path: Path, sheet: str | None = None) -> Sheet:
    """The table in `path`; InvalidInput with one sentence when it cannot be read."""
    name = path.name
    if not path.exists():
        raise InvalidInput(t("datagrundlag.error.missing", name=name))
    if path.is_dir():
        raise InvalidInput(t("datagrundlag.error.directory", name=name))
    suffix = path.suffix.casefold()
    if suffix not in _CSV + _XLSX:
        raise InvalidInput(t("datagrundlag.error.kind", name=name))
    if path.stat().st_size > MAX_BYTES:
        raise InvalidInput(t("datagrundlag.error.too_big", name=name, max=MAX_BYTES >> 20))
    if suffix in _CSV:
        return Sheet(name, _csv_rows(path.read_bytes()))
    return _xlsx_sheet(path, sheet)


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252: what Danish Excel and økonomisystemer write."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_rows(data: bytes) -> list[list[str]]:
    text = decode(data)
    head = text[:8192]
    delimiter = ";" if ";" in head else "\t" if "\t" in head else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_sheet(path: Path, wanted: str | None) -> Sheet:
    import zipfile

    from openpyxl import load_workbook

    try:
        _refuse_huge(path, wanted)
        book = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise InvalidInput(t("datagrundlag.error.not_xlsx", name=path.name)) from None
    try:
        sheets = [ws for ws in book.worksheets if ws.max_row > 1 or ws.max_column > 1]
        if wanted is not None:
            chosen = [ws for ws in book.worksheets if ws.title == wanted]
            if not chosen:
                names = ", ".join(ws.title for ws in book.worksheets)
                raise InvalidInput(
                    t("datagrundlag.error.no_such_sheet", name=path.name, sheet=wanted, names=names)
                )
            sheets = chosen
        if len(sheets) > 1:
            names = ", ".join(f"„{ws.title}“" for ws in sheets)
            raise InvalidInput(t("datagrundlag.error.sheets", name=path.name, names=names))
        if not sheets:
            raise InvalidInput(t("datagrundlag.error.empty", name=path.name))
        ws = sheets[0]
        rows: list[list[Any]] = [list(r) for r in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:  # a merged cell's value in every cell it covers
            value = rows[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                    rows[r][c] = value
        return Sheet(f"{path.name}, ark „{ws.title}“", rows)
    finally:
        book.close()


def _refuse_huge(path: Path, wanted: str | None) -> None:
    """A sheet far beyond any datagrundlag is refused before the whole workbook is read
    (100,000 rows took openpyxl ~10 s): by the size the file states, else counted while
    streamed, up to the limit."""
    from openpyxl import load_workbook

    limit = MAX_ROWS + HEADER_ROWS
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in book.worksheets:
            if wanted is not None and ws.title != wanted:
                continue
            stated = ws.max_row
            rows = stated or sum(1 for _ in itertools.islice(ws.iter_rows(), limit + 1))
            if rows > limit:
                where = f"{path.name}, ark „{ws.title}“"
                raise InvalidInput(
                    t("datagrundlag.problem.too_many_rows", where=where, count=rows)
                    if stated
                    else t("datagrundlag.error.too_many_rows", where=where, limit=limit)
                )
    finally:
        book.close()
