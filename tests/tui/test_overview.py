"""The overview: grouping, Danish order, changed-since-adopted, problems, filter, long lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from tui_support import screen_text, settle

from sn_tui.domain.entry import Indsats
from sn_tui.domain.overview import GroupLine, OverviewRow, grouped, problem_counts
from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp, make_app
from sn_tui.tui.widgets.indsats_list import IndsatsList


def listed(app: SnApp) -> list[str]:
    lines = app.screen.query_one(IndsatsList)._lines
    return [f"# {x.kategori}" if isinstance(x, GroupLine) else x.id for x in lines]


def rows(app: SnApp) -> dict[str, OverviewRow]:
    return {r.id: r for r in app.screen.rows}  # type: ignore[attr-defined]


async def test_grouped_by_kategori_in_danish_order_with_changed_column(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert listed(app) == [
            "# Anbringelser",
            "plejefamilie",
            "# Støttende indsatser",
            "familiebehandling",
            "fast-kontaktperson",
            "aflastning",  # titel "Støtteophold": ø sorts after every plain letter
            "# Økonomisk støtte",
            "oekonomisk-stoette",
        ]
        changed = {i: r.changed for i, r in rows(app).items()}
        assert changed == {
            "plejefamilie": "unchanged",
            "familiebehandling": "changed",
            "fast-kontaktperson": "unchanged",
            "aflastning": "unchanged",
            "oekonomisk-stoette": "new",
        }
        text = screen_text(app)
        assert "Anbringelse i plejefamilie" in text
        assert "sidst vedtaget: 5. marts 2026" in text


async def test_problems_column_counts_check_errors(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    ws.set_field("aflastning", "Formål", "")
    expected = problem_counts(ws.check())
    ws.close()
    assert expected["indsatser/aflastning.md"][0] >= 1  # an empty field is an error
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for row in rows(app).values():
            assert (row.errors, row.warnings) == expected.get(row.path, (0, 0))
        errors = expected["indsatser/aflastning.md"][0]
        assert f"{errors} fejl" in screen_text(app)


async def test_filter_as_you_type_on_titel_id_lovhjemmel_and_text(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("/", *"kontakt")
        assert listed(app) == ["# Støttende indsatser", "fast-kontaktperson"]
        await pilot.press("ctrl+u", *"weekenden")  # only in a field's text
        assert listed(app) == ["# Støttende indsatser", "familiebehandling"]
        await pilot.press("ctrl+u", *"§ 43")  # lovhjemmel
        assert listed(app) == ["# Anbringelser", "plejefamilie"]
        await pilot.press("ctrl+u", *"oekonomisk-stoette")  # id
        assert listed(app) == ["# Økonomisk støtte", "oekonomisk-stoette"]
        assert "viser 1 af 5 indsatser" in screen_text(app)
        await pilot.press("escape")
        assert len(listed(app)) == 8
        assert app.screen.query_one(IndsatsList).has_focus


async def test_review_column_comes_from_the_provider(repo_path: Path) -> None:
    def provider(_ws: Workspace, items: Sequence[Indsats]) -> Mapping[str, str]:
        return {item.id: "2/3" for item in items if item.kategori == "Anbringelser"}

    app = SnApp(str(repo_path), "mette", review_provider=provider)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reviews = {i: r.review for i, r in rows(app).items()}
        assert reviews["plejefamilie"] == "2/3"
        assert reviews["familiebehandling"] == "–"


class ListApp(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield IndsatsList()

    def on_mount(self) -> None:
        items = [
            OverviewRow(
                f"i{n:04}",
                f"indsatser/i{n:04}.md",
                f"Indsats {n:04}",
                f"K{n // 100}",
                "",
                "unchanged",
            )
            for n in range(self.count)
        ]
        listing = self.query_one(IndsatsList)
        listing.set_lines(grouped(items))
        listing.focus()


async def test_a_thousand_rows_scroll_with_the_cursor() -> None:
    app = ListApp(1000)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.query_one(IndsatsList)
        assert listing.current_id == "i0000"
        await pilot.press("end")
        assert listing.current_id == "i0999"
        assert "Indsats 0999" in screen_text(app)
        await pilot.press("pageup", "up")
        assert listing.current_id is not None
        assert f"Indsats {listing.current_id[1:]}" in screen_text(app)
        await pilot.press("home")
        assert listing.current_id == "i0000"
        assert "K0 (100)" in screen_text(app)


async def test_slash_and_text_typed_faster_than_a_frame_all_go_to_the_filter(
    repo_path: Path,
) -> None:
    from textual import events
    from textual.widgets import Input

    from sn_tui.tui.screens.overview import OverviewScreen

    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # one burst, as a terminal delivers fast typing: no pause between the keys
        for key, char in (("slash", "/"), ("f", "f"), ("a", "a"), ("m", "m")):
            event = events.Key(key, char)
            event.set_sender(app)
            app.post_message(event)
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)  # "f" did not open the Forord
        assert app.screen.query_one("#filter", Input).value == "fam"


@pytest.mark.parametrize(
    ("asked", "shown", "light"),
    [
        (None, "ansi-dark", False),
        ("textual-light", "textual-light", True),
        ("nej", "ansi-dark", False),
    ],
)
async def test_the_theme_named_in_sn_theme_colours_the_screen(
    repo_path: Path, monkeypatch: pytest.MonkeyPatch, asked: str | None, shown: str, light: bool
) -> None:
    """SN_THEME names one of Textual's themes; none, or an unknown name, is the default (the
    terminal's own colours)."""
    if asked is not None:
        monkeypatch.setenv("SN_THEME", asked)
    app = make_app(str(repo_path), "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.current_theme.name == shown
        background = app.screen.styles.background
        assert (background.brightness > 0.5) is light
