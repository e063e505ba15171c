"""An adopted version's tag message: a Danish paragraph, the review summary, then trailers."""

from __future__ import annotations

import datetime as dt

from sn_tui.model.danish import format_date


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
