"""Benchmark: the datagrundlag screen and the import of an økonomisystem's XLSX file.

    PYTHONPATH=src python bench/datagrundlag.py [--indsatser 1000] [--years 10] [--rows 5000]
                                               [--runs 15]

Screen: a generated repository of `--indsatser` indsatser with `--years` years of datagrundlag
(one row per indsats and year), the TUI headless at 80×24 (`App.run_test`): the time from
opening the screen in the overview to its first painted frame with every row of the latest
year in the table (the worker's Git reads and figures, then the table), measured in the
app's own loop rather than through the pilot's waiting for idle. Target: < 200 ms.

Import: a repository of `--rows` indsatser and an XLSX file of `--rows` rows as a finance system
writes it (a title row and a header merged over two rows), imported as one year: reading the
file, mapping every row, and the one commit. Target: < 3 s.

Prints p50 and p95 in milliseconds. Figures are for reading; nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from small_corpus import BOT, make_corpus
from sn_tui.domain.datagrundlag.table import Row, to_csv, year_path
from sn_tui.services.workspace import Workspace
from sn_tui.store.save import save_files


def add_years(path: Path, years: int, seed: int = 1) -> list[int]:
    """`years` years of numbers for every indsats, in one commit."""
    rng = random.Random(seed)
    ws = Workspace.open(str(path), BOT.login)
    try:
        ids = sorted(ws.repo.indsatser(ws.head() or "main"))
        chosen = list(range(2025 - years + 1, 2026))
        files: dict[str, bytes | None] = {}
        for year in chosen:
            rows = []
            for ident in ids:
                children = rng.randint(1, 300)
                cost = Decimal(rng.randint(50_000, 60_000_000)) + Decimal(rng.randint(0, 99)) / 100
                fye = (Decimal(children) * Decimal(rng.randint(30, 95)) / 100).quantize(
                    Decimal("0.1")
                )
                rows.append(Row(ident, children, fye, cost, f"Prisme {year + 1}-02-15", "5.28.21"))
            files[year_path(year)] = to_csv(rows)
        save_files(ws.repo, files, base=ws.head(), author=BOT, message="Datagrundlag\n")
    finally:
        ws.close()
    return chosen


async def _open_once(path: Path, count: int) -> float:
    from sn_tui.tui.app import SnApp
    from sn_tui.tui.screens.datagrundlag.datagrundlag import DatagrundlagScreen
    from sn_tui.tui.widgets.figure_table import FigureTable

    app = SnApp(str(path), BOT.login)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        started = time.perf_counter()
        # not awaited first: the pilot's own waiting for idle would be counted
        pressed = asyncio.create_task(pilot.press("g"))

        def filled() -> bool:
            screen = app.screen
            tables = screen.query(FigureTable) if isinstance(screen, DatagrundlagScreen) else []
            return any(table.row_count == count for table in tables)

        while not filled():
            await asyncio.sleep(0.001)
        await asyncio.sleep(0)  # the table's refresh is queued: the next frame paints it
        filled = time.perf_counter() - started
        await pressed
        return filled


def screen_times(path: Path, count: int, runs: int) -> list[float]:
    return [asyncio.run(_open_once(path, count)) for _ in range(runs)]


def titled_xlsx(path: Path, ids: list[str], seed: int = 2) -> Path:
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook()
    ws = book.active
    ws.append(["Udgifter og aktivitet — Børn og Unge"])
    ws.merge_cells("A1:E1")
    ws.append(["Indsats", "Antal", None, "Nettoudgift", "Kilde"])
    ws.append([None, "Børn", "Helårspersoner", None, None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:C2")
    for ident in ids:
        ws.append(
            [ident, rng.randint(1, 300), rng.randint(1, 200) / 2, rng.randint(50_000, 9_000_000),
             "Prisme"]
        )  # fmt: skip
    book.save(path)
    return path


def import_times(path: Path, rows: int, runs: int) -> list[float]:
    ws = Workspace.open(str(path), BOT.login)
    try:
        ids = sorted(ws.repo.indsatser(ws.head() or "main"))
        out = []
        for run in range(runs):
            source = titled_xlsx(path.parent / f"udtraek-{run}.xlsx", ids[:rows], seed=run)
            started = time.perf_counter()
            plan = ws.datagrundlag_import_plan(source, 2025 - run)
            ws.run_datagrundlag_import(plan)
            out.append(time.perf_counter() - started)
            assert len(plan.rows) == rows
        return out
    finally:
        ws.close()


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indsatser", type=int, default=1000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sn-bench-data-") as tmp:
        screen_repo = make_corpus(Path(tmp) / "skaerm", args.indsatser)
        add_years(screen_repo, args.years)
        times = screen_times(screen_repo, args.indsatser, args.runs)
        print(
            f"datagrundlag-skærmen åbner ({args.indsatser} indsatser, {args.years} år, 80×24): "
            f"{_ms(times)} over {args.runs} gange"
        )
        import_repo = make_corpus(Path(tmp) / "import", args.rows)
        runs = max(3, args.runs // 5)
        times = import_times(import_repo, args.rows, runs)
        print(f"import af XLSX med {args.rows} rækker: {_ms(times)} over {runs} gange")


if __name__ == "__main__":
    main()
