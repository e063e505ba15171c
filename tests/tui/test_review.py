"""Reviews in the TUI: the panel (approve, request changes, refusals, stale after an edit), the
overview's review column, the matrix and the personal queue - driven by keys against a real Git
repository and a real SQLite database in a temporary folder (and PostgreSQL on 127.0.0.1:5432
when it answers)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from tui_support import OLE, git, screen_text, settle

import review_fixtures
from sn_tui.cli.commands import tui as tui_command
from sn_tui.cli.main import main
from sn_tui.domain.overview import OverviewRow
from sn_tui.services.workspace import Workspace
from sn_tui.store.repo import ContentRepo
from sn_tui.store.save import save_files
from sn_tui.tui import app as app_module
from sn_tui.tui.app import SnApp, default_review_provider
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.overview import OverviewScreen
from sn_tui.tui.screens.review.review_matrix import ReviewMatrixScreen
from sn_tui.tui.screens.review.review_panel import ReviewPanel
from sn_tui.tui.screens.review.review_queue import ReviewQueueScreen
from sn_tui.tui.widgets.indsats_list import IndsatsList
from sn_tui.tui.widgets.review_grid import ReviewGrid

postgres_url = review_fixtures.postgres_url  # the fixture: a PostgreSQL schema of its own
KONTAKT_ID = "fast-kontaktperson"
KONTAKT = f"indsatser/{KONTAKT_ID}.md"
TITLES = ("Anbringelse i plejefamilie", "Familiebehandling", "Fast kontaktperson")


def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'reviews.db'}"


def review_app(repo_path: Path, tmp_path: Path, user: str = "mette") -> SnApp:
    """The app as `sn-tui --db URL` starts it: the real review column, the given database."""
    return SnApp(
        str(repo_path), user, review_provider=default_review_provider(), db_url=db_url(tmp_path)
    )


def reviews_in_db(tmp_path: Path) -> list[tuple[str, str, str, str, str, str]]:
    """(indsats, group, login, verdict, comment, blob) of every stored review, oldest first."""
    with sqlite3.connect(tmp_path / "reviews.db") as conn:
        rows = conn.execute(
            "SELECT indsats_id, faggruppe, login, verdict, comment, blob FROM review ORDER BY id"
        ).fetchall()
    return [tuple(r) for r in rows]


def record(repo_path: Path, tmp_path: Path, login: str, *reviews: tuple[str, str, str]) -> None:
    """Record (indsats, group, verdict) reviews as `login` through the service, like the CLI."""
    ws = Workspace.open(str(repo_path), login, db_url(tmp_path))
    try:
        for indsats_id, group, verdict in reviews:
            comment = "Beskriv weekenderne." if verdict != "approved" else ""
            ws.reviews.record(indsats_id, group, verdict, comment)
    finally:
        ws.close()


def panel_text(app: SnApp) -> str:
    """What the review panel says (its message and details), unwrapped."""
    panel = app.screen
    assert isinstance(panel, ReviewPanel)
    parts = [
        panel.query_one(f"#{name}", Static).content for name in ("panel-message", "details-text")
    ]
    return "\n".join(str(part) for part in parts)


def group_row(app: SnApp, group: str) -> list[str]:
    """The panel's row for `group`: symbol, name, status."""
    table = app.screen.query_one("#groups", DataTable)
    return [str(cell) for cell in table.get_row(group)]


def overview_review(app: SnApp, indsats_id: str) -> str:
    screen = next(s for s in app.screen_stack if isinstance(s, OverviewScreen))
    row: OverviewRow = next(r for r in screen.rows if r.id == indsats_id)
    return row.review


async def open_panel(pilot: Pilot[Any], search: str = "kontakt") -> ReviewPanel:
    """From the overview: filter, open the indsats, open its review panel with the key."""
    await settle(pilot)
    await pilot.press("/", *search, "enter", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EditorScreen)
    await pilot.press("ctrl+o")
    await settle(pilot)
    panel = pilot.app.screen
    assert isinstance(panel, ReviewPanel)
    return panel


async def test_approving_from_the_panel_writes_the_review_and_updates_the_overview(
    repo_path: Path, tmp_path: Path
) -> None:
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert overview_review(app, "fast-kontaktperson") == "0/2"
        panel = await open_panel(pilot)
        assert panel.current_group() == "ppr"  # Mette's own group is chosen first
        assert "Du reviewer for: PPR." in screen_text(app)
        await pilot.press("g")
        await settle(pilot)
        assert group_row(app, "ppr") == ["✓", "PPR", "godkendt"]
        assert "Seneste: godkendt af Mette Prøve, " in panel_text(app)
        assert "Godkendt for PPR." in panel_text(app)
        assert "· PPR · Mette Prøve · godkendt" in panel_text(app)  # the history
        assert overview_review(app, "fast-kontaktperson") == "1/2"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert "1/2" in screen_text(app)
    blob = git(repo_path, "rev-parse", f"main:{KONTAKT}").strip()
    assert reviews_in_db(tmp_path) == [("fast-kontaktperson", "ppr", "mette", "approved", "", blob)]
    assert not (repo_path / ".git" / "sn-tui.db").exists()  # --db was used, not the default


