"""The Textual app: opens the workspace in a worker, shows the overview, runs every key.

The first frame waits for nothing: Git, YAML and the Markdown renderer load in workers after
it, and every Git call runs in a thread worker that posts a message back (the UI keeps
answering keys meanwhile).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn, cast

from textual import work
from textual.app import App
from textual.command import CommandPalette, Provider
from textual.filter import LineFilter
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen

from sn_tui.i18n import set_language, t
from sn_tui.tui import keys
from sn_tui.tui.arenas import limit_malloc_arenas
from sn_tui.tui.commands import ActionsProvider
from sn_tui.tui.idle_gc import IdleCollector
from sn_tui.tui.key_order import InOrderKeysApp
from sn_tui.tui.live.link import LiveSession, LiveSettings
from sn_tui.tui.live.rights import RightsWatch
from sn_tui.tui.safe_text import ShowControlCharacters

if TYPE_CHECKING:
    from rich.console import RenderableType

    from sn_tui.domain.entry import Faggruppe, Indsats, Person
    from sn_tui.services.people import Rights
    from sn_tui.services.reading import Overview
    from sn_tui.services.workspace import Workspace
    from sn_tui.tui.startup import Start

DEFAULT_THEME = "ansi-dark"

ReviewProvider = Callable[["Workspace", "Sequence[Indsats]"], Mapping[str, str]]
"""Fills the overview's review column: indsats id -> short progress text, e.g. "3/5"."""


def default_review_provider() -> ReviewProvider | None:
    """The review column's source: each indsats' sign-offs from the review database."""
    return _review_column


def _review_column(workspace: Workspace, items: Sequence[Indsats]) -> Mapping[str, str]:
    # Imported here, in the overview's worker once the rows are shown: at start-up the review
    # modules took ~20 ms before the first screen.
    from sn_tui.tui.review_common import review_column

    return review_column(workspace, items)


