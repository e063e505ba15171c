"""What an open editor shares with the other sessions: who else is here, its draft, and the
saved text changing underneath it.

The editor calls these hooks at the points where its state changes; the Git and database work
runs in the app's `LiveSession` workers. With live features off every hook does nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from sn_tui.i18n import t
from sn_tui.tui.live.link import clock

if TYPE_CHECKING:
    from sn_tui.services.collaboration import DraftOffer, MainMove, Someone
    from sn_tui.services.outcomes import EditState
    from sn_tui.tui.live.link import LiveSession
    from sn_tui.tui.screens.indsats.editor import EditorScreen


@dataclass(frozen=True)
class Prepared:
    """Found while the editor loads: a draft to offer, and who else has the text open."""

    offer: DraftOffer | None = None
    others: list[Someone] = field(default_factory=list)


class EditorLink:
    """One editor's part in the live features."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor
        self.written: bytes | None = None  # the text of the draft this editor last wrote
        self.decided = False  # no draft question is pending: autosave may write
        self.postponed = False  # "later": an older draft is kept, so this editor writes none
        self.writing = False

    @property
    def key(self) -> str:
        from sn_tui.services.collaboration import DOCUMENT_KEY

        return self.editor.target.indsats_id or DOCUMENT_KEY

    @property
    def live(self) -> LiveSession:
        return self.editor.sn.live

    @property
    def current(self) -> bool:
        """Editing today's text (not an old version)."""
        return self.editor.revision is None

    # ------------------------------------------------------------------ loading
    def prepare(self, base: str | None, data: bytes | None) -> Prepared:
        """In the editor's load worker: this person's draft and the others on this text."""
        collab = self.live.collab
        if collab is None or not self.current or data is None:
            return Prepared()
        try:
            others = list(collab.presence().get(self.key, []))
            offer = None if self.editor.sn.read_only else collab.find_draft(self.key, base, data)
        except Exception:  # the database cannot be reached: the heartbeat reports it
            return Prepared()
        return Prepared(offer, others)

    def loaded(self, prepared: Prepared) -> None:
        """The text is shown: say who else is editing it, offer the draft, tell the others."""
        from sn_tui.tui.screens.indsats.draft import DraftScreen
        from sn_tui.tui.widgets.presence_bar import describe_people

        self.show_presence()
        editing = [p for p in prepared.others if p.editing]
        if editing:
            self.editor.notify(
                t("live.also_editing", people=describe_people(editing)),
                severity="warning",
                markup=False,
                timeout=10,
            )
        offer = prepared.offer
        if offer is None:
            self.decided = True
        else:
            self.editor.app.push_screen(
                DraftScreen(offer, self.editor.titel), partial(self._chosen, offer)
            )
        self.live.touch()

    def _chosen(self, offer: DraftOffer, choice: str | None) -> None:
        if choice == "restore":
            self.restore(offer)
        elif choice == "discard":
            self.live.discard_draft(self.key)
            self.editor.notify(t("live.draft_discarded"))
        else:
            self.postponed = True
            self._banner(t("live.draft_postponed", when=clock(offer.updated_at)))
        self.decided = True

    def restore(self, offer: DraftOffer) -> None:
        """Put the draft in the editors, on top of the commit it began from (so a save merges
        it field by field with whatever was saved since)."""
        from sn_tui.domain.document import Document, FrontmatterError, normalise
        from sn_tui.domain.edits import meta_inputs
        from sn_tui.tui.screens.indsats.editor import meta_readable

        editor = self.editor
        if offer.base is not None and offer.base_data is not None:
            editor.show_saved(offer.base, offer.base_data, meta_readable(offer.base_data))
        draft = Document.parse(offer.content)
        for field_editor in editor.editors:
            text = draft.field(field_editor.field_name)
            if text is not None and normalise(text) != normalise(field_editor.text):
                field_editor.editor.load_text(text)
                field_editor.mark()
        form = editor.form
        if form is not None and editor.meta_ok:
            try:
                texts = meta_inputs(draft.meta)
            except FrontmatterError:
                texts = {}
            for key, value in texts.items():
                form.set_text(key, value)
        self.written = offer.content
        if offer.saved_moved:
            self._banner(t("live.saved_changed_since_draft"))
        editor.notify(t("live.draft_restored"))

    # ------------------------------------------------------------------ drafts
    @property
    def may_write(self) -> bool:
        """No draft question pending, no older draft kept, and the text is editable."""
        return self.decided and not self.postponed and not self.editor.read_only

    def unsaved(self) -> tuple[str, bytes] | None:
        """(base, text) that the draft should hold and does not yet, else None."""
        editor = self.editor
        if not self.may_write or not editor.dirty or editor.base is None:
            return None
        content = editor.current_bytes()
        return None if content == self.written else (editor.base, content)

    def autosave(self) -> None:
        """On the autosave timer: write the draft if the text changed since the last write."""
        if self.writing or not self.may_write:
            return
        unsaved = self.unsaved()
        if unsaved is not None:
            base, content = unsaved
            self.writing = True
            self.live.save_draft(self.key, base, content, partial(self._written, content))
        elif not self.editor.dirty and self.written is not None:
            self.written = None  # the edits were undone by hand
            self.live.discard_draft(self.key)

    def _written(self, content: bytes, ok: bool) -> None:
        self.writing = False
        if ok:
            self.written = content

    def saved(self) -> None:
        """A save went through: the draft is in Git now."""
        self._banner(None)
        self.discarded()

    def discarded(self) -> None:
        """The user threw the unsaved edits away (a postponed older draft stays)."""
        if not self.postponed:
            self.written = None
            self.live.discard_draft(self.key)

    def dirty_changed(self) -> None:
        self.live.touch()

    def closed(self) -> None:
        """The editor left the screen stack: beat without it (skipped while the app closes)."""
        self.editor.app.call_later(self.live.touch)

    # ------------------------------------------------------------------ the others
    def show_presence(self) -> None:
        from sn_tui.tui.widgets.presence_bar import PresenceBar

        people = self.live.presence.get(self.key, []) if self.current else []
        self.editor.query_one(PresenceBar).show_people(people)

    def main_moved(self, move: MainMove) -> None:
        """`main` moved: if this file changed, read it as it is now (in a worker)."""
        editor = self.editor
        path = editor.target.path
        if not self.current or editor.original is None or move.new is None:
            return
        if path not in move.paths:
            return
        editor.run_worker(
            partial(self._reread, move),
            group="editor-reread",
            thread=True,
            exit_on_error=False,
        )

    def _reread(self, move: MainMove) -> None:
        try:
            state = self.editor.read_state(move.new)
        except Exception:  # the next move (or the save) reads it again
            return
        self.editor.call_later(self._changed, move, state)

    def _changed(self, move: MainMove, state: EditState) -> None:
        """Keep unsaved edits and say the saved text changed; without edits, show the new text."""
        from sn_tui.tui.screens.indsats.editor import meta_readable

        editor = self.editor
        if editor.saving or move.new != self.live.head or state.data == editor.original_bytes:
            return
        who = ", ".join(dict.fromkeys(move.authors_of(editor.target.path))) or t("live.someone")
        if state.data is None:
            self._banner(t("live.deleted_underneath", who=who))
        elif editor.dirty:
            now = clock(dt.datetime.now(dt.UTC))
            self._banner(t("live.changed_underneath", who=who, time=now))
        else:
            editor.show_saved(state.base, state.data, meta_readable(state.data))
            editor.notify(t("live.updated", who=who), markup=False)

    def _banner(self, text: str | None) -> None:
        from sn_tui.tui.widgets.banner import Banner

        banner = self.editor.query_one("#live-banner", Banner)
        if text is None:
            banner.hide()
        else:
            banner.show(text)
