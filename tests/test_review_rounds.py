"""Review rounds (høringsrunder): start, progress, overdue after the deadline, close."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from sn_tui.domain.entry import Adgang
from sn_tui.domain.reviews.errors import ReviewRefused, RoundNotFound
from sn_tui.domain.reviews.records import Status, Verdict
from sn_tui.reviewdb.service import ReviewService

if TYPE_CHECKING:
    from review_fixtures import Texts

pytest_plugins = ["review_fixtures"]

DEADLINE = dt.date(2026, 3, 1)
COMMIT = "ef" * 20


def test_a_round_covers_chosen_groups_and_indsatser(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    fam = texts.new("familiebehandling", ("myndighed", "ppr", "sundhed"))
    kontakt = texts.new("fast-kontaktperson", ("myndighed", "ppr"))
    other = texts.new("stoetteophold", ("myndighed",))
    started = service.start_round(
        "Forårshøring 2026",
        DEADLINE,
        groups=["myndighed", "ppr"],
        indsatser=["familiebehandling", "fast-kontaktperson"],
        by="anna",
    )
    assert started.id is not None and started.is_open and started.created_by == "anna"
    service.record(fam, "myndighed", "anna", Verdict.APPROVED, "", COMMIT, adgang, None)
    service.record(fam, "ppr", "bo", Verdict.APPROVED, "", COMMIT, adgang, None)

    status = service.round_status(
        "Forårshøring 2026", [fam, kontakt, other], texts.read_blob, today=DEADLINE
    )
    assert status.covered_groups == ("myndighed", "ppr")
    assert status.matrix.indsatser == ("familiebehandling", "fast-kontaktperson")
    assert status.matrix.groups == ("myndighed", "ppr")
    # familiebehandling is klar for this round: sundhed is not asked here.
    assert (status.klar_count, status.indsats_count) == (1, 2)
    assert status.progress.label == "2/4"
    assert status.per_group()["ppr"].label == "1/2"
    assert not status.past_deadline and status.overdue == ()

    late = service.round_status(
        started.id, [fam, kontakt, other], texts.read_blob, today=DEADLINE + dt.timedelta(days=1)
    )
    assert late.past_deadline
    assert late.overdue == ("fast-kontaktperson",)


def test_a_round_without_choices_covers_everything(service: ReviewService, texts: Texts) -> None:
    fam = texts.new("familiebehandling", ("myndighed", "ppr", "sundhed"))
    service.start_round("Alt", DEADLINE, by="carl")
    status = service.round_status("Alt", [fam], texts.read_blob, today=DEADLINE)
    assert (status.covered_groups, status.covered_indsatser) == ((), ())
    assert status.matrix.groups == ("myndighed", "ppr", "sundhed")
    assert status.progress.count(Status.PENDING) == 3


def test_closing_a_round(service: ReviewService, texts: Texts) -> None:
    fam = texts.new("familiebehandling")
    service.start_round("Efterår", DEADLINE, by="anna")
    assert service.current_round() is not None
    closed = service.close_round("Efterår", by="carl")
    assert closed.closed_by == "carl" and closed.closed_at is not None and not closed.is_open
    assert closed.closed_at.tzinfo is not None
    assert service.current_round() is None
    status = service.round_status(
        "Efterår", [fam], texts.read_blob, today=DEADLINE.replace(year=2030)
    )
    assert status.overdue == ()  # a closed round has nothing overdue any more
    with pytest.raises(ReviewRefused, match="allerede lukket"):
        service.close_round("Efterår", by="carl")


def test_round_names_are_unique_and_rounds_are_found_by_name_or_number(
    service: ReviewService,
) -> None:
    first = service.start_round("Runde 1", DEADLINE, by="anna")
    second = service.start_round("  Runde 2 ", DEADLINE, by="anna")
    assert second.name == "Runde 2"
    with pytest.raises(
        ReviewRefused, match="Der findes allerede en reviewrunde ved navn «Runde 1»"
    ):
        service.start_round("Runde 1", DEADLINE, by="bo")
    with pytest.raises(ReviewRefused, match="skal have et navn"):
        service.start_round("  ", DEADLINE, by="bo")
    assert service.get_round(str(first.id)).name == "Runde 1"
    assert service.get_round(first.id or 0).name == "Runde 1"
    assert [r.name for r in service.list_rounds()] == ["Runde 2", "Runde 1"]
    assert service.current_round() == service.get_round("Runde 2")
    with pytest.raises(RoundNotFound) as caught:
        service.get_round("Sommer")
    assert str(caught.value) == "Der findes ingen reviewrunde med navnet eller nummeret «Sommer»."
