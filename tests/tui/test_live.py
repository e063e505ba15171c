"""Several sessions at once, driven by keys: presence, live updates, drafts and sync.

Two `SnApp`s run side by side against one repository and one SQLite database; other people's
saves come from another `Workspace` or plain git. Intervals are short and every wait is on a
condition with a deadline.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from tui_support import git, screen_text, settle
from tui_support import until as until_within

import sn_tui.tui.app as app_module
from sn_tui.domain.document import Document
from sn_tui.domain.sync import SyncResult
from sn_tui.reviewdb.queries.plain import open_plain
from sn_tui.services.reviews import database_url
from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.live.link import LiveSettings
from sn_tui.tui.screens.indsats.conflict import ConflictScreen
from sn_tui.tui.screens.indsats.draft import DraftScreen
from sn_tui.tui.screens.indsats.editor import EditorScreen
from sn_tui.tui.screens.overview import OverviewScreen
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.field_editor import FieldEditor
from sn_tui.tui.widgets.indsats_list import IndsatsList
from sn_tui.tui.widgets.presence_bar import PresenceBar

FAST = LiveSettings(heartbeat=0.2, poll=0.1, autosave=0.2, sync=0)
PATH = "indsatser/fast-kontaktperson.md"
TIMEOUT = 20.0
until = functools.partial(until_within, seconds=TIMEOUT)


class RecordingApp(SnApp):
    """Keeps every notice it shows (a toast disappears after some seconds)."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def __init__(self, repo: str, login: str, settings: LiveSettings) -> None:
        super().__init__(repo, login, live=settings)
        self.said: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:
        self.said.append(message)
        super().notify(message, **kwargs)


def app_for(repo_path: Path, login: str, settings: LiveSettings = FAST) -> RecordingApp:
    return RecordingApp(str(repo_path), login, settings)


def notices(app: RecordingApp) -> str:
    return "\n".join(app.said)


async def open_indsats(pilot: Pilot[int], words: str) -> EditorScreen:
    await settle(pilot)
    await pilot.press("/", *words, "enter", "enter")
    await until(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, EditorScreen) and pilot.app.screen.original is not None
        ),
        "the editor",
    )
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    return screen


def field(editor: EditorScreen, name: str) -> FieldEditor:
    return next(e for e in editor.editors if e.field_name == name)


def saved(repo_path: Path, name: str) -> str | None:
    return Document.parse(git(repo_path, "show", f"main:{PATH}").encode()).field(name)


def save_as(repo_path: Path, login: str, field_name: str, text: str) -> str:
    """Someone else saves one field of fast-kontaktperson from their own workspace."""
    ws = Workspace.open(str(repo_path), login)
    try:
        result = ws.set_field("fast-kontaktperson", field_name, text)
        assert result.commit is not None
        return result.commit
    finally:
        ws.close()


def draft_text(repo_path: Path, login: str, key: str) -> str | None:
    from sn_tui.reviewdb.queries.live import LiveService

    db = open_plain(database_url(None, repo_path / ".git"))
    try:
        draft = LiveService(db).draft(login, key)
        return None if draft is None else draft.content
    finally:
        db.close()


def test_intervals_come_from_the_environment() -> None:
    settings = LiveSettings.from_env(
        {"SN_LIVE_HEARTBEAT": "1.5", "SN_LIVE_POLL": "x", "SN_LIVE_SYNC": "0"}
    )
    assert settings == LiveSettings(heartbeat=1.5, poll=1.0, autosave=2.0, sync=0)
    assert LiveSettings.from_env({"SN_LIVE_AUTOSAVE": "-1"}).autosave == 2.0


