"""The TUI's link to the other sessions: presence, `main` moving, drafts and background sync.

One `LiveSession` per app run, with its own session id. Timers on the app start thread
workers that do the Git and database work through
`sn_tui.services.collaboration.Collaboration`; results come back to the UI thread with
`App.call_later` (safe from any thread) and reach the screens as messages: `PresenceChanged`
and `MainMoved`. An app built without `LiveSettings` (tests, snapshots) starts none of it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.message import Message
from textual.timer import Timer

from sn_tui.i18n import t
from sn_tui.tui.errors import user_sentence

if TYPE_CHECKING:
    from sn_tui.domain.sync import ParkedChange, SyncResult
    from sn_tui.services.collaboration import Collaboration, MainMove, Presence
    from sn_tui.services.workspace import Workspace
    from sn_tui.tui.app import SnApp
    from sn_tui.tui.screens.indsats.editor import EditorScreen

T = TypeVar("T")


def _looked(look: Callable[[], T]) -> T | Exception:
    """One look of the live poll: its result, or why it failed."""
    try:
        return look()
    except Exception as exc:
        return exc


Polled = tuple["MainMove | Exception | None", "bool | Exception"]  # the poll's two looks
BEAT, POLL, SYNC, START = "live-beat", "live-poll", "live-sync", "live-start"
REVIEWS = "live-reviews"
MAX_NAMED = 4  # files named in one "who changed what" notice
PROGRESS_EVERY = 3.0  # seconds between a sync's progress notices (and before the first)


@dataclass(frozen=True)
class LiveSettings:
    """Seconds between heartbeats, looks at `main`, draft autosaves and background syncs.

    Keep the heartbeat well under `sn_tui.reviewdb.queries.live.PRESENCE_TTL` (15 s), or a live
    session flickers out of the others' view between beats.
    """

    heartbeat: float = 5.0
    poll: float = 1.0
    autosave: float = 2.0
    sync: float = 30.0  # 0: no background sync (the key still syncs)

    ENV: ClassVar[dict[str, str]] = {
        "heartbeat": "SN_LIVE_HEARTBEAT",
        "poll": "SN_LIVE_POLL",
        "autosave": "SN_LIVE_AUTOSAVE",
        "sync": "SN_LIVE_SYNC",
    }

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> LiveSettings:
        """The defaults, each overridable by its environment variable (unreadable ones are
        ignored)."""
        env = os.environ if environ is None else environ
        values: dict[str, float] = {}
        for item in fields(cls):
            try:
                value = float(env.get(cls.ENV[item.name], ""))
            except ValueError:
                continue
            if value > 0 or (item.name == "sync" and value == 0):
                values[item.name] = value
        return cls(**values)


class PresenceChanged(Message):
    """Who has what open changed; read it from `LiveSession.presence`."""

    bubble = False


class MainMoved(Message):
    """`main` moved (a save elsewhere, plain git, a sync)."""

    bubble = False

    def __init__(self, move: MainMove) -> None:
        super().__init__()
        self.move = move


class UnsentChanged(Message):
    """How many local saves the remote lacks changed; read it from `LiveSession.unsent`."""

    bubble = False


def clock(when: dt.datetime) -> str:
    """14:02 today; otherwise with the date."""
    from sn_tui.domain.danish import format_date

    local = when.astimezone()
    time = local.strftime("%H:%M")
    if local.date() == dt.date.today():
        return time
    return t("live.date_time", date=format_date(local), time=time)


class LiveSession:
    """Presence, live updates, drafts and sync for one app run."""

    def __init__(self, app: SnApp, settings: LiveSettings | None) -> None:
        self.app = app
        self.settings = settings
        self.collab: Collaboration | None = None
        self.presence: Presence = {}
        self.head: str | None = None  # main as the screens last heard of it
        self.can_sync = False
        self.unsent = 0  # local saves the remote lacks, parked conflicts included
        self._timers: list[Timer] = []
        self._busy: set[str] = set()
        self._beat_again = False
        self._looked: tuple[object, ...] | None = None  # poll worker only
        self._seen: str | None = None  # poll worker only
        self._reviews_seen: int | None = None  # the review poll's worker only
        self._failures: dict[str, str] = {}
        self._draft_lock = threading.Lock()
        self._draft_seq = itertools.count(1)
        self._draft_issued: dict[str, int] = {}
        self._draft_done: dict[str, int] = {}
        self._discards: dict[str, int] = {}  # discards not yet done: done at exit at the latest

    # ------------------------------------------------------------------ life
    def start(self, workspace: Workspace) -> None:
        """The workspace is open: join the others (nothing when live features are off)."""
        if self.settings is None:
            return
        from sn_tui.services.collaboration import Collaboration

        self.collab = Collaboration(workspace)
        self._run(START, partial(self._starting, self.collab), self._started)

    def _starting(self, collab: Collaboration) -> tuple[bool, int]:
        self._looked = collab.main_stamp()
        self._seen = collab.head()
        self._reviews_seen = collab.review_stamp()
        has_remote = collab.has_remote()
        return has_remote, collab.unsent() if has_remote else 0

    def _started(self, found: tuple[bool, int]) -> None:
        settings, collab = self.settings, self.collab
        if settings is None or collab is None:
            return
        has_remote, unsent = found
        self._unsent_known(unsent)
        self.head = self._seen
        self.can_sync = has_remote
        self._timers = [
            self.app.set_interval(settings.heartbeat, self.touch, name=BEAT),
            self.app.set_interval(settings.poll, self._poll, name=POLL),
            self.app.set_interval(settings.autosave, self._autosave, name="live-autosave"),
        ]
        if has_remote and settings.sync:
            self._timers.append(
                self.app.set_interval(settings.sync, partial(self.sync_now, quiet=True), name=SYNC)
            )
        self.touch()
        self._run("live-drafts", collab.waiting_drafts, self._drafts_waiting)
        self.app.refresh_bindings()

    def stop(self) -> None:
        """The app ends: finish discarding drafts the user threw away, and leave."""
        for timer in self._timers:
            timer.stop()
        collab, self.collab = self.collab, None
        if collab is None:
            return
        # Best effort on the way out: a session that cannot leave expires by itself.
        with contextlib.suppress(Exception), self._draft_lock:
            for key, seq in self._discards.items():
                if self._draft_issued.get(key) == seq and self._draft_done.get(key, 0) < seq:
                    collab.discard_draft(key)
            collab.leave()

    # ------------------------------------------------------------------ workers
    def _run(
        self,
        group: str,
        job: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> bool:
        """Run `job` in a thread unless `group` is already running; `done` gets its result
        on the UI thread. False: it was running."""
        if group in self._busy:
            return False
        self._busy.add(group)
        report = failed or partial(self._failed, group, False)

        def work() -> None:
            try:
                result = job()
            except Exception as exc:
                self.app.call_later(self._finish, group, partial(report, exc))
                return
            self.app.call_later(self._finish, group, partial(done, result))

        self.app.run_worker(work, name=group, group=group, thread=True, exit_on_error=False)
        return True

    def _finish(self, group: str, then: Callable[[], None]) -> None:
        self._busy.discard(group)
        then()
        if group == BEAT and self._beat_again:
            self._beat_again = False
            self.touch()

    def _succeeded(self, group: str) -> None:
        self._failures.pop(group, None)

    def _failed(self, group: str, always: bool, exc: Exception) -> None:
        """Say what went wrong, once per kind until it works again (or every time: `always`)."""
        text = t(f"live.failed_{group.removeprefix('live-')}", detail=user_sentence(exc))
        if always or self._failures.get(group) != text:
            self._failures[group] = text
            self.app.notify(text, severity="warning", markup=False, timeout=8)

    def _post(self, make: Callable[[], Message]) -> None:
        for screen in self.app.screen_stack:
            screen.post_message(make())

    def _editors(self) -> list[EditorScreen]:
        """Editors of today's text, bottom to top (none once the app is shutting down: a timer
        can still fire while the screens' widgets are being removed)."""
        if "sn_tui.tui.screens.indsats.editor" not in sys.modules or not self.app.is_running:
            return []  # no editor was ever opened (and importing it would slow the start)
        from sn_tui.tui.screens.indsats.editor import EditorScreen

        return [
            s for s in self.app.screen_stack if isinstance(s, EditorScreen) and s.revision is None
        ]

    # ------------------------------------------------------------------ presence
    def touch(self) -> None:
        """Beat now: tell the others what this session has open (on the timer, and whenever
        an editor opens, closes or gets unsaved changes)."""
        collab = self.collab
        if collab is None:
            return
        editors = self._editors()
        top = editors[-1] if editors else None
        key = top.link.key if top is not None else None
        editing = top is not None and top.dirty
        if not self._run(BEAT, partial(collab.beat, key, editing), self._presence_seen):
            self._beat_again = True

    def _presence_seen(self, presence: Presence) -> None:
        self._succeeded(BEAT)
        if presence != self.presence:
            self.presence = presence
            self._post(PresenceChanged)

    # ------------------------------------------------------------------ main moving
    def _poll(self) -> None:
        """Every second: has `main` moved, have the rights, has anyone recorded a review? All
        three in one thread: an idle session starts one worker a second, not three."""
        collab = self.collab
        if collab is not None:
            self._run(POLL, partial(self._look_all, collab), self._all_looked)

    def _look_all(self, collab: Collaboration) -> Polled:
        rights = self.app.rights
        moved = _looked(partial(self._look, collab))
        self.app.call_later(rights.done, rights.read(collab.ws))
        return moved, _looked(partial(self._look_at_reviews, collab))

    def _all_looked(self, looked: Polled) -> None:
        moved, reviews = looked
        if isinstance(moved, Exception):
            self._failed(POLL, False, moved)
        else:
            self._moved(moved)
        if isinstance(reviews, Exception):
            self._failed(REVIEWS, False, reviews)
        else:
            self._reviews_looked(reviews)

    def _look_at_reviews(self, collab: Collaboration) -> bool:
        """Whether anyone (another session, the CLI) recorded a review since the last look."""
        stamp = collab.review_stamp()
        if stamp == self._reviews_seen:
            return False
        self._reviews_seen = stamp
        return True

    def _reviews_looked(self, changed: bool) -> None:
        from sn_tui.tui.review_common import announce_reviews_changed

        self._succeeded(REVIEWS)
        if changed:
            announce_reviews_changed(self.app)

    def _look(self, collab: Collaboration) -> MainMove | None:
        stamp = collab.main_stamp()
        if stamp == self._looked and any(stamp):
            return None
        self._looked = stamp
        head = collab.head()
        if head == self._seen:
            return None
        move = collab.main_moved(self._seen, head)
        self._seen = head
        return move

    def _moved(self, move: MainMove | None) -> None:
        self._succeeded(POLL)
        if move is None:
            return
        self.head = move.new
        self.app.committed()  # screens that show repository data reload when they resume
        for change in move.changes:
            names = [self._label(move, p) for p in change.paths]
            what = ", ".join(names[:MAX_NAMED]) + (" …" if len(names) > MAX_NAMED else "")
            self.app.notify(
                t("live.changed_by", author=change.author, what=what), markup=False, timeout=8
            )
        self._post(partial(MainMoved, move))

    @staticmethod
    def _label(move: MainMove, path: str) -> str:
        from sn_tui.services.collaboration import DOCUMENT_KEY

        if path == DOCUMENT_KEY:
            return t("editor.document_title")
        return move.titles.get(path, path)

    # ------------------------------------------------------------------ drafts
    def save_draft(self, key: str, base: str, content: bytes, done: Callable[[bool], None]) -> None:
        self._draft_op(key, lambda c: c.save_draft(key, base, content), done)

    def discard_draft(self, key: str) -> None:
        seq = self._draft_op(key, lambda c: c.discard_draft(key), lambda _ok: None)
        if seq:
            self._discards[key] = seq

    def _draft_op(
        self, key: str, op: Callable[[Collaboration], None], done: Callable[[bool], None]
    ) -> int:
        """Run a draft write in a thread; writes of one key take effect in the order issued
        (a write that finds a newer one done is skipped). The write's number, 0 if off."""
        collab = self.collab
        if collab is None:
            return 0
        seq, job = self._draft_job(key, op, collab)

        def ok(_none: None) -> None:
            self._succeeded("live-draft")
            if self._discards.get(key) == seq:
                del self._discards[key]
            done(True)

        def failed(exc: Exception) -> None:
            self._failed("live-draft", False, exc)
            done(False)

        self._run(f"live-draft-{seq}", job, ok, failed)
        return seq

    def _draft_job(
        self, key: str, op: Callable[[Collaboration], None], collab: Collaboration
    ) -> tuple[int, Callable[[], None]]:
        """A numbered draft write: it is skipped if a later one of the same key is done."""
        seq = next(self._draft_seq)
        self._draft_issued[key] = seq

        def job() -> None:
            with self._draft_lock:
                if seq < self._draft_done.get(key, 0):
                    return
                op(collab)
                self._draft_done[key] = seq

        return seq, job

    def flush_drafts(self) -> None:
        """Write every editor's unsaved text as its draft now, in this thread: the terminal
        hung up or the process is told to stop, and the autosave timer may not run again."""
        collab = self.collab
        if collab is None:
            return
        for editor in self._editors():
            unsaved = editor.link.unsaved()
            if unsaved is None:
                continue
            self._write_draft_now(collab, editor.link.key, *unsaved)

    def _write_draft_now(self, collab: Collaboration, key: str, base: str, content: bytes) -> None:
        _seq, job = self._draft_job(key, lambda c: c.save_draft(key, base, content), collab)
        with contextlib.suppress(Exception):  # best effort on the way out
            job()

    def _autosave(self) -> None:
        for editor in self._editors():
            editor.link.autosave()

    def _drafts_waiting(self, found: list[tuple[str, str | None]]) -> None:
        from sn_tui.services.collaboration import DOCUMENT_KEY

        open_keys = {e.link.key for e in self._editors()}
        names = [
            t("editor.document_title") if key == DOCUMENT_KEY else (titel or key)
            for key, titel in found
            if key not in open_keys
        ]
        if names:
            self.app.notify(
                t("live.drafts_waiting", names=", ".join(names)), markup=False, timeout=10
            )

    # ------------------------------------------------------------------ sync
    def sync_now(self, quiet: bool = False) -> None:
        """Sync with the remote now (`quiet`: the timer's sync, which reports only news)."""
        collab = self.collab
        if collab is None or not self.can_sync:
            return
        job = collab.sync if quiet else partial(collab.sync, self._progress_notices())
        started = self._run(
            SYNC, job, partial(self._synced, quiet), partial(self._sync_failed, not quiet)
        )
        if not quiet:
            self.app.notify(t("live.syncing") if started else t("live.sync_busy"))

    def _say(self, exc: Exception) -> None:
        """A failure of work the user asked for, as its one sentence."""
        self.app.notify(user_sentence(exc), severity="warning", markup=False, timeout=10)

    def _warn_once(self, kind: str, text: str) -> None:
        if self._failures.get(kind) != text:
            self._failures[kind] = text
            self.app.notify(text, severity="warning", markup=False, timeout=10)

    def _first_parked(self) -> ParkedChange | None:
        collab = self.collab
        return None if collab is None else next(iter(collab.parked_changes()), None)

    def _choose_parked(self, change: ParkedChange | None) -> None:
        """The conflict a sync parked, put to the user; the choice is saved and synced."""
        if change is None or self.collab is None:
            return
        if not change.conflicts:  # merges cleanly by now: nothing to ask
            self._resolve(change.path, {})
            return
        from sn_tui.tui.screens.indsats.conflict import ConflictScreen

        def chosen(choices: dict[str, str | None] | None) -> None:
            if choices is not None:  # escape: it stays parked, counted as not sent
                self._resolve(change.path, choices)

        self.app.push_screen(ConflictScreen(change.conflicts, change.titel), chosen)

    def _resolve(self, path: str, choices: Mapping[str, str | None]) -> None:
        collab = self.collab
        if collab is not None:
            job = partial(collab.resolve_parked, path, choices)
            self._run("live-resolve", job, lambda _done: self.sync_now(), self._say)

    def _progress_notices(self) -> Callable[[str], None]:
        """A sync's progress (called in its worker) as a notice every few seconds; a sync
        quicker than that shows only its start and its result."""
        last = time.monotonic()

        def notice(line: str) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY:
                last = now
                self.app.call_later(self.app.notify, line, markup=False, timeout=PROGRESS_EVERY)

        return notice

    def _sync_failed(self, always: bool, exc: Exception) -> None:
        self._failed(SYNC, always, exc)
        collab = self.collab
        if collab is not None:  # what is still not sent, now that this sync sent nothing
            self._run("live-unsent", collab.unsent, self._unsent_known, self._say)

    def _unsent_known(self, count: int) -> None:
        if count != self.unsent:
            self.unsent = count
            self._post(UnsentChanged)

    def _synced(self, quiet: bool, result: SyncResult) -> None:
        self._succeeded(SYNC)
        self._unsent_known(result.unsent + len(result.parked))
        for note in result.notes:  # a tag clash, a refused tag: the rest went through
            self._warn_once(SYNC + note, note)
        if result.parked:
            if quiet:  # no screen pops up under someone typing: `s` opens the choice
                self._warn_once(SYNC + "parked", t("remote.parked_tui"))
            else:
                self._run("live-parked", self._first_parked, self._choose_parked, self._say)
        if quiet and not (result.fetched or result.pushed or result.tags_pushed):
            return
        self.app.notify(
            t(
                "live.synced",
                remote=result.remote,
                fetched=t("live.synced_fetched", count=result.fetched),
                replayed=t("live.synced_replayed", count=result.replayed),
                pushed=t("live.synced_pushed") if result.pushed else t("live.synced_nothing"),
            ),
            markup=False,
        )
