"""Editing one indsats (or the Forord and Principper): eight labelled editors and a small form.

The user's text stays in the editors until a save succeeds: a conflict, a failed save or a
cancelled dialog never clears it. A save that would add personal data stops and asks, naming
what was found (`services.personal_data`). Old versions open here too, read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.events import ScreenResume
from textual.message import Message
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, SelectionList, Static, TextArea

from sn_tui.domain.checks.runner import CheckReport
from sn_tui.domain.document import Document, FrontmatterError, normalise
from sn_tui.domain.edits import FAGGRUPPER, TITEL, apply_edits, meta_inputs
from sn_tui.domain.rights import may_decide_review
from sn_tui.i18n import t
from sn_tui.services.outcomes import Conflicted, Saved
from sn_tui.tui import keys
from sn_tui.tui.errors import user_sentence
from sn_tui.tui.live.editor import EditorLink, Prepared
from sn_tui.tui.live.link import MainMoved, PresenceChanged
from sn_tui.tui.safe_text import visible
from sn_tui.tui.screens.base import SnScreen
from sn_tui.tui.targets import EditTarget
from sn_tui.tui.widgets.banner import Banner
from sn_tui.tui.widgets.datagrundlag_panel import DatagrundlagPanel
from sn_tui.tui.widgets.field_editor import FieldEditor
from sn_tui.tui.widgets.findings_list import CheckSummary, FindingsList
from sn_tui.tui.widgets.key_footer import KeyFooter
from sn_tui.tui.widgets.meta_form import MetaForm
from sn_tui.tui.widgets.presence_bar import PresenceBar
from sn_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding
    from sn_tui.services.outcomes import EditState


def meta_readable(data: bytes) -> bool:
    """Whether the file's frontmatter can be read (the form needs it)."""
    try:
        _ = Document.parse(data).meta
    except FrontmatterError:
        return False
    return True


class EditorLoaded(Message):
    def __init__(
        self, base: str | None, data: bytes | None, meta_ok: bool, prepared: Prepared
    ) -> None:
        super().__init__()
        self.base = base
        self.data = data
        self.meta_ok = meta_ok
        self.prepared = prepared


class EditorSaved(Message):
    """A save went through; `mine` is the file as the editor had it when the user saved."""

    def __init__(self, saved: Saved, mine: bytes) -> None:
        super().__init__()
        self.saved = saved
        self.mine = mine


class EditorConflicted(Message):
    def __init__(self, conflict: Conflicted) -> None:
        super().__init__()
        self.conflict = conflict


class EditorFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class EditorChecked(Message):
    """`check` of the text as the editor holds it (`data`), for showing beside the fields."""

    def __init__(self, data: bytes, report: CheckReport) -> None:
        super().__init__()
        self.data = data
        self.report = report


class EditorPersonalData(Message):
    """A save stopped: the text adds personal data (`findings`); saving it needs a yes."""

    def __init__(self, findings: list[Finding], data: bytes, base: str | None, note: str) -> None:
        super().__init__()
        self.findings = findings
        self.data = data
        self.base = base
        self.note = note


class EditorGone(Message):
    """The file no longer exists and the user accepted that."""