async def test_approving_with_a_postgresql_database(
    repo_path: Path, tmp_path: Path, postgres_url: str
) -> None:
    """`--db postgresql://…`: the panel records in PostgreSQL and the column reads it back."""
    app = SnApp(
        str(repo_path), "mette", review_provider=default_review_provider(), db_url=postgres_url
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert group_row(app, "ppr") == ["✓", "PPR", "godkendt"]
        assert overview_review(app, "fast-kontaktperson") == "1/2"
    ws = Workspace.open(str(repo_path), "mette", postgres_url)
    try:
        assert [(r.faggruppe, r.login, r.verdict) for r in ws.reviews.history(KONTAKT_ID)] == [
            ("ppr", "mette", "approved")
        ]
    finally:
        ws.close()
    assert not (repo_path / ".git" / "sn-tui.db").exists()


async def test_requesting_changes_needs_a_comment(repo_path: Path, tmp_path: Path) -> None:
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await open_panel(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert "Skriv en kommentar, der forklarer, hvad der skal ændres." in panel_text(app)
        assert reviews_in_db(tmp_path) == []
        assert panel.query_one("#comment", Input).has_focus
        await pilot.press(*"Beskriv aftenerne.", "enter")
        await settle(pilot)
        assert "Ændringer ønsket for PPR." in panel_text(app)
        assert group_row(app, "ppr") == ["✗", "PPR", "ændringer ønsket"]
        assert "Beskriv aftenerne." in panel_text(app)
        assert overview_review(app, "fast-kontaktperson") == "0/2 ✗"
    stored = reviews_in_db(tmp_path)
    assert [(r[1], r[2], r[3], r[4]) for r in stored] == [
        ("ppr", "mette", "changes_requested", "Beskriv aftenerne.")
    ]


async def test_a_comment_is_saved_with_enter(repo_path: Path, tmp_path: Path) -> None:
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("k")  # no comment written yet: asks for one
        await settle(pilot)
        assert "En kommentar kan ikke være tom. Skriv den i feltet, og tryk enter." in panel_text(
            app
        )
        await pilot.press(*"Ser fint ud.", "enter")
        await settle(pilot)
        assert "Kommentar gemt for PPR." in panel_text(app)
        assert overview_review(app, "fast-kontaktperson") == "0/2"  # comments decide nothing
    assert [r[3:5] for r in reviews_in_db(tmp_path)] == [("comment", "Ser fint ud.")]


async def test_a_non_member_is_refused_in_one_sentence(repo_path: Path, tmp_path: Path) -> None:
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await open_panel(pilot)
        await pilot.press("up")  # Myndighedsrådgivere: Mette is not a member
        assert panel.current_group() == "myndighed"
        await pilot.press("g")
        await settle(pilot)
        message = str(panel.query_one("#panel-message", Static).content)
        assert message == (
            "«mette» er ikke medlem af faggruppen «myndighed» og kan ikke reviewe på dens vegne."
        )
        assert isinstance(app.screen, ReviewPanel)
    assert reviews_in_db(tmp_path) == []


async def test_an_unknown_login_reads_but_cannot_review(repo_path: Path, tmp_path: Path) -> None:
    app = review_app(repo_path, tmp_path, user="gæst")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        assert "Kun læseadgang: login 'gæst'" in screen_text(app)
        await pilot.press("g")
        await settle(pilot)
        assert "«gæst» står ikke i adgang.yml og kan læse, men ikke afgive reviews." in panel_text(
            app
        )
    assert reviews_in_db(tmp_path) == []


async def test_own_edit_rule_refuses_approving_ones_own_text(
    repo_path: Path, tmp_path: Path
) -> None:
    """Mette last changed familiebehandling; with the rule on she may not approve it."""
    adgang = (repo_path / "adgang.yml").read_text(encoding="utf-8")
    repo = ContentRepo.open(repo_path)
    save_files(
        repo,
        {"adgang.yml": (adgang + "regler:\n  forbyd_egen_godkendelse: true\n").encode()},
        base=repo.head(),
        author=OLE,
        message="Regel: ingen godkender egen tekst\n",
    )
    repo.close()
    git(repo_path, "reset", "-q", "--hard")
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot, "weekend")
        await pilot.press("g")
        await settle(pilot)
        assert "kan ikke godkende sin egen tekst" in panel_text(app)
    assert reviews_in_db(tmp_path) == []


async def test_an_edit_makes_the_approval_stale_and_shows_what_changed(
    repo_path: Path, tmp_path: Path
) -> None:
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("escape")  # back to the editor, Formål has the focus
        await pilot.press("end", *" Også om aftenen.", "ctrl+s", "enter")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert group_row(app, "ppr") == ["!", "PPR", "forældet"]
        details = panel_text(app)
        assert (
            "Ændret siden da:\n\nFormål\nFormål for fast kontaktperson. Også om aftenen." in details
        )
        diff = app.screen.query_one("#details-text", Static).content
        assert isinstance(diff, Text)
        added = [diff.plain[s.start : s.end] for s in diff.spans if "underline" in str(s.style)]
        assert added == [" Også om aftenen."]
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert overview_review(app, "fast-kontaktperson") == "0/2 !"


async def test_the_matrix_shows_each_cell_the_round_and_opens_the_panel(
    repo_path: Path, tmp_path: Path
) -> None:
    record(repo_path, tmp_path, "ole", ("plejefamilie", "myndighed", "approved"))
    record(
        repo_path,
        tmp_path,
        "mette",
        ("plejefamilie", "ppr", "approved"),
        ("familiebehandling", "ppr", "changes_requested"),
    )
    ws = Workspace.open(str(repo_path), "ole", db_url(tmp_path))
    ws.reviews.start_round("Forår 2026", dt.date(2026, 3, 10))
    ws.close()
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ReviewMatrixScreen)
        text = screen_text(app)
        assert "Høringsrunde «Forår 2026», frist 10. marts 2026: 1 af 5 indsatser klar." in text
        assert "⚑ Fristen er overskredet for 4 indsatser." in text
        grid_lines = [line for line in text.splitlines() if "/2" in line]
        rows = {name: line for line in grid_lines for name in TITLES if name in line}
        assert rows["Anbringelse i plejefamilie"].split()[-4:] == ["✓", "2/2", "✓", "[✓]"]
        assert rows["Familiebehandling"].startswith("⚑")
        assert rows["Familiebehandling"].split()[-4:] == ["0/2", "✗", "·", "✗"]
        assert not rows["Anbringelse i plejefamilie"].startswith("⚑")  # klar: not overdue
        grid = app.screen.query_one(ReviewGrid)
        assert grid.current == ("plejefamilie", "ppr")  # starts in Mette's column
        await pilot.press("down")
        assert grid.current == ("familiebehandling", "ppr")
        assert "Familiebehandling · PPR: ændringer ønsket" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        panel = app.screen
        assert isinstance(panel, ReviewPanel)
        assert panel.indsats_id == "familiebehandling"
        assert panel.current_group() == "ppr"
        assert "Beskriv weekenderne." in panel_text(app)
        assert isinstance(app.screen_stack[-2], EditorScreen)


