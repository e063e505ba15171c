"""`sn-tui datagrundlag import` for real: files as økonomisystemer export them imported into a
real Git repository in one commit by the redaktør, checked cell by cell; and bad input refused
with one Danish sentence per problem (file, row, column), exit 2 and nothing written."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import git, run_cli
from data_files import danish_csv, titled_xlsx
from sn_tui.services.workspace import Workspace

HEADER = ["Indsats", "Antal børn", "Helårspersoner", "Nettoudgift", "Kilde"]


def stored(repo: Path, year: int) -> list[list[str]]:
    data = (repo / f"datagrundlag/{year}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Danish Excel opens it with æ, ø, å intact
    return [line.split(";") for line in data[3:].decode("utf-8").splitlines()]


def commits(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def test_windows_1252_semicolon_csv_with_danish_numbers(repo_path: Path, tmp_path: Path) -> None:
    source = danish_csv(
        tmp_path / "prisme.csv",
        [
            HEADER,
            ["familiebehandling", "1.234", "48,5", "4.512.345,50", "Prisme 2025-01-31"],
            ["Fast kontaktperson", "17", "12", "1 020 000", "Prisme 2025-01-31"],
            ["I alt", "1.251", "", "5.532.345,50", ""],
        ],
    )
    before = commits(repo_path)
    proc = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2025", cwd=repo_path, SN_USER="mette"
    )
    assert proc.returncode == 0, proc.stderr
    assert commits(repo_path) == before + 1
    assert git(repo_path, "log", "-1", "--format=%an%n%s") == (
        "Mette Prøve\n"
        "Datagrundlag 2025 fra prisme.csv: 2 indsatser (2 nye, 0 ændrede, 0 fjernede)\n"
    )
    assert stored(repo_path, 2025) == [
        ["indsats", "antal_boern", "helaarspersoner", "udgift_kr", "kilde", "kontoplan"],
        ["familiebehandling", "1234", "48,5", "4512345,5", "Prisme 2025-01-31", ""],
        ["fast-kontaktperson", "17", "12", "1020000", "Prisme 2025-01-31", ""],
    ]
    kolonner = (repo_path / "datagrundlag/kolonner.yml").read_text(encoding="utf-8")
    assert "udgift_kr: Nettoudgift\n" in kolonner and "antal_boern: Antal børn\n" in kolonner
    assert git(repo_path, "status", "--porcelain") == ""


def test_xlsx_with_title_row_and_merged_headers_by_kontoplan_mapping(
    repo_path: Path, tmp_path: Path
) -> None:
    (repo_path / "datagrundlag").mkdir()
    (repo_path / "datagrundlag/kolonner.yml").write_text(
        "# vores egne navne\nnøgler:\n  '5.28.21': familiebehandling  # Prisme-funktion\n",
        encoding="utf-8",
    )
    git(repo_path, "add", "-A")
    git(repo_path, "-c", "user.name=Ole", "-c", "user.email=o@x", "commit", "-qm", "nøgler")
    source = titled_xlsx(
        tmp_path / "udtraek.xlsx",
        [
            ["5.28.21", 61, 48.5, 4512345.5, None],
            ["Fast kontaktperson", "17", "12,25", "1.020.000,00", "KMD"],
        ],
    )
    proc = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2024", "--kilde", "Prisme 2025-01-31",
        cwd=repo_path, SN_USER="ole",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert stored(repo_path, 2024)[1:] == [
        ["familiebehandling", "61", "48,5", "4512345,5", "Prisme 2025-01-31", ""],
        ["fast-kontaktperson", "17", "12,25", "1020000", "KMD", ""],
    ]
    kolonner = (repo_path / "datagrundlag/kolonner.yml").read_text(encoding="utf-8")
    assert kolonner.startswith("# vores egne navne\n")  # the kommune's comments survive
    assert "'5.28.21': familiebehandling" in kolonner and "# Prisme-funktion" in kolonner
    assert "helaarspersoner: Antal Helårspersoner" in kolonner


def test_dry_run_lists_the_changes_and_writes_nothing(repo_path: Path, tmp_path: Path) -> None:
    first = danish_csv(tmp_path / "a.csv", [HEADER, ["familiebehandling", "10", "8", "100", "x"]])
    assert (
        run_cli(
            "datagrundlag", "import", str(first), "--aar", "2025", cwd=repo_path, SN_USER="ole"
        ).returncode
        == 0
    )
    head = git(repo_path, "rev-parse", "HEAD")
    second = danish_csv(
        tmp_path / "b.csv",
        [
            HEADER,
            ["familiebehandling", "11", "8", "100", "x"],
            ["fast-kontaktperson", "1", "1", "5", "x"],
        ],
    )
    proc = run_cli(
        "datagrundlag", "import", str(second), "--aar", "2025", "--dry-run", "--format", "json",
        cwd=repo_path, SN_USER="ole",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["aendringer"] == [
        {"indsats": "familiebehandling", "status": "ændret"},
        {"indsats": "fast-kontaktperson", "status": "ny"},
    ]
    assert git(repo_path, "rev-parse", "HEAD") == head
    again = run_cli(
        "datagrundlag", "import", str(first), "--aar", "2025", cwd=repo_path, SN_USER="ole"
    )
    assert "uændret; der er ikke lavet nogen commit" in again.stdout
    assert git(repo_path, "rev-parse", "HEAD") == head


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [["Navn", "Beløb"], ["familiebehandling", "5"]],
            ["a.csv: der er ingen overskriftsrække med kolonner som Indsats, Antal børn og Udgift; "
             "angiv jeres egne navne under kolonner: i datagrundlag/kolonner.yml."],
        ),
        (
            [["Udtræk 2025"], ["Indsats", "Antal børn", "Kilde"], ["familiebehandling", "5", ""]],
            ["a.csv, række 2: kolonnen til udgift mangler; angiv jeres eget navn under "
             "kolonner: i datagrundlag/kolonner.yml."],
        ),
        (
            [HEADER, ["familiebehandling", "mange", "8", "1.000", ""],
             ["fast-kontaktperson", "-3", "1", "5", ""]],
            ["a.csv, række 2, kolonne „Antal børn“: 'mange' er ikke et tal "
             "(skriv fx 1.234.567,50).",
             "a.csv, række 3, kolonne „Antal børn“: -3 er negativt; antal og udgifter kan ikke "
             "være under 0."],
        ),
        (
            [HEADER, ["familiebehandling", "1", "1", "5", ""],
             ["Familiebehandling", "2", "2", "6", ""], ["Botilbud", "1", "1", "1", ""]],
            ["a.csv, række 3: indsatsen familiebehandling står også i række 2; hver indsats må "
             "kun stå én gang.",
             "a.csv, række 4, kolonne „Indsats“: 'Botilbud' er ikke en indsats i "
             "serviceniveauet; tilføj navnet under nøgler: i datagrundlag/kolonner.yml med "
             "indsatsens id."],
        ),
    ],
)  # fmt: skip
def test_bad_rows_are_listed_and_nothing_is_written(
    repo_path: Path, tmp_path: Path, rows: list[list[str]], expected: list[str]
) -> None:
    source = danish_csv(tmp_path / "a.csv", rows)
    head = git(repo_path, "rev-parse", "HEAD")
    proc = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2025", cwd=repo_path, SN_USER="ole"
    )
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("sn-tui: a.csv er ikke importeret: der er ")
    assert lines[1:] == expected
    assert git(repo_path, "rev-parse", "HEAD") == head
    assert not (repo_path / "datagrundlag").exists()


def test_future_year_several_sheets_and_unknown_login(repo_path: Path, tmp_path: Path) -> None:
    source = danish_csv(tmp_path / "a.csv", [HEADER, ["familiebehandling", "1", "1", "5", ""]])
    proc = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2999", cwd=repo_path, SN_USER="ole"
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("sn-tui: Året 2999 ligger i fremtiden (i år er ")
    book = titled_xlsx(
        tmp_path / "b.xlsx", [["familiebehandling", 1, 1, 5, ""]], extra_sheets=["Noter"]
    )
    proc = run_cli(
        "datagrundlag", "import", str(book), "--aar", "2025", cwd=repo_path, SN_USER="ole"
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "sn-tui: b.xlsx har flere ark med indhold („Udtræk“, „Noter“); vælg et med --ark NAVN.\n"
    )
    chosen = run_cli(
        "datagrundlag",
        "import",
        str(book),
        "--aar",
        "2025",
        "--ark",
        "Udtræk",
        cwd=repo_path,
        SN_USER="ole",
    )
    assert chosen.returncode == 0, chosen.stderr
    stranger = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2024", cwd=repo_path, SN_USER="eve"
    )
    assert stranger.returncode == 2
    assert "står ikke i adgang.yml" in stranger.stderr
    assert not (repo_path / "datagrundlag/2024.csv").exists()


def test_utf8_bom_csv_with_commas_is_read(repo_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "bom.csv"
    source.write_bytes(
        "\ufeffIndsats,Antal børn,Helårspersoner,Udgift\r\n"
        'familiebehandling,5,"4,5","1.000,50"\r\n'.encode()
    )
    proc = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2025", cwd=repo_path, SN_USER="ole"
    )
    assert proc.returncode == 0, proc.stderr
    assert stored(repo_path, 2025)[1][:4] == ["familiebehandling", "5", "4,5", "1000,5"]
    assert stored(repo_path, 2025)[1][4].startswith("bom.csv (")  # no Kilde column: the file


def test_a_100000_row_file_is_refused_in_one_sentence(repo_path: Path, tmp_path: Path) -> None:
    rows = [HEADER] + [["familiebehandling", "1", "1", "1", ""]] * 100_000
    source = danish_csv(tmp_path / "stor.csv", rows)
    proc = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2025", cwd=repo_path, SN_USER="ole"
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[1] == (
        "stor.csv: filen har 100001 rækker; højst 20.000 kan importeres, "
        "så det er næppe det rigtige udtræk."
    )


def test_5000_row_xlsx_imports_in_under_3_seconds(repo_path: Path, tmp_path: Path) -> None:
    # one indsats and 4,999 filled subtotal rows ("I alt"), which are read and skipped
    rows = [["familiebehandling", 61, 48.5, 4512345.5, "Prisme"]]
    rows += [["I alt", n, 1.5, "1.000,25", ""] for n in range(4999)]
    book = titled_xlsx(tmp_path / "stor.xlsx", rows)
    ws = Workspace.open(str(repo_path), "ole")
    try:
        started = time.perf_counter()
        plan = ws.datagrundlag_import_plan(book, 2025)
        ws.run_datagrundlag_import(plan)
        elapsed = time.perf_counter() - started
    finally:
        ws.close()
    assert [r.indsats for r in plan.rows] == ["familiebehandling"]
    assert elapsed < 3.0, f"{elapsed:.2f} s"


def test_a_huge_xlsx_is_refused_before_it_is_read_whole(repo_path: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)  # no stated size: counted while streamed
    ws = book.create_sheet("Udtræk")
    ws.append(HEADER[:4])
    for _ in range(30_000):
        ws.append(["familiebehandling", 1, 1, 1])
    source = tmp_path / "stor.xlsx"
    book.save(source)
    head = git(repo_path, "rev-parse", "HEAD")
    proc = run_cli(
        "datagrundlag", "import", str(source), "--aar", "2025", cwd=repo_path, SN_USER="ole"
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "sn-tui: stor.xlsx, ark „Udtræk“: arket har over 20030 rækker; højst 20.000 kan "
        "importeres, så det er næppe det rigtige udtræk.\n"
    )
    assert git(repo_path, "rev-parse", "HEAD") == head