class EditorScreen(SnScreen[None]):
    """One file's fields and frontmatter; `revision` opens an old version read-only."""

    CSS_PATH = "editor.tcss"
    KEY_SCOPE: ClassVar[str] = "editor"
    BINDINGS = keys.bindings("editor")
    # Nothing focused until the text is loaded, then the first field. (None would mean the
    # app's "*": the scroll container, then blurred again, each restyling all 49 widgets.)
    AUTO_FOCUS = ""

    def __init__(
        self,
        target: EditTarget,
        *,
        revision: str | None = None,
        revision_label: str = "",
        focus_titel: bool = False,
    ) -> None:
        super().__init__()
        self.target = target
        self.revision = revision
        self.revision_label = revision_label
        self.focus_titel = focus_titel
        self.base: str | None = None
        self.original: Document | None = None
        self.original_bytes: bytes | None = None
        self.meta_ok = True
        self.saving = False
        self.dirty = False
        self._pending_leave: Callable[[], object] | None = None
        self._check_timer: Timer | None = None
        self.checked: bytes | None = None  # the text the findings on screen are for
        self._clean_checked = False  # the saved text's check is shown or on its way
        self._titel = target.indsats_id or t("editor.document_title")
        self.link = EditorLink(self)
        self._editors: list[FieldEditor] = []
        self._loaded_early: EditorLoaded | None = None  # set by the loading thread
        self._loaded_shown: EditorLoaded | None = None
        self._form: list[MetaForm] | None = None
        # A spare (`spare.py`): composed before it has a target, shown by `open`.
        self._spare = False
        self._styled_with: tuple[object, str] | None = None  # a spare's styles were made with
        self._made = False  # a spare's widgets are mounted
        self._open_pending = False  # a spare was opened before that
        self.locked = revision is not None  # the fields were made read-only

    @classmethod
    def spare(cls, read_only: bool) -> EditorScreen:
        """An editor for an indsats not yet chosen: made and mounted in idle time, then given
        its indsats by `open`, so that opening one does not wait for its 57 widgets."""
        screen = cls(EditTarget(""))
        screen._spare = True
        screen.locked = read_only
        return screen

    def open(self, target: EditTarget, *, focus_titel: bool = False) -> None:
        """Give a spare its indsats (on the screen stack now) and read its text; the fields
        stay hidden until it is shown, in one layout (`on_editor_loaded`)."""
        assert self._spare and not target.is_document
        self.target = target
        self.focus_titel = focus_titel
        self._titel = target.indsats_id or self._titel
        self._show_title()
        if self._made:
            self._read_spare()
        else:  # opened at once after the overview came back: still being made
            self._open_pending = True

    def _read_spare(self) -> None:
        self.query_one(DatagrundlagPanel).show_for(self.target.indsats_id or "")
        self._load()

    # ------------------------------------------------------------------ layout
    @property
    def read_only(self) -> bool:
        return self.revision is not None or self.sn.read_only or self.original is None

    def compose(self) -> ComposeResult:
        if not self._spare:
            self._load()  # while the widgets are made and mounted (see `on_mount`)
            self.locked = self.revision is not None or self.sn.read_only
        locked = self.locked
        yield TitleBar()
        yield PresenceBar(id="presence")
        yield Banner(id="banner")
        yield Banner(id="live-banner")
        with ContentSwitcher(initial="editors", id="switcher"):
            with VerticalScroll(id="editors"):
                if not self.target.is_document:
                    yield MetaForm(read_only=locked, id="meta")
                    yield DatagrundlagPanel(  # a spare's is told its indsats by `open`
                        self.target.indsats_id or "", self.revision or "main", id="datagrundlag"
                    )
                    yield Static(t("guard.faggrupper_locked"), id="faggrupper-note")
                yield CheckSummary(id="check-summary")
                yield FindingsList(id="file-findings")
                for i, name in enumerate(self.target.sections):
                    yield FieldEditor(name, read_only=locked, id=f"field-{i}")
            yield VerticalScroll(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_title()
        if self._spare:
            # Hidden until `open` has read the text: the first layout of the fields is with it.
            self.query_one(ContentSwitcher).display = False
            # Textual's Input adds "-valid" when its value is first set, restyling itself
            # (~3 ms each): done now, in idle time, not while the indsats is being shown.
            for field in self.query(Input):
                field.add_class("-valid")
            self._styled_with = (self.app.stylesheet.rules, self.app.theme)
            self._made = True
            if self._open_pending:
                self._read_spare()
        if self.locked and self.revision is None:
            self.query_one(Banner).show(self.sn.read_only_text())
        if self.revision is not None:
            self.query_one(Banner).show(t("editor.old_version", label=self.revision_label))
        # The file is usually read by now (~20 ms, against ~100 ms of making and mounting the
        # widgets at 1,000 indsatser): shown now, it is in the first layout and paint, where
        # its message would come after the screen's first layout and paint, a second one.
        early = self._loaded_early
        if early is not None:
            self.on_editor_loaded(early)

    def _on_screen_resume(self, event: ScreenResume) -> None:
        """Textual restyles every widget of a screen it shows (~25 ms for the editor's 57). A
        spare shown for the first time was styled when it was made, under the same stylesheet
        and theme if these are unchanged: that restyle would change nothing."""
        styled_with, self._styled_with = self._styled_with, None
        if styled_with is not None:
            rules, theme = styled_with
            if rules is self.app.stylesheet.rules and theme == self.app.theme:
                event.refresh_styles = False

    @property
    def titel(self) -> str:
        return self._titel

    @property
    def editors(self) -> list[FieldEditor]:
        if self._editors:  # found once mounted: every key asks, and a query walks the DOM
            return self._editors
        found = list(self.query(FieldEditor))
        if self.is_mounted:
            self._editors = found
        return found

    @property
    def form(self) -> MetaForm | None:
        if self._form is None:
            found = self.query(MetaForm)
            if not self.is_mounted:
                return found.first() if found else None
            self._form = [found.first()] if found else []
        return self._form[0] if self._form else None

    # ------------------------------------------------------------------ loading
    @work(thread=True, exclusive=True, group="editor-load", exit_on_error=False)
    def _load(self) -> None:
        try:
            state = self.read_state(self.revision)
            meta_ok = state.data is None or meta_readable(state.data)
        except Exception as exc:
            self.post_message(EditorFailed(t("editor.load_failed", detail=str(exc))))
            return
        prepared = self.link.prepare(state.base, state.data)
        self._loaded_early = EditorLoaded(state.base, state.data, meta_ok, prepared)
        self.post_message(self._loaded_early)

    def read_state(self, revision: str | None) -> EditState:
        """The file at `revision` (None: `main` now); Git work, so call it from a worker."""
        if self.target.indsats_id is None:
            return self.workspace.serviceniveau_state(revision)
        return self.workspace.edit_state(self.target.indsats_id, revision)

    def on_editor_loaded(self, message: EditorLoaded) -> None:
        if message is self._loaded_shown:
            return  # shown from `on_mount` already
        self._loaded_shown = message
        self.query_one(ContentSwitcher).display = True  # a spare's fields, hidden until now
        self.base = message.base
        if message.data is None:
            self.query_one(Banner).show(t("editor.missing", name=self._titel))
            for editor in self.editors:
                editor.editor.read_only = True
            return
        self.show_saved(message.base, message.data, message.meta_ok)
        form = self.form
        # Focus now, not after the next refresh: keys typed as the text appears go to it.
        if self.focus_titel and form is not None and not self.read_only:
            self.set_focus(form.input(TITEL))
        elif self.editors:
            self.set_focus(self.editors[0].editor, scroll_visible=False)
        self.link.loaded(message.prepared)

    def show_saved(self, base: str | None, data: bytes, meta_ok: bool) -> None:
        """Show `data`, the file at commit `base`, as the saved state (also when `main` moved
        under an editor without changes); a field whose text is the same keeps its cursor."""
        self.base = base
        self.original_bytes = data
        self.original = Document.parse(data)
        self.meta_ok = meta_ok
        for editor in self.editors:
            text = self.original.field(editor.field_name) or ""
            if text != editor.original or text != editor.text:
                editor.load(text)
        form = self.form
        if form is not None:
            if meta_ok:
                form.load(
                    meta_inputs(self.original.meta),
                    {g.id: g.navn for g in self.sn.groups},
                    self.sn.kategorier,
                )
                self._titel = str(self.original.meta.get("titel") or self._titel)
                self._lock_review_requirement(form)
            else:
                form.disabled = True
                self.query_one(Banner).show(t("editor.meta_unreadable"))
        self._update_state()
        # After the frame that shows the text: the check's thread would hold the interpreter
        # while that frame is laid out and drawn.
        self._clean_checked = True
        self.call_after_refresh(self._check_now)

    def _lock_review_requirement(self, form: MetaForm) -> None:
        """Only a godkender or admin decides which faggrupper must review (`domain.rights`);
        for anyone else the field is shown, not editable, and a line says why."""
        person = self.sn.person
        locked = person is not None and not may_decide_review(person.roller)
        if locked:
            form.field(FAGGRUPPER).disabled = True
        form.query_one("#meta-groups-hint").display = not (locked or self.read_only)
        self.query_one("#faggrupper-note", Static).display = locked

    # ------------------------------------------------------------------ state
    def current_bytes(self) -> bytes:
        """The file as it would be saved now."""
        assert self.original is not None
        fields = {e.field_name: e.text for e in self.editors if e.changed}
        form = self.form
        meta = form.values() if form is not None and self.meta_ok else {}
        return apply_edits(self.original, fields, meta).to_bytes()

    def _update_state(self) -> None:
        form = self.form
        dirty = not self.read_only and (
            any(e.changed for e in self.editors) or (form is not None and form.changed)
        )
        if form is not None and self.meta_ok and self.original is not None:
            titel = form.input(TITEL).value.strip()
            self._titel = titel or self._titel
        if dirty != self.dirty:
            self.dirty = dirty
            self.link.dirty_changed()
        self._show_title()

    def _show_title(self) -> None:
        self.title = ("● " if self.dirty else "") + visible(self._titel)
        if self.dirty:
            self.sub_title = t("editor.unsaved")
        elif self.revision is not None:
            self.sub_title = t("editor.read_only")
        else:
            self.sub_title = self.sn.sub_title

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    def _edited(self) -> None:
        if self.original is not None:
            self._update_state()
            # The saved text again (or its fields' Changed messages as it is loaded): checked
            # already, or its check is on its way (`show_saved`); not checked a second time.
            if self.dirty or not self._clean_checked:
                self._clean_checked = False
                self._check_soon()

    # ------------------------------------------------------------------ checking as you type
    CHECK_DELAY: ClassVar[float] = 0.4  # seconds of quiet typing before the text is checked

    def _check_soon(self) -> None:
        if self._check_timer is None:
            self._check_timer = self.set_timer(self.CHECK_DELAY, self._check_now)
        else:
            self._check_timer.reset()  # a key restarts the quiet period; no new timer per key

    def _check_now(self) -> None:
        self._check_timer = None
        self._clean_checked = not self.dirty
        if self.original is None:
            return
        try:
            data = self.current_bytes()
        except Exception:  # the form explains invalid values itself; check again once fixed
            return
        self._check(data, self.base)

    @work(
        thread=True, exclusive=True, group="editor-check", exit_on_error=False, description="check"
    )
    def _check(self, data: bytes, base: str | None) -> None:
        try:
            report = self.workspace.check_edit(self.target.path, data, base)
        except Exception:  # a rule that trips over odd text must not cost the user the editor
            return
        self.post_message(EditorChecked(data, report))

    def on_editor_checked(self, message: EditorChecked) -> None:
        self.checked = message.data
        report = message.report
        shown = report.findings + report.accepted
        scores = report.lix.get(self.target.path, {})
        names = {e.field_name for e in self.editors}
        for editor in self.editors:
            here = [f for f in shown if f.field == editor.field_name]
            editor.show_check(here, scores.get(editor.field_name))
        self.query_one("#file-findings", FindingsList).show(
            [f for f in shown if f.field not in names]
        )
        self.query_one(CheckSummary).show(report, self.target.path)

    def action_next_finding(self) -> None:
        """Move to the next place below the focus that has something to fix, wrapping around."""
        general = self.query_one("#file-findings", FindingsList)
        editors = self.editors
        places: list[tuple[int, FieldEditor | FindingsList]] = (
            [(-1, general)] if general.active else []
        )
        places.extend((i, e) for i, e in enumerate(editors) if e.findings.active)
        if not places:
            self.notify(t("findings.none"))
            return
        focused = self.focused
        here = next(
            (
                i
                for i, e in enumerate(editors)
                if focused is not None and e in focused.ancestors_with_self
            ),
            -2,
        )
        _, place = next(((i, p) for i, p in places if i > here), places[0])
        if isinstance(place, FieldEditor):
            place.editor.focus()
            place.findings.scroll_visible()
        place.scroll_visible()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save" and self.read_only:
            return None
        if action == "rename" and (self.target.is_document or self.read_only):
            return None
        if action == "history" and self.revision is not None:
            return None
        if action == "review" and (self.target.indsats_id is None or self.revision is not None):
            return None
        if action == "revert_adopted" and (self.target.indsats_id is None or self.read_only):
            return None
        return True

    # ------------------------------------------------------------------ saving
    def action_save(self) -> None:
        from sn_tui.tui.screens.dialogs.save_message import SaveMessageScreen

        if self.read_only:
            self.notify(t("editor.cannot_save"), severity="warning")
            self._pending_leave = None
            return
        if self.saving:
            self.notify(t("editor.busy"))
            return
        form = self.form
        if form is not None and self.meta_ok and form.validate():
            problems = "\n".join(form.explain(k) for k in form.problems)
            self.notify(problems, title=t("editor.fix_first"), severity="error", markup=False)
            form.focus_first_problem()
            self._pending_leave = None
            return
        data = self.current_bytes()
        if data == self.original_bytes:
            self.notify(t("editor.nothing_to_save"))
            self._after_save()
            return

        def with_note(note: str | None) -> None:
            if note is None:
                self._pending_leave = None
                return
            self.saving = True
            self._save(data, self.base, note)

        self.app.push_screen(SaveMessageScreen(), with_note)

    @work(thread=True, group="editor-save", exit_on_error=False, description="save")
    def _save(self, data: bytes, base: str | None, note: str, force: bool = False) -> None:
        from sn_tui.services.personal_data import PersonalDataFound

        try:
            outcome = self.workspace.save_edit(
                self.target.indsats_id, data, base, note, force=force
            )
        except PersonalDataFound as exc:
            self.post_message(EditorPersonalData(exc.findings, data, base, note))
            return
        except Exception as exc:
            self.post_message(EditorFailed(user_sentence(exc)))
            return
        self._report(outcome, data)

    def _report(self, outcome: Saved | Conflicted, mine: bytes) -> None:
        """Tell the screen how a save went; `mine`: the text the user saved."""
        if isinstance(outcome, Conflicted):
            self.post_message(EditorConflicted(outcome))
        else:
            self.post_message(EditorSaved(outcome, mine))

    def on_editor_saved(self, message: EditorSaved) -> None:
        self.saving = False
        sent = Document.parse(message.mine)
        saved = Document.parse(message.saved.data)
        self.base = message.saved.commit
        self.original = saved
        self.original_bytes = message.saved.data
        for editor in self.editors:
            now = saved.field(editor.field_name) or ""
            if normalise(editor.text) != normalise(now) and normalise(editor.text) == normalise(
                sent.field(editor.field_name) or ""
            ):
                editor.load(now)  # merged or resolved: the saved text is not what was typed
            else:
                editor.original = now
                editor.mark()
        form = self.form
        if form is not None and self.meta_ok:
            texts = meta_inputs(saved.meta)
            sent_texts = meta_inputs(sent.meta)
            for key, value in texts.items():
                typed = form.text(key)
                if typed != value and typed == sent_texts.get(key):
                    form.set_text(key, value)
            form.original = texts
            form.validate()
        self._update_state()
        self.link.saved()
        if message.saved.changed:
            self.sn.committed()
            text = t("editor.saved_merged") if message.saved.merged else t("editor.saved")
            self.notify(text)
        else:
            self.notify(t("editor.nothing_to_save"))
        self._after_save()

    def _after_save(self) -> None:
        then, self._pending_leave = self._pending_leave, None
        if then is not None:
            then()

    def on_editor_failed(self, message: EditorFailed) -> None:
        self.query_one(ContentSwitcher).display = True  # a spare whose text could not be read
        self.saving = False
        self._pending_leave = None
        self.notify(message.text, title=t("editor.not_saved"), severity="error", markup=False)

    def on_editor_conflicted(self, message: EditorConflicted) -> None:
        from sn_tui.tui.screens.indsats.conflict import ConflictScreen

        def resolved(choices: dict[str, str | None] | None) -> None:
            if choices is None:
                self.saving = False
                self._pending_leave = None
                self.notify(t("editor.conflict_kept"), severity="warning")
                return
            self._save_resolved(message.conflict, choices)

        self.app.push_screen(ConflictScreen(message.conflict.conflicts, self._titel), resolved)

    @work(thread=True, group="editor-save", exit_on_error=False, description="save")
    def _save_resolved(self, conflict: Conflicted, choices: Mapping[str, str | None]) -> None:
        try:
            outcome = self.workspace.finish_save(conflict, choices)
        except Exception as exc:
            self.post_message(EditorFailed(user_sentence(exc)))
            return
        if outcome is None:
            self.post_message(EditorGone())
            return
        self._report(outcome, conflict.mine)

    def on_editor_personal_data(self, message: EditorPersonalData) -> None:
        from sn_tui.services.personal_data import describe_lines
        from sn_tui.tui.screens.dialogs.confirm import ConfirmScreen

        def chosen(yes: bool | None) -> None:
            if yes:
                self._save(message.data, message.base, message.note, force=True)
                return
            self.saving = False
            self._pending_leave = None
            self.notify(t("guard.personal_data_kept"), severity="warning")

        question = t("guard.personal_data_question", found=describe_lines(message.findings))
        self.app.push_screen(ConfirmScreen(question, t("guard.personal_data_confirm")), chosen)

    def on_editor_gone(self) -> None:
        self.saving = False
        self.sn.committed()
        self.notify(t("editor.gone"), severity="warning")
        self.dismiss()

    # ------------------------------------------------------------------ leaving
    def leave(self, then: Callable[[], object]) -> None:
        """Run `then` once the user has saved or discarded unsaved changes (or had none)."""
        from sn_tui.tui.screens.dialogs.unsaved import UnsavedScreen

        if not self.dirty:
            then()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self._pending_leave = then
                self.action_save()
            elif choice == "discard":
                self.link.discarded()
                then()

        self.app.push_screen(UnsavedScreen(), chosen)

    def on_unmount(self) -> None:
        self.link.closed()

    def on_presence_changed(self, _message: PresenceChanged) -> None:
        self.link.show_presence()

    def on_main_moved(self, message: MainMoved) -> None:
        self.link.main_moved(message.move)

    async def action_back(self) -> None:
        if self.query_one(ContentSwitcher).current == "preview":
            await self.action_preview()
            return
        self.leave(then=self.dismiss)

    # ------------------------------------------------------------------ other actions
    def action_rename(self) -> None:
        form = self.form
        if form is not None and not self.read_only:
            field = form.input(TITEL)
            field.focus()
            field.select_all()

    def action_revert_adopted(self) -> None:
        from sn_tui.tui.screens.versions.revert_adopted import revert_to_adopted

        if self.target.indsats_id is None or self.read_only:
            return
        if self.dirty:  # the revert is saved on main: typed text would meet it as a conflict
            self.notify(t("people2.save_first"), severity="warning")
            return
        revert_to_adopted(self, self.target.indsats_id, self._show_reverted)

    def _show_reverted(self) -> None:
        """In the revert's worker: show the reverted text now, not at the next live refresh."""
        state = self.read_state(None)
        if state.data is not None:
            meta_ok = meta_readable(state.data)
            self.app.call_from_thread(self.show_saved, state.base, state.data, meta_ok)

    def action_history(self) -> None:
        from sn_tui.tui.screens.indsats.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.target, self._titel))

    def action_review(self) -> None:
        from sn_tui.tui.screens.review.review_panel import ReviewPanel

        if self.target.indsats_id is not None and self.revision is None:
            self.app.push_screen(ReviewPanel(self.target.indsats_id, unsaved=self.dirty))

    async def action_preview(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        preview = self.query_one("#preview", VerticalScroll)
        if switcher.current == "preview":
            switcher.current = "editors"
            self._show_title()
            if self.editors:
                self.editors[0].editor.focus()
            return
        from textual.widgets import Markdown

        text = self._markdown()
        found = preview.query(Markdown)
        if found:
            await found.first().update(text)
        else:
            await preview.mount(Markdown(text))
        switcher.current = "preview"
        self.sub_title = t("editor.previewing")
        preview.focus()

    def _markdown(self) -> str:
        parts = [f"# {visible(self._titel)}\n"]
        for editor in self.editors:
            parts.append(f"## {editor.field_name}\n\n{visible(editor.text.strip())}\n")
        return "\n".join(parts)
