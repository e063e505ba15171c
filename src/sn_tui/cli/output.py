"""What a command writes for a machine: indented JSON on stdout."""

from __future__ import annotations

import sys
from typing import Any

from sn_tui.export.jsonfmt import dumps_indented


def print_json(data: Any) -> None:
    sys.stdout.write(dumps_indented(data, default=str) + "\n")
