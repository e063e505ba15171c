"""An adopted version's tag message: what `adoption_message` writes, `adoption_from_tag` reads."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sn_tui.domain.versions import (
    REVIEW_STATUS,
    adoption_from_tag,
    adoption_message,
    parse_trailers,
)

# One line of text as a trailer value holds it: no line breaks, no surrounding blanks.
_LINE = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85"),
    max_size=40,
).map(str.strip)
_DATE = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


def test_written_trailers_read_back_with_danish_letters_and_a_multi_line_summary() -> None:
    summary = "Åse Ærø: godkendt\n\nØjvind Ågård: ændringer ønsket\n3 af 4 godkendt"
    message = adoption_message(
        vedtaget_af="Åse Ærø <åse@kommune.dk>",
        udvalg="Børne- og Ungeudvalget",
        moededato=dt.date(2026, 3, 12),
        dagsordenpunkt="7: Serviceniveau for støtte",
        ikraft=dt.date(2026, 4, 1),
        review_summary=summary,
    )
    adoption = adoption_from_tag("refs/tags/vedtaget/2026-03-12", message, "c0ffee")
    assert adoption is not None
    assert adoption.tag == "vedtaget/2026-03-12"
    assert adoption.date == dt.date(2026, 3, 12)
    assert adoption.vedtaget_af == "Åse Ærø <åse@kommune.dk>"
    assert adoption.adopter_name == "Åse Ærø"
    assert adoption.udvalg == "Børne- og Ungeudvalget"
    assert adoption.moededato == dt.date(2026, 3, 12)
    assert adoption.dagsordenpunkt == "7: Serviceniveau for støtte"
    assert adoption.ikraft == dt.date(2026, 4, 1)
    assert adoption.commit == "c0ffee"
    assert summary in adoption.message  # the whole summary stays in the message's body
    assert parse_trailers(message)[REVIEW_STATUS] == "3 af 4 godkendt"


@given(
    vedtaget_af=_LINE,
    udvalg=_LINE,
    moededato=_DATE,
    dagsordenpunkt=_LINE,
    ikraft=st.none() | _DATE,
    review_summary=st.text(max_size=80),
)
def test_any_adoption_reads_back_as_written(
    vedtaget_af: str,
    udvalg: str,
    moededato: dt.date,
    dagsordenpunkt: str,
    ikraft: dt.date | None,
    review_summary: str,
) -> None:
    message = adoption_message(
        vedtaget_af=vedtaget_af,
        udvalg=udvalg,
        moededato=moededato,
        dagsordenpunkt=dagsordenpunkt,
        ikraft=ikraft,
        review_summary=review_summary,
    )
    adoption = adoption_from_tag("vedtaget/2026-03-12-2", message)
    assert adoption is not None
    assert (adoption.vedtaget_af, adoption.udvalg, adoption.dagsordenpunkt) == (
        vedtaget_af,
        udvalg,
        dagsordenpunkt,
    )
    assert (adoption.moededato, adoption.ikraft) == (moededato, ikraft)
    assert adoption.message == message.rstrip("\n")


def test_a_lightweight_tag_gives_the_date_of_its_name_only() -> None:
    adoption = adoption_from_tag("vedtaget/2026-03-12", "")
    assert adoption is not None
    assert (adoption.date, adoption.vedtaget_af, adoption.moededato) == (
        dt.date(2026, 3, 12),
        "",
        None,
    )


def test_other_tags_are_not_adoptions() -> None:
    assert adoption_from_tag("refs/tags/v1.0", "Vedtaget-af: x") is None
    assert adoption_from_tag("vedtaget/senere", "") is None