class WorkspaceOpened(Message):
    """The workspace is open; `overview` is `main`'s overview (None: the overview reads it)."""

    def __init__(
        self,
        workspace: Workspace,
        person: Person | None,
        groups: list[Faggruppe],
        overview: Overview | None,
        rights_problem: str | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.person = person
        self.groups = groups
        self.overview = overview
        self.rights_problem = rights_problem


class WorkspaceFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SnApp(InOrderKeysApp, App[int]):
    """sn-tui: the overview of indsatser, editing, saving, conflicts and history."""

    # The first screen's own .tcss is read with the app's: read when the screen is pushed, it
    # would make Textual parse every stylesheet again (~15 ms of each start).
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/overview.tcss"]
    TITLE = "sn-tui"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ActionsProvider}
    BINDINGS = keys.bindings("app")
    # The default theme as the app's own default, not set in __init__: setting it there makes
    # Textual restyle from scratch (two more parses of every stylesheet, ~40 ms of each start).
    theme: Reactive[str] = Reactive(DEFAULT_THEME)

    def __init__(
        self,
        repo_arg: str | None = None,
        user_arg: str | None = None,
        *,
        lang: str | None = None,
        theme: str | None = None,
        keymap: Mapping[str, str] | None = None,
        review_provider: ReviewProvider | None = None,
        on_ready: Callable[[], None] | None = None,
        live: LiveSettings | None = None,
        db_url: str | None = None,
        start: Start | None = None,
    ) -> None:
        set_language(lang)
        super().__init__()
        keys.localize(self, "app")
        self.repo_arg = repo_arg
        self.user_arg = user_arg
        self.db_url = db_url  # None: $SN_DATABASE_URL, else SQLite in the Git directory
        self.live = LiveSession(self, live)  # presence, live updates, drafts, sync (None: off)
        self.workspace: Workspace | None = None
        self._live_waiting: Workspace | None = None  # opened, live features not yet started
        self.person: Person | None = None
        self.groups: list[Faggruppe] = []
        self.rights_problem: str | None = None  # why the rights differ from adgang.yml on disk
        self.rights = RightsWatch(self)
        self.idle_gc = IdleCollector()
        self.kategorier: list[str] = []
        self.review_provider = review_provider
        self.open_error: str | None = None
        self.generation = 0  # bumped on every commit this app makes; screens reload on change
        self._keymap_arg = keymap
        self.user_keymap: dict[str, str] = {}
        self._on_ready = on_ready
        self._control_filter = ShowControlCharacters()
        self.title = t("app.title")
        # Another theme is set before the first style pass: set later, it restyles every widget.
        # (The default named again is no change to the reactive, so no restyle either.)
        if theme is not None and theme in self.available_themes:
            self.theme = theme
        self._start = start  # what `startup.prepare` opened (and forked) before Textual loaded
        self._opened: WorkspaceOpened | WorkspaceFailed | None = None  # by `_open_workspace`

    # ------------------------------------------------------------------ start-up
    def get_default_screen(self) -> Screen[Any]:
        """The overview, as the default screen: the first screen of a mode (MODES) would make
        Textual parse every stylesheet once more at start (~20 ms)."""
        from sn_tui.tui.screens.overview import OverviewScreen

        return OverviewScreen()

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._control_filter]

    def on_mount(self) -> None:
        from sn_tui.tui.quitting import AbandoningExecutor

        # before the first worker: quitting then waits for none of them for long
        asyncio.get_running_loop().set_default_executor(AbandoningExecutor())
        if self._keymap_arg is not None:
            self.user_keymap = dict(self._keymap_arg)
        else:
            self.user_keymap, problems = keys.load_keymap(keys.keymap_path())
            for problem in problems:
                self.notify(problem, severity="warning", markup=False)
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.sub_title = t("app.opening")
        self._open_workspace()
        if not self.is_headless:
            self._flush_on_hangup()

    def _flush_on_hangup(self) -> None:
        """A dropped SSH connection (SIGHUP) or a stop (SIGTERM) would end the process before
        the next draft autosave: write the drafts, then end as on ctrl+q."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signum, self._hung_up, signum)

    def _hung_up(self, signum: int) -> None:
        self.live.flush_drafts()
        # Ending as on ctrl+q restores the terminal, and with the terminal gone Textual 8.2.8's
        # output thread can leave that waiting for ever (LinuxDriver.close -> WriterThread.stop
        # blocks on its queue): a process left behind per dropped connection on a shared host.
        # The drafts are written, so if the clean end has not come within a second, end anyway.
        watchdog = threading.Timer(1.0, os._exit, args=(128 + signum,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    def panic(self, *renderables: RenderableType) -> None:
        """Also how a dropped connection can end the app: the terminal's input thread may
        fail on the closed terminal before SIGHUP arrives. Keep the unsaved text first."""
        self.live.flush_drafts()
        super().panic(*renderables)

    @work(thread=True, group="open", exit_on_error=False)
    def _open_workspace(self) -> None:
        self._opened = self._open()
        self.post_message(self._opened)

    def _open(self) -> WorkspaceOpened | WorkspaceFailed:
        """Open the repository (unless `startup.prepare` did) and read the first screen's rows
        (in a worker thread)."""
        from sn_tui.domain.errors import UserError
        from sn_tui.services.workspace import Workspace

        start, self._start = self._start, None
        try:
            if start is not None:
                workspace = start.workspace
            else:
                workspace = Workspace.open(self.repo_arg, self.user_arg, self.db_url)
            head = workspace.head()  # (the rights read the person and the faggrupper)
            rights = workspace.rights()
            self.rights.start(workspace)
        except Exception as exc:
            if start is not None:
                start.wait()
            if isinstance(exc, UserError):
                return WorkspaceFailed(str(exc))
            # the user gets one sentence, never a traceback
            return WorkspaceFailed(t("app.open_failed", kind=type(exc).__name__))
        overview = start.overview(head) if start is not None else None
        if overview is None:
            overview = self._first_overview(workspace)
        return WorkspaceOpened(workspace, rights.person, rights.groups, overview, rights.problem)

    def _first_overview(self, workspace: Workspace) -> Overview | None:
        """The first screen's rows, read with the opening. None if that fails: the overview's
        own load then tries again and reports it."""
        try:
            return workspace.overview()
        except Exception:
            return None

    def on_workspace_opened(self, message: WorkspaceOpened) -> None:
        self.workspace = message.workspace
        self.person = message.person
        self.groups = message.groups
        self.rights_problem = message.rights_problem
        self._show_who()
        # Presence, polling and drafts start once the overview shows its rows (they would
        # compete with them for the interpreter), or now if the overview must read them itself.
        self._live_waiting = message.workspace
        if message.overview is None:
            self._start_live()
        from sn_tui.tui.screens.overview import OverviewScreen

        for screen in self.screen_stack:
            if isinstance(screen, OverviewScreen):
                screen.workspace_ready(message.overview)

    def on_workspace_failed(self, message: WorkspaceFailed) -> None:
        self.open_error = message.text
        self.exit(return_code=2)

    def on_unmount(self) -> None:
        self.live.stop()
        self.idle_gc.stop()
        if self.workspace is not None:
            self.workspace.close()
        elif isinstance(self._opened, WorkspaceOpened):  # the app ended before it took it
            self._opened.workspace.close()

    # ------------------------------------------------------------------ state
    @property
    def read_only(self) -> bool:
        """An unknown login may read everything and save nothing."""
        return self.workspace is not None and self.person is None

    def read_only_text(self) -> str:
        if self.rights_problem:
            return t("people.read_only_banner", reason=self.rights_problem)
        login = self.workspace.login if self.workspace is not None else "?"
        return t("app.read_only_banner", login=login)

    def rights_note(self) -> str | None:
        """What the overview's banner says about the rights (None: nothing to say)."""
        return self.read_only_text() if self.read_only else self.rights_problem

    def apply_rights(self, rights: Rights) -> None:
        """adgang.yml or faggrupper.yml changed: the session's rights as they are now."""
        self.person, self.groups, self.rights_problem = rights.person, rights.groups, rights.problem
        self._show_who()

    def _show_who(self) -> None:
        if self.person is None:
            login = self.workspace.login if self.workspace is not None else "?"
            self.sub_title = t("app.read_only_subtitle", login=login)
        else:
            self.sub_title = self.person.navn

    def committed(self) -> None:
        """Something was saved: screens that show repository data reload when they resume."""
        self.generation += 1

    def _start_live(self) -> None:
        workspace, self._live_waiting = self._live_waiting, None
        if workspace is not None:
            self.live.start(workspace)

    def overview_ready(self) -> None:
        """The overview shows its rows (the start-up benchmark waits for this)."""
        if self._on_ready is not None:
            callback, self._on_ready = self._on_ready, None
            callback()
        self._start_live()
        self.call_after_refresh(self._read_screen_css)
        self.idle_gc.start(self)  # full garbage collections between keys, not during them
        if self.live.settings is not None:
            self._tell_open_rounds()

    @work(thread=True, group="open-rounds", exit_on_error=False)
    def _tell_open_rounds(self) -> None:
        """A member entering sees the open høringsrunder that ask their faggrupper."""
        workspace = self.workspace
        if workspace is None or self.person is None:
            return
        try:
            found = workspace.reviews.my_open_rounds()
        except Exception:
            return  # the review screens say what is wrong with the database
        if found:
            # imported only now: the rounds screen's module (and its widgets) is not needed on
            # the days no round is open
            from sn_tui.tui.screens.people.rounds import open_rounds_text

            self.call_from_thread(self.notify, open_rounds_text(found), markup=False, timeout=15)

    def _read_screen_css(self) -> None:
        """Every screen's stylesheet, read once while the user reads the overview. Textual reads
        a screen's .tcss when the screen is first pushed, and then parses every stylesheet again
        and restyles every widget of every screen: part of each first opening of the editor,
        the review matrix, versions or history (~60 ms at 1,000 indsatser, in the key's way)."""
        from textual.widgets import DataTable

        from sn_tui.tui.widgets.figure_table import FigureTable

        sheet = self.stylesheet
        unread = [
            path
            for path in sorted((Path(__file__).parent / "screens").rglob("*.tcss"))
            if not sheet.has_source(str(path), "")
        ]
        for path in unread:
            sheet.read(path)
        # The same for the default CSS of the widgets that only other screens use (versions,
        # comparison, history, matrix: DataTable; datagrundlag: FigureTable), which Textual
        # adds when such a widget is first mounted (~10 ms parse and a restyle of every widget).
        defaults = [
            found
            for widget in (DataTable[object](), FigureTable())
            for found in widget._get_default_css()
            if not sheet.has_source(*found[0])
        ]
        for read_from, css, tie_breaker, scope in defaults:
            sheet.add_source(
                css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope
            )
        if unread or defaults:
            sheet.reparse()
            sheet.update(self)

    # ------------------------------------------------------------------ actions
    def action_help(self) -> None:
        from sn_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                CommandPalette(placeholder=t("app.palette_placeholder"), id="--command-palette")
            )

    async def action_quit(self) -> None:
        from sn_tui.tui.screens.indsats.editor import EditorScreen

        dirty = [s for s in reversed(self.screen_stack) if isinstance(s, EditorScreen) and s.dirty]
        if not dirty:
            self.exit(0)
            return
        dirty[0].leave(then=lambda: self.exit(0))

    def action_help_quit(self) -> None:
        quit_keys = keys.current_keys(keys.ALL["quit"], self.user_keymap)
        self.notify(t("app.how_to_quit", keys=self.key_names(quit_keys)), markup=False)

    def key_names(self, key_list: str) -> str:
        """ "ctrl+s,f2" as the footer writes keys: "^s / f2"."""
        from textual.binding import Binding

        shown = [self.get_key_display(Binding(k.strip(), "")) for k in key_list.split(",")]
        return " / ".join(s for s in shown if s)


