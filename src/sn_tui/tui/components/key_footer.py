"""The footer of keys: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds every key widget whenever a screen refreshes its bindings: on mount,
on each focus change, when a load finishes. At start-up that was three rebuilds of ~20 ms each
before the overview could be used, two of them showing the very same keys.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that skips a rebuild when the keys, labels and enabled states are unchanged."""

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # only once a rebuild is really on its way
        super().bindings_changed(screen)
