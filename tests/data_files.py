"""Files as økonomisystemer export them, written for the datagrundlag tests: semicolon CSV with
Danish numbers in Windows-1252, and XLSX with a title row and merged header cells."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


def danish_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str = "cp1252") -> Path:
    text = "\r\n".join(";".join(cells) for cells in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def titled_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    title: str = "Udgifter og aktivitet 2025 — Børn og Unge",
    extra_sheets: Sequence[str] = (),
) -> Path:
    """A title row merged across the table, then a two-row header: "Indsats" merged down over
    both rows, "Antal" merged across "Børn" and "Helårspersoner", "Udgift (kr.)" merged down."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Udtræk"
    ws.append([title])
    ws.merge_cells("A1:E1")
    ws.append(["Indsats", "Antal", None, "Udgift (kr.)", "Kilde"])
    ws.append([None, "Børn", "Helårspersoner", None, None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:D3")
    ws.merge_cells("E2:E3")
    for row in rows:
        ws.append(list(row))
    for name in extra_sheets:
        other = book.create_sheet(name)
        other.append(["Noter", "fra økonomi"])
        other.append(["x", 1])
    book.save(path)
    return path
