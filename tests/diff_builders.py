"""Build indsatser and snapshots from text, as the content repository would hold them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sn_tui.domain.entry import Indsats, Serviceniveau
from sn_tui.domain.fields import FIELDS, indsats_path
from sn_tui.domain.snapshot import Adoption, Revision, Snapshot

DEFAULT_FIELDS = {
    "Formål": "At styrke familiens samlede trivsel.",
    "Indhold": "Samtaler med familien.\n\n- Hjemmebesøg\n- Netværksmøder",
    "Målgruppe/tildelingskriterier": "Familier med børn i alderen 0-17 år.",
    "Omfang/varighed": "Typisk 3-6 måneder.",
    "Tildeling": "Børne- og ungerådgiveren træffer afgørelse.",
    "Levering af ydelsen": "Kommunens familiehus.",
    "Kvalitetskrav til leverandør": "Opfølgning hver tredje måned.",
    "Lovhjemmel": "§ 32, stk. 1, nr. 5, i barnets lov.",
}


def indsats_text(
    id: str,
    *,
    titel: str = "Familiebehandling",
    kategori: str = "Støttende indsatser",
    faggrupper: Iterable[str] = ("myndighed", "familiebehandling"),
    budget_kr: int | None = 4_500_000,
    forventet_antal: int | None = 40,
    fields: Mapping[str, str] | None = None,
    extra_meta: str = "",
) -> str:
    values = {**DEFAULT_FIELDS, **(fields or {})}
    lines = [
        "---",
        f"id: {id}",
        f"titel: {titel}",
        f"kategori: {kategori}",
        f"faggrupper: [{', '.join(faggrupper)}]",
        "økonomi:",
    ]
    if budget_kr is not None:
        lines.append(f"  budget_kr: {budget_kr}")
    if forventet_antal is not None:
        lines.append(f"  forventet_antal: {forventet_antal}")
    if extra_meta:
        lines.append(extra_meta.rstrip("\n"))
    lines.append("---")
    body = [f"## {name}\n\n{values[name]}\n" for name in FIELDS]
    return "\n".join(lines) + "\n\n" + "\n".join(body)


def make_indsats(id: str, *, path: str | None = None, **kwargs: Any) -> Indsats:
    text = indsats_text(id, **kwargs)
    return Indsats.parse(text, path=path or indsats_path(id))


def make_serviceniveau(
    forord: str = "Jeg er glad for at kunne præsentere serviceniveauet.",
    principper: str = "Der foretages altid en konkret og individuel vurdering.",
    *,
    kommune: str = "Eksempel Kommune",
    titel: str = "Serviceniveau for børn og unge med særlige behov",
) -> Serviceniveau:
    text = (
        f"---\nkommune: {kommune}\ntitel: {titel}\n---\n\n"
        f"## Forord\n\n{forord}\n\n## Principper for indsatsen\n\n{principper}\n"
    )
    return Serviceniveau.parse(text)


def adopted(date: dt.date, adopter: str = "Mette Jensen <mette@example.dk>") -> Revision:
    tag = f"vedtaget/{date.isoformat()}"
    adoption = Adoption(
        tag=tag,
        date=date,
        vedtaget_af=adopter,
        moededato=date,
        udvalg="Børne- og Ungeudvalget",
        dagsordenpunkt="7",
        ikraft=date + dt.timedelta(days=20),
    )
    return Revision(tag, "a" * 40, adoption=adoption)


def draft(committed: dt.datetime | None = None) -> Revision:
    return Revision("main", "b" * 40, committed=committed)


def make_snapshot(
    revision: Revision,
    indsatser: Iterable[Indsats],
    serviceniveau: Serviceniveau | None = None,
) -> Snapshot:
    return Snapshot(revision, serviceniveau or make_serviceniveau(), {i.id: i for i in indsatser})
