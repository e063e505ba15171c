"""Conflicting fields on stderr as the command line shows them: base, mine and theirs of each."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from sn_tui.domain.merge import FieldConflict
from sn_tui.i18n import t


def print_conflicts(conflicts: Iterable[FieldConflict]) -> None:
    for c in conflicts:
        print(f"--- {c.name}", file=sys.stderr)
        for label, text in (
            (t("cli.conflict_base"), c.base),
            (t("cli.conflict_mine"), c.mine),
            (t("cli.conflict_theirs"), c.theirs),
        ):
            shown = t("cli.conflict_absent") if text is None else text
            print(f"  [{label}] {shown}", file=sys.stderr)
