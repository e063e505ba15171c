"""The whole serviceniveau as it stood at one revision, and what is known of that revision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sn_tui.domain.entry import Indsats, Serviceniveau
from sn_tui.domain.unreadable import Unreadable

if TYPE_CHECKING:  # the overview's first paint reads no datagrundlag
    from sn_tui.domain.datagrundlag.table import Row


@dataclass(frozen=True)
class Adoption:
    """What an adopted version's tag says: who, when, where it was decided."""

    tag: str  # "vedtaget/2026-03-12"
    date: dt.date  # the adoption date in the tag name
    vedtaget_af: str = ""  # "Navn <email>" of the adopter
    moededato: dt.date | None = None
    udvalg: str = ""
    dagsordenpunkt: str = ""
    ikraft: dt.date | None = None
    message: str = ""
    commit: str = ""  # the commit the tag points at ("" where the reader did not ask)

    @property
    def in_force_from(self) -> dt.date:
        return self.ikraft or self.date

    @property
    def adopter_name(self) -> str:
        return self.vedtaget_af.split("<", 1)[0].strip() or self.vedtaget_af


@dataclass(frozen=True)
class Revision:
    """A resolved revision: what the user asked for, the commit, and its adoption if any."""

    name: str  # as the user named it: "vedtaget/2026-03-12", "main", "a1b2c3d"
    commit: str
    committed: dt.datetime | None = None
    adoption: Adoption | None = None

    @property
    def label(self) -> str:
        if self.adoption is not None:
            return self.adoption.tag
        return self.name


@dataclass(frozen=True)
class Snapshot:
    """Every indsats (by id) and the serviceniveau document at one revision, and the files
    that could not be read (whatever shows the snapshot says so)."""

    revision: Revision
    serviceniveau: Serviceniveau | None
    indsatser: Mapping[str, Indsats] = field(default_factory=dict)
    unreadable: tuple[Unreadable, ...] = ()
    datagrundlag: Mapping[int, Sequence[Row]] = field(default_factory=dict)
    """The numbers per year (`datagrundlag/<år>.csv`) in this version, oldest year first."""
