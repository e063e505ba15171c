"""An adopted version's tag message (a Danish paragraph, the review summary, then trailers),
and which adopted version is in force on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sn_tui.domain.danish import format_date
from sn_tui.domain.snapshot import Adoption


def adoption_message(
    *,
    vedtaget_af: str,
    udvalg: str,
    moededato: dt.date,
    dagsordenpunkt: str,
    ikraft: dt.date | None,
    review_summary: str,
) -> str:
    """Tag message whose last paragraph is the Git trailers of DESIGN.md §3."""
    intro = (
        f"Serviceniveauet vedtaget af {udvalg} på mødet {format_date(moededato)}, "
        f"dagsordenpunkt {dagsordenpunkt}."
    )
    if ikraft is not None:
        intro += f" Træder i kraft {format_date(ikraft)}."
    summary = review_summary.strip() or "ingen reviews"
    trailers = [
        f"Vedtaget-af: {vedtaget_af}",
        f"Udvalg: {udvalg}",
        f"Moededato: {moededato.isoformat()}",
        f"Dagsordenpunkt: {dagsordenpunkt}",
    ]
    if ikraft is not None:
        trailers.append(f"Ikrafttraeden: {ikraft.isoformat()}")
    first_summary_line = summary.splitlines()[-1] if summary else "ingen reviews"
    trailers.append(f"Review-status: {first_summary_line}")
    return f"{intro}\n\nReview-status ved vedtagelsen:\n{summary}\n\n" + "\n".join(trailers) + "\n"


def in_force(adoptions: Iterable[Adoption], day: dt.date) -> Adoption | None:
    """The version in force on `day`: the latest to take effect (ikrafttræden, else adoption
    date) on or before it; None where nothing was adopted yet."""
    candidates = [a for a in adoptions if a.in_force_from <= day]
    if not candidates:
        return None
    return max(candidates, key=lambda a: (a.in_force_from, a.date, a.tag))
