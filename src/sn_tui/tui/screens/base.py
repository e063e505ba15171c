"""What every sn-tui screen shares: its key scope, localized bindings, the app and workspace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual._path import CSSPathType
from textual.screen import ModalScreen, Screen

from sn_tui.tui import keys

if TYPE_CHECKING:
    from sn_tui.services.workspace import Workspace
    from sn_tui.tui.app import SnApp

ResultT = TypeVar("ResultT")


class SnScreen(Screen[ResultT]):
    """A full screen; `KEY_SCOPE` names its bindings in `sn_tui.tui.keys`."""

    KEY_SCOPE: ClassVar[str] = ""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        if self.KEY_SCOPE:
            keys.localize(self, self.KEY_SCOPE)

    @property
    def sn(self) -> SnApp:
        return cast("SnApp", self.app)

    @property
    def workspace(self) -> Workspace:
        workspace = self.sn.workspace
        assert workspace is not None, "screens that touch the repository open after it is opened"
        return workspace


class SnDialog(ModalScreen[ResultT]):
    """A small modal question; all dialogs share dialog.tcss."""

    KEY_SCOPE: ClassVar[str] = ""
    # Absolute: Textual reads a relative CSS_PATH beside the subclass's module, and the dialogs
    # live in the screen folders they belong to.
    CSS_PATH: ClassVar[CSSPathType | None] = Path(__file__).with_name("dialog.tcss")

    def __init__(self) -> None:
        super().__init__()
        if self.KEY_SCOPE:
            keys.localize(self, self.KEY_SCOPE)

    @property
    def sn(self) -> SnApp:
        return cast("SnApp", self.app)
