"""One editor screen made ahead, while the user reads the overview, for the next indsats opened.

Making and mounting the editor's 57 widgets took ~100 ms of each opening (docs/ydelse-profiler.md
"Enter på en række"). A spare is made once the overview is on screen, off the screen stack; the
next indsats opened from the overview takes it, and a new spare is made once the overview is
shown again. Each opening gets a screen that was never shown, so nothing of the previous indsats
(text, undo history, draft, findings, focus, scroll position) can carry over. A spare is only for
today's text of an indsats, made under the rights of its time: anything else gets a new screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sn_tui.tui.screens.indsats.editor import EditorScreen

if TYPE_CHECKING:
    from sn_tui.tui.app import SnApp
    from sn_tui.tui.targets import EditTarget

_spares: WeakKeyDictionary[SnApp, EditorScreen] = WeakKeyDictionary()


def make_spare(app: SnApp) -> None:
    """Make the next opening's editor now, if there is none (call when the app is idle)."""
    spare = _spares.get(app)
    if spare is not None and spare.locked == app.read_only:
        return
    if app.workspace is None or not app.is_running:
        return
    if spare is not None:  # the rights changed since it was made
        spare.remove()
    spare = _spares[app] = EditorScreen.spare(app.read_only)
    # Textual makes a screen's widgets when it is first pushed; no public call mounts a screen
    # that is not on a stack. `_register` is what `push_screen` does for a screen not yet running
    # (`App._get_screen`), and pushing the screen later finds it running and only shows it.
    app._register(app, spare)


def open_editor(app: SnApp, target: EditTarget, *, focus_titel: bool = False) -> None:
    """Show the editor of `target`: the spare when it fits, else a new editor screen."""
    spare = _spares.pop(app, None)
    if spare is not None and (target.is_document or spare.locked != app.read_only):
        spare.remove()
        spare = None
    if spare is None:
        app.push_screen(EditorScreen(target, focus_titel=focus_titel))
        return
    app.push_screen(spare)
    spare.open(target, focus_titel=focus_titel)
