"""An indsats' id from its title: lower case, Danish letters folded (æ→ae, ø→oe, å→aa), made
unique among the ids already taken."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_NOT_ID = re.compile(r"[^a-z0-9]+")


def slug(title: str) -> str:
    """`Støtteophold i familie` -> `stoetteophold-i-familie`; `indsats` if nothing is left."""
    folded = title.casefold().translate(_FOLD)
    plain = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return _NOT_ID.sub("-", plain).strip("-")[:60].strip("-") or "indsats"


def unique(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3` … the first not in `taken`."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
