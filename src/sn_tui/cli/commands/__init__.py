"""One module per command or small family of commands, and which function carries out each.

Every handler takes the parsed command line and returns the exit code. A command's module is
imported only when that command runs, so each command loads only what it needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # argparse itself is imported by the parser, not by `diff` from the cache
    import argparse

Handler = Callable[["argparse.Namespace"], int]

# command -> (module under sn_tui.cli.commands, function); no command is the TUI
_HANDLERS: dict[str, tuple[str, str]] = {
    "": ("tui", "tui"),
    "init": ("setup", "init"),
    "demo": ("setup", "demo"),
    "ssh-setup": ("setup", "ssh_setup"),
    "list": ("reading", "list_indsatser"),
    "show": ("reading", "show"),
    "versions": ("reading", "versions"),
    "check": ("checking", "check"),
    "set": ("editing", "set_value"),
    "new": ("editing", "new"),
    "delete": ("editing", "delete"),
    "adopt": ("adoption", "adopt"),
    "diff": ("comparing", "diff"),
    "export": ("comparing", "export"),
    "dagsorden": ("comparing", "dagsorden"),
    "sync": ("sync", "sync"),
    "hook": ("hook", "pre_receive"),
    "review": ("review", "review"),
    "hent": ("exports", "hent"),
    "import": ("importing", "import_sources"),
    "aflever": ("importing", "receive"),
    "people": ("people", "people"),
    "groups": ("people", "groups"),
    "deleted": ("people", "deleted"),
    "restore": ("people", "restore"),
    "revert": ("people", "revert"),
    "datagrundlag": ("datagrundlag", "datagrundlag"),
}


def handler(command: str | None) -> Handler:
    """The function that carries out `command` (None: the TUI)."""
    module, function = _HANDLERS[command or ""]
    found: Handler = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return found
