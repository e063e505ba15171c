"""An adopted version's tag, both ways: the message written at adoption (a Danish paragraph,
the review summary, then Git trailers) and the facts read back from a tag's name and message;
and which adopted version is in force on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sn_tui.domain.danish import format_date
from sn_tui.domain.fields import ADOPTED_PREFIX
from sn_tui.domain.snapshot import Adoption

# The trailer keys of DESIGN.md §3 (ASCII: Git trailer keys are words without spaces).
VEDTAGET_AF = "Vedtaget-af"
UDVALG = "Udvalg"
MOEDEDATO = "Moededato"
DAGSORDENPUNKT = "Dagsordenpunkt"
IKRAFTTRAEDEN = "Ikrafttraeden"
REVIEW_STATUS = "Review-status"


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
        f"{VEDTAGET_AF}: {vedtaget_af}",
        f"{UDVALG}: {udvalg}",
        f"{MOEDEDATO}: {moededato.isoformat()}",
        f"{DAGSORDENPUNKT}: {dagsordenpunkt}",
    ]
    if ikraft is not None:
        trailers.append(f"{IKRAFTTRAEDEN}: {ikraft.isoformat()}")
    first_summary_line = summary.splitlines()[-1] if summary else "ingen reviews"
    trailers.append(f"{REVIEW_STATUS}: {first_summary_line}")
    return f"{intro}\n\nReview-status ved vedtagelsen:\n{summary}\n\n" + "\n".join(trailers) + "\n"


def adoption_from_tag(tag: str, message: str, commit: str = "") -> Adoption | None:
    """An adopted version's facts from its tag name and message trailers; None where the tag
    is not an adopted version's (`vedtaget/<date>`). A lightweight tag has no message: then
    only the name's date is known."""
    name = tag.removeprefix("refs/tags/")
    date = _date_or_none(name.removeprefix(ADOPTED_PREFIX))
    if not name.startswith(ADOPTED_PREFIX) or date is None:
        return None
    trailers = parse_trailers(message)
    return Adoption(
        tag=name,
        date=date,
        vedtaget_af=trailers.get(VEDTAGET_AF, ""),
        moededato=_date_or_none(trailers.get(MOEDEDATO)),
        udvalg=trailers.get(UDVALG, ""),
        dagsordenpunkt=trailers.get(DAGSORDENPUNKT, ""),
        ikraft=_date_or_none(trailers.get(IKRAFTTRAEDEN)),
        message=message.rstrip("\n"),  # as the tag holds it, without git's line ends
        commit=commit,
    )


def parse_trailers(message: str) -> dict[str, str]:
    """The `Key: value` lines of a message's last paragraph, by key."""
    trailers: dict[str, str] = {}
    paragraphs = message.strip().split("\n\n")
    for line in paragraphs[-1].splitlines():
        key, sep, value = line.partition(":")
        if sep and key and " " not in key.strip():
            trailers[key.strip()] = value.strip()
    return trailers


def _date_or_none(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def in_force(adoptions: Iterable[Adoption], day: dt.date) -> Adoption | None:
    """The version in force on `day`: the latest to take effect (ikrafttræden, else adoption
    date) on or before it; None where nothing was adopted yet."""
    candidates = [a for a in adoptions if a.in_force_from <= day]
    if not candidates:
        return None
    return max(candidates, key=lambda a: (a.in_force_from, a.date, a.tag))