def make_app(
    repo_arg: str | None,
    user_arg: str | None,
    lang: str | None = None,
    db_url: str | None = None,
    on_ready: Callable[[], None] | None = None,
    start: Start | None = None,
) -> SnApp:
    """The app as a user gets it: review column, presence, live updates and drafts switched on,
    the workspace and on a first start the overview's rows from `start` (`startup.prepare`);
    the start-up benchmark measures this same app."""
    limit_malloc_arenas()  # before any thread: the session's threads share two C heaps
    return SnApp(
        repo_arg,
        user_arg,
        lang=lang,
        theme=os.environ.get("SN_THEME"),
        review_provider=default_review_provider(),
        live=LiveSettings.from_env(),
        db_url=db_url,
        on_ready=on_ready,
        start=start,
    )


def run_app(
    repo_arg: str | None,
    user_arg: str | None,
    lang: str | None = None,
    db_url: str | None = None,
    start: Start | None = None,
) -> NoReturn:
    """`sn-tui` without a subcommand: run the TUI until the user quits, then end the
    process with its exit code."""
    app = make_app(repo_arg, user_arg, lang, db_url, start=start)
    app.run()
    if app.open_error:
        print(f"sn-tui: {app.open_error}", file=sys.stderr)
    end_now(2 if app.open_error else app.return_code or 0)


def end_now(code: int) -> NoReturn:
    """End the process without the interpreter's own teardown, which took up to a second
    after the app was gone on a busy host (freeing every object Textual and the app made).
    Nothing is left to write: the workspace, the database and the caches were closed when
    the app ended, and the exit handlers run here, before the process ends."""
    import atexit

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
