"""The footer of keys: the screen's shown bindings, as one line drawn by one widget.

Textual's Footer mounts a widget per key and rebuilds them all whenever a screen's bindings
change (on mount, on each focus change, when a load finishes). On the overview that cost more
than the list of 1,000 indsatser: styling, layout and drawing of ~20 widgets, more than once,
before the first keystroke could be taken. This draws the same keys (after the user's keymap,
disabled ones dimmed) as text, and only again when they change. A click on a key presses it,
as in Textual's Footer.

Keys that do not fit on one line wrap onto the next, between keys: cut off at the edge, an
80-column SSH terminal lost help, the palette and quit (F1, ^p, ^q), which come last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.style import Style
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

Shown = tuple[str, str, str, bool]
"""One key in the footer: the key (as bound), its display, its description, enabled."""


class KeyFooter(Widget, can_focus=False):
    """Lines at the bottom: `^s Gem  esc Tilbage …`, as many as the keys need."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key", "key-footer--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.shown: tuple[Shown, ...] = ()
        self._spans: list[tuple[int, int, int, Shown]] = []  # y, x from, x to, key: for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        by_action: dict[str, Shown] = {}  # an action's first key, as Textual's Footer shows
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in by_action:
                display = self.app.get_key_display(binding)
                by_action[binding.action] = (binding.key, display, binding.description, enabled)
        shown = tuple(by_action.values())
        if shown != self.shown:
            self.shown = shown
            self.refresh(layout=True)  # the number of lines may change

    def _lines(self, width: int) -> list[list[tuple[int, int, Shown]]]:
        """The keys laid out in lines of `width` cells: (x from, x to, key) each."""
        lines: list[list[tuple[int, int, Shown]]] = [[]]
        x = 0
        for item in self.shown:
            _key, display, description, _enabled = item
            size = cell_len(display) + (1 + cell_len(description) if description else 0)
            if lines[-1] and x + size > width:
                lines.append([])
                x = 0
            lines[-1].append((x, x + size, item))
            x += size + 1
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        key_style = self.get_visual_style("key-footer--key")
        description_style = self.get_visual_style("key-footer--description")
        dimmed = Style(dim=True)
        parts: list[str | tuple[str, Style]] = []
        spans: list[tuple[int, int, int, Shown]] = []
        for y, line in enumerate(self._lines(self.size.width)):
            if y:
                parts.append("\n")
            for start, end, item in line:
                _key, display, description, enabled = item
                parts.append((display, key_style if enabled else key_style + dimmed))
                if description:
                    style = description_style if enabled else description_style + dimmed
                    parts.append((f" {description}", style))
                parts.append(" ")
                spans.append((y, start, end, item))
        self._spans = spans
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for y, start, end, (key, _display, _description, enabled) in self._spans:
            if y == event.y and start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