async def test_the_queue_lists_what_my_groups_owe_and_opens_the_panel(
    repo_path: Path, tmp_path: Path
) -> None:
    record(repo_path, tmp_path, "mette", ("plejefamilie", "ppr", "approved"))
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        queue = app.screen
        assert isinstance(queue, ReviewQueueScreen)
        owed = [(c.indsats_id, c.group) for c in queue.cells]
        assert owed == [
            ("familiebehandling", "ppr"),
            ("fast-kontaktperson", "ppr"),
            ("aflastning", "ppr"),
            ("oekonomisk-stoette", "ppr"),
        ]
        text = screen_text(app)
        assert "Dine faggrupper (PPR) mangler 4 reviews." in text
        assert "Anbringelse i plejefamilie" not in text
        await pilot.press("down", "enter")
        await settle(pilot)
        panel = app.screen
        assert isinstance(panel, ReviewPanel)
        assert (panel.indsats_id, panel.current_group()) == ("fast-kontaktperson", "ppr")
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.screen is queue
        assert [c.indsats_id for c in queue.cells] == [
            "familiebehandling",
            "aflastning",
            "oekonomisk-stoette",
        ]


async def test_matrix_and_queue_keys_switch_between_them(repo_path: Path, tmp_path: Path) -> None:
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ReviewMatrixScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.query_one(IndsatsList).has_focus


async def test_the_matrix_is_in_the_command_palette(repo_path: Path, tmp_path: Path) -> None:
    app = review_app(repo_path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"reviewmatrix")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewMatrixScreen)


def test_the_tui_gets_the_database_url_from_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}

    def fake_run_app(*args: Any, **kwargs: Any) -> int:
        seen.update(kwargs, args=args)
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    monkeypatch.setattr(tui_command, "require_terminal", lambda: None)
    assert main(["--repo", "/r", "--user", "ole", "--db", "sqlite:////tmp/x.db"]) == 0
    assert seen["db_url"] == "sqlite:////tmp/x.db"
    assert seen["args"] == ("/r", "ole")
