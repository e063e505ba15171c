"""Which schema version this program writes, read from the migration scripts' file names.

Light on purpose (no SQLAlchemy, no Alembic): opening a database checks its stored version
against `head_revision()` before anything heavy is imported.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "sn_tui_schema_version"
_SCRIPT_NAME = re.compile(r"(\d{4})_\w+\.py")


@cache
def known_revisions() -> frozenset[str]:
    names = (p.name for p in (MIGRATIONS_DIR / "versions").iterdir())
    return frozenset(m.group(1) for n in names if (m := _SCRIPT_NAME.fullmatch(n)))


def head_revision() -> str:
    return max(known_revisions())
