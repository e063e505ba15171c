"""`datagrundlag/kolonner.yml`: the kommune's own column names and its mapping table, kept in
the repository so next year's file from the same økonomisystem imports without questions.

```yaml
kolonner:            # datagrundlagets kolonne: overskriften i økonomisystemets fil
  udgift_kr: Nettoudgift i alt
nøgler:              # et navn eller en funktion i filen: indsatsens id
  "5.28.21": familiebehandling
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sn_tui.domain.datagrundlag.table import COLUMNS_FILE
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput

_KOLONNER, _NOEGLER = "kolonner", "nøgler"
_HEADER = (
    "# Kolonnerne i økonomisystemets fil (gemt af sn-tui datagrundlag import) og en tabel fra\n"
    "# navne eller kontoplan-funktioner i filen til indsatsernes id.\n"
)


@dataclass(frozen=True)
class Columns:
    kolonner: dict[str, str]
    noegler: dict[str, str]


def read_columns(data: bytes | None) -> Columns:
    if data is None:
        return Columns({}, {})
    import yaml

    try:
        loaded = yaml.safe_load(data.decode("utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError):
        raise InvalidInput(t("datagrundlag.error.columns_file", file=COLUMNS_FILE)) from None
    if not isinstance(loaded, dict):
        raise InvalidInput(t("datagrundlag.error.columns_file", file=COLUMNS_FILE))
    parts = [loaded.get(_KOLONNER) or {}, loaded.get(_NOEGLER) or {}]
    if not all(isinstance(p, dict) for p in parts):
        raise InvalidInput(t("datagrundlag.error.columns_file", file=COLUMNS_FILE))
    kolonner, noegler = ({str(k): str(v) for k, v in p.items()} for p in parts)
    return Columns(kolonner, noegler)


def with_columns(old: bytes | None, columns: Columns, used: Mapping[str, str]) -> bytes | None:
    """The file with `used` (ours -> the source's header) saved under `kolonner:`; None when it
    already says so. Comments and the mapping table stay as they were."""
    merged = {**columns.kolonner, **used}
    if merged == columns.kolonner and old is not None:
        return None
    import io

    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: the kommune's comments in the file survive
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    data = yaml.load(old.decode("utf-8-sig")) if old else None
    if data is None:
        text = _HEADER
        data = yaml.load(f"{_KOLONNER}: {{}}\n{_NOEGLER}: {{}}\n")
    else:
        text = ""
    table = data.get(_KOLONNER)
    if table is None:
        data[_KOLONNER] = dict(merged)
    else:
        for key, value in merged.items():
            table[key] = value
    out = io.StringIO()
    yaml.dump(data, out)
    return (text + out.getvalue()).encode("utf-8")
