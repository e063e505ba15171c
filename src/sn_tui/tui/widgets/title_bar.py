"""The line at the top of every screen: an icon, and the screen's title and subtitle.

Drawn by one widget. Textual's Header is four (icon, title, clock space and the header
itself), each with its own stylesheet to parse and style: at start that was a good part of
the time between the empty screen and the overview. This draws the same line: the icon
(a click opens the command palette, as ctrl+p does) and `title — subtitle` in the middle,
following the screen's and the app's titles as they change.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "≡"
ICON_WIDTH = 8  # cells on the left for the icon, as in Textual's Header
RIGHT_WIDTH = 10  # cells kept free on the right, as Textual's Header keeps for a clock


class TitleBar(Widget, can_focus=False):
    """`≡      Titel — undertitel` across the top."""

    ALLOW_SELECT = False
    DEFAULT_CSS: ClassVar[str] = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._retitled, init=False)
            self.watch(owner, "sub_title", self._retitled, init=False)

    def _retitled(self) -> None:
        self.refresh()

    @property
    def shown_title(self) -> Content:
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return self.app.format_title(title, sub_title)

    def render(self) -> Content:
        width = self.size.width
        middle = max(width - ICON_WIDTH - RIGHT_WIDTH, 0)
        title = self.shown_title
        if cell_len(title.plain) > middle:
            title = title.truncate(middle, ellipsis=True)
        space = middle - cell_len(title.plain)
        left = " " + ICON + " " * (ICON_WIDTH - 1 - cell_len(ICON))
        return Content.assemble(
            left[:width],
            " " * (space // 2),
            title,
            " " * (space - space // 2 + RIGHT_WIDTH),
        )

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