# ---------------------------------------------------------------------- presence
async def test_two_sessions_see_who_has_what_open(repo_path: Path) -> None:
    ole, mette = app_for(repo_path, "ole"), app_for(repo_path, "mette")
    async with (
        ole.run_test(size=(100, 40)) as p_ole,
        mette.run_test(size=(100, 40)) as p_mette,
    ):
        ole_editor = await open_indsats(p_ole, "kontakt")
        await p_ole.press("end", *" Ole skriver.")
        assert ole_editor.dirty
        listing = mette.screen.query_one(IndsatsList)
        await until(
            p_mette,
            lambda: "✎Fast kontaktperson" in screen_text(mette),
            "Ole's editing mark in Mette's overview",
        )
        assert listing._present["fast-kontaktperson"] == (True, "Ole")
        assert "Ole" in next(line for line in screen_text(mette).splitlines() if "✎" in line)

        mette_editor = await open_indsats(p_mette, "kontakt")
        bar = mette_editor.query_one(PresenceBar)
        assert bar.display
        assert "Også åben hos: Ole Test (redigerer siden" in str(bar.render())
        await until(
            p_mette,
            lambda: "Andre redigerer også denne tekst: Ole Test (redigerer siden" in notices(mette),
            "the notice",
        )
        await until(
            p_ole,
            lambda: "Også åben hos: Mette Prøve (siden" in screen_text(ole),
            "Mette in the header of Ole's editor",
        )

        await p_ole.press("escape", "k")  # leave, discarding the edit
        await until(p_ole, lambda: isinstance(ole.screen, OverviewScreen), "Ole's overview")
        await until(p_mette, lambda: not bar.display, "Ole gone from Mette's header")
        await until(
            p_ole,
            lambda: "●Fast kontaktperson" in screen_text(ole),
            "Mette's (not editing) mark in Ole's overview",
        )
    assert draft_text(repo_path, "ole", "fast-kontaktperson") is None  # discarded, not kept


# ---------------------------------------------------------------------- live updates
async def test_a_commit_elsewhere_refreshes_the_overview_and_says_who(repo_path: Path) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: app.live.head is not None, "the live session")
        assert app.screen.check_action("sync", ()) is False  # no remote: no sync key
        ws = Workspace.open(str(repo_path), "ole")
        ws.set_meta("fast-kontaktperson", "titel", "Fast kontaktperson for unge")
        ws.close()
        await until(
            pilot,
            lambda: "Fast kontaktperson for unge" in screen_text(app),
            "the new titel in the overview",
        )
        await until(
            pilot,
            lambda: "Ole Test har gemt ændringer i Fast kontaktperson for unge." in notices(app),
            "the notice",
        )

        # Plain git in the working tree, by someone the app does not know.
        target = repo_path / "indsatser" / "aflastning.md"
        target.write_text(
            target.read_text(encoding="utf-8").replace("titel: Støtteophold", "titel: Aflastning"),
            encoding="utf-8",
        )
        git(repo_path, "-c", "user.name=Hanne Git", "-c", "user.email=hanne@testrup.dk",
            "commit", "-qam", "Ny titel")  # fmt: skip
        await until(pilot, lambda: "Aflastning" in screen_text(app), "the plain git commit")
        await until(
            pilot,
            lambda: "Hanne Git har gemt ændringer i Aflastning." in notices(app),
            "the notice",
        )


async def test_own_saves_are_not_announced(repo_path: Path) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_indsats(pilot, "kontakt")
        await pilot.press("end", *" Mere.", "ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the own save")
        head = git(repo_path, "rev-parse", "main").strip()
        await until(pilot, lambda: app.live.head == head, "the session to see it")
        await pilot.pause()  # the notices of that moment are shown
        assert "Gemt." in notices(app)
        assert "har gemt ændringer" not in notices(app)


async def test_unsaved_edits_survive_a_save_underneath_and_merge(repo_path: Path) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_indsats(pilot, "kontakt")
        await pilot.press("ctrl+a", "ctrl+k", *"Mettes formål.")
        save_as(repo_path, "ole", "Indhold", "Oles indhold.")
        banner = editor.query_one("#live-banner", Banner)
        await until(pilot, lambda: banner.display, "the notice that the saved text changed")
        assert "Ole Test gemte en ny udgave af teksten" in str(banner.render())
        assert field(editor, "Formål").text == "Mettes formål."  # kept
        assert field(editor, "Indhold").text == "Indhold for fast kontaktperson."  # not replaced
        await pilot.press("ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the merged save")
        assert not banner.display
        await until(pilot, lambda: "Gemt og flettet" in notices(app), "the notice")
        assert field(editor, "Indhold").text == "Oles indhold."
    assert saved(repo_path, "Formål") == "Mettes formål."
    assert saved(repo_path, "Indhold") == "Oles indhold."


async def test_the_same_field_changed_underneath_still_goes_to_the_conflict_screen(
    repo_path: Path,
) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_indsats(pilot, "kontakt")
        await pilot.press("ctrl+a", "ctrl+k", *"Mettes formål.")
        theirs = save_as(repo_path, "ole", "Formål", "Oles formål.")
        banner = editor.query_one("#live-banner", Banner)
        await until(pilot, lambda: banner.display, "the notice")
        await pilot.press("ctrl+s", "enter")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen), "the conflict screen")
        conflict = app.screen
        assert isinstance(conflict, ConflictScreen)
        assert [c.name for c in conflict.conflicts] == ["Formål"]
        assert conflict.conflicts[0].base == "Formål for fast kontaktperson."  # the right base
        await pilot.press("ctrl+o", "ctrl+s")
        await until(pilot, lambda: app.screen is editor and not editor.dirty, "the resolution")
    assert saved(repo_path, "Formål") == "Mettes formål."
    assert git(repo_path, "rev-parse", "main~1").strip() == theirs


