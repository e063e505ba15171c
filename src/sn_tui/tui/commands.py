"""The command palette (ctrl+p): every action of the current screen and the app, with its keys."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widget import Widget

from sn_tui.i18n import t
from sn_tui.tui import keys

if TYPE_CHECKING:
    from sn_tui.tui.app import SnApp

_SKIP = {"palette"}


class ActionsProvider(Provider):
    """Offers the actions the keys offer, named as the footer names them."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("SnApp", self.app)
        screen = self.screen
        scope = getattr(screen, "KEY_SCOPE", None)
        found: list[tuple[str, str, Callable[[], object]]] = []
        seen: set[str] = set()
        targets: list[tuple[str, Widget | App[object]]] = []
        if isinstance(scope, str) and scope in keys.SCOPES:
            targets.append((scope, screen))
        targets.append(("app", cast("App[object]", app)))
        for scope_name, node in targets:
            for spec in keys.SCOPES[scope_name]:
                label = t(spec.label)
                if spec.id in _SKIP or not spec.show or label in seen:
                    continue
                if node.check_action(spec.action.split("(")[0], ()) is not True:
                    continue
                seen.add(label)
                shown = app.key_names(keys.current_keys(spec, app.user_keymap))
                found.append((label, shown, partial(node.run_action, spec.action)))
        return found

    async def discover(self) -> Hits:
        for name, shown, run in self._commands():
            yield DiscoveryHit(name, run, help=t("palette.key", keys=shown))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, shown, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=shown)