async def test_a_delete_from_the_overview_reloads_it_once(repo_path: Path) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        await until(pilot, lambda: app.live.collab is not None, "the live session")
        listing = overview.query_one(IndsatsList)
        listing.focus()
        while listing.current_id != "aflastning":
            await pilot.press("down")
        before = overview.reloads
        await pilot.press("d", "y")
        await until(pilot, lambda: "aflastning" not in [r.id for r in overview.rows], "the rows")
        head = git(repo_path, "rev-parse", "main").strip()
        await until(pilot, lambda: app.live.head == head, "the poller to see the new main")
        await settle(pilot)
        assert overview.head == head
        assert overview.reloads == before + 1  # not once more for the poller's notice


async def test_an_editor_without_edits_shows_the_new_text(repo_path: Path) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_indsats(pilot, "kontakt")
        commit = save_as(repo_path, "ole", "Tildeling", "Ny tildeling.")
        await until(pilot, lambda: editor.base == commit, "the editor to follow main")
        assert field(editor, "Tildeling").text == "Ny tildeling."
        assert not editor.dirty
        await until(
            pilot,
            lambda: "Teksten er opdateret med en ny udgave gemt af Ole Test." in notices(app),
            "the notice",
        )
        await pilot.press("end", *" Og mere.", "ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the save on the new base")
    assert saved(repo_path, "Formål") == "Formål for fast kontaktperson. Og mere."
    assert saved(repo_path, "Tildeling") == "Ny tildeling."


# ---------------------------------------------------------------------- drafts
async def type_a_draft(repo_path: Path, text: str) -> None:
    """Mette types, the draft is written, and the app ends without saving (like a crash)."""
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await open_indsats(pilot, "kontakt")
        await pilot.press("end", *text)
        await until(
            pilot,
            lambda: text in (draft_text(repo_path, "mette", "fast-kontaktperson") or ""),
            "the autosaved draft",
        )
        app.exit()  # no question about unsaved changes: the process just ends


async def test_a_draft_is_offered_beside_the_saved_text_and_restored(repo_path: Path) -> None:
    await type_a_draft(repo_path, " Fra kladden.")
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: "kladder, som ikke er gemt" in notices(app), "the reminder")
        await until(pilot, lambda: "Fast kontaktperson" in notices(app), "the notice")
        await pilot.press("/", *"kontakt", "enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, DraftScreen), "the draft offer")
        text = screen_text(app)
        assert "Din kladde" in text and "Gemt tekst nu" in text
        draft_line = next(line for line in text.splitlines() if "Fra kladden." in line)
        assert "Formål for fast kontaktperson." in draft_line.split("Fra kladden.")[1]  # beside
        await pilot.press("g")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert field(editor, "Formål").text == "Formål for fast kontaktperson. Fra kladden."
        assert editor.dirty
        await pilot.press("ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the save")
        await until(
            pilot,
            lambda: draft_text(repo_path, "mette", "fast-kontaktperson") is None,
            "the draft to go",
        )
    assert saved(repo_path, "Formål") == "Formål for fast kontaktperson. Fra kladden."


async def test_a_restored_draft_merges_with_what_was_saved_since(repo_path: Path) -> None:
    await type_a_draft(repo_path, " Fra kladden.")
    save_as(repo_path, "ole", "Indhold", "Oles indhold.")
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("/", *"kontakt", "enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, DraftScreen), "the draft offer")
        assert "Den gemte tekst er ændret siden" in screen_text(app)
        await pilot.press("g")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query_one("#live-banner", Banner).display
        await pilot.press("ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the merged save")
    assert saved(repo_path, "Formål") == "Formål for fast kontaktperson. Fra kladden."
    assert saved(repo_path, "Indhold") == "Oles indhold."


async def test_a_draft_can_be_discarded_or_kept_for_later(repo_path: Path) -> None:
    await type_a_draft(repo_path, " Fra kladden.")
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("/", *"kontakt", "enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, DraftScreen), "the draft offer")
        await pilot.press("escape")  # later
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert field(editor, "Formål").text == "Formål for fast kontaktperson."
        assert "gemmes til senere" in str(editor.query_one("#live-banner", Banner).render())
        await pilot.press("end", *" Noget andet.")
        await until(pilot, lambda: editor.dirty, "the edit")
        assert editor.link.postponed and editor.link.written is None  # writes no draft of its own
        await pilot.press("escape", "k")
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen), "the overview")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DraftScreen), "the offer again")
        assert "Fra kladden." in screen_text(app)  # the old draft, kept through the edit above
        await pilot.press("k")
        await until(
            pilot,
            lambda: draft_text(repo_path, "mette", "fast-kontaktperson") is None,
            "the discarded draft to go",
        )
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert not editor.dirty


async def test_a_draft_follows_the_typing_and_goes_on_save(repo_path: Path) -> None:
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_indsats(pilot, "kontakt")
        await pilot.press("end", *" Et.")
        await until(
            pilot,
            lambda: "Et." in (draft_text(repo_path, "mette", "fast-kontaktperson") or ""),
            "the first draft",
        )
        await pilot.press(*" To.")
        await until(
            pilot,
            lambda: "Et. To." in (draft_text(repo_path, "mette", "fast-kontaktperson") or ""),
            "the draft to follow the typing",
        )
        await pilot.press("ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the save")
        await until(
            pilot,
            lambda: draft_text(repo_path, "mette", "fast-kontaktperson") is None,
            "the draft to go",
        )


# ---------------------------------------------------------------------- sync
def with_remote(repo_path: Path) -> Path:
    origin = repo_path.parent / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo_path), str(origin)], check=True)
    git(repo_path, "remote", "add", "origin", str(origin))
    return origin


async def test_sync_key_fetches_and_pushes_through_a_bare_remote(repo_path: Path) -> None:
    origin = with_remote(repo_path)
    other = repo_path.parent / "other"
    subprocess.run(["git", "clone", "-q", str(origin), str(other)], check=True)
    ws = Workspace.open(str(other), "ole")
    ws.set_field("aflastning", "Formål", "Fra den anden vært.")
    from sn_tui.store.sync import sync

    sync(ws.repo)
    ws.close()
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(200, 40)) as pilot:  # wide: every key fits in the footer
        editor = await open_indsats(pilot, "kontakt")
        await pilot.press("end", *" Lokalt.", "ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the local save")
        await pilot.press("escape")
        await until(pilot, lambda: app.live.can_sync, "the remote to be found")
        await until(pilot, lambda: "s Synkronisér" in screen_text(app), "the sync key shown")
        await pilot.press("s")
        await until(pilot, lambda: "Synkroniseret med origin" in notices(app), "the sync")
        await until(pilot, lambda: "1 ny ændring hentet" in notices(app), "the notice")
        await until(pilot, lambda: "Ole Test har gemt ændringer i Støtteophold" in notices(app),
                    "the fetched change announced")  # fmt: skip
    remote = git(origin, "show", "main:indsatser/fast-kontaktperson.md")
    assert "Formål for fast kontaktperson. Lokalt." in remote
    assert "Fra den anden vært." in git(repo_path, "show", "main:indsatser/aflastning.md")


async def test_a_failed_sync_is_a_notice_and_keeps_the_local_save(repo_path: Path) -> None:
    with_remote(repo_path)
    git(repo_path, "remote", "set-url", "origin", str(repo_path.parent / "gone.git"))
    settings = LiveSettings(heartbeat=0.2, poll=0.1, autosave=0.2, sync=0.3)
    app = app_for(repo_path, "mette", settings)
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_indsats(pilot, "kontakt")
        await pilot.press("end", *" Lokalt.", "ctrl+s", "enter")
        await until(pilot, lambda: not editor.dirty, "the local save")
        await until(pilot, lambda: "Synkroniseringen mislykkedes" in notices(app), "the notice")
        collab = app.live.collab
        assert collab is not None
        tries: list[int] = []
        real_sync = collab.sync

        def counted() -> SyncResult:
            tries.append(1)
            return real_sync()

        collab.sync = counted  # type: ignore[method-assign]
        await until(pilot, lambda: len(tries) >= 3, "more background syncs")
        await pilot.pause()
        assert notices(app).count("Synkroniseringen mislykkedes") == 1  # once, not every 0.3 s
        await pilot.press("end", *" Stadig muligt.")  # the app goes on
        assert editor.dirty
    assert "Lokalt." in git(repo_path, "show", f"main:{PATH}")
