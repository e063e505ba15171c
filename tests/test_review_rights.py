"""Who may review what: refusals are one Danish sentence, and nothing is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sn_tui.domain.entry import Adgang, parse_adgang
from sn_tui.domain.reviews.errors import ReviewRefused
from sn_tui.domain.reviews.records import Status, Verdict
from sn_tui.reviewdb.rights import forbids_own_approval
from sn_tui.reviewdb.service import ReviewService

if TYPE_CHECKING:
    from review_fixtures import Texts

pytest_plugins = ["review_fixtures"]

COMMIT = "ab" * 20


def refusal(
    service: ReviewService,
    texts: Texts,
    adgang: Adgang,
    *,
    group: str = "ppr",
    login: str = "bo",
    verdict: Verdict = Verdict.APPROVED,
    comment: str = "",
    last_editor: str | None = None,
) -> str:
    indsats = texts.new("familiebehandling")
    with pytest.raises(ReviewRefused) as caught:
        service.record(indsats, group, login, verdict, comment, COMMIT, adgang, last_editor)
    assert service.history(indsats.id) == []
    return str(caught.value)


def test_only_members_of_the_group_may_review_for_it(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    message = refusal(service, texts, adgang, group="myndighed", login="bo")
    assert (
        message
        == "«bo» er ikke medlem af faggruppen «myndighed» og kan ikke reviewe på dens vegne."
    )


def test_an_unknown_login_may_read_but_not_review(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    message = refusal(service, texts, adgang, login="mallory")
    assert "står ikke i adgang.yml" in message
    indsats = texts.new("familiebehandling")
    assert service.status.matrix([indsats], texts.read_blob).progress(indsats.id).label == "0/2"
    assert service.queue("mallory", adgang, [indsats], texts.read_blob) == []


def test_a_person_without_groups_may_not_review(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    assert "ikke medlem" in refusal(service, texts, adgang, login="dorte")


def test_only_the_required_groups_review_an_indsats(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    message = refusal(service, texts, adgang, group="sundhed", login="carl")
    assert message == (
        "Faggruppen «sundhed» skal ikke reviewe indsatsen «familiebehandling»; "
        "de krævede faggrupper er: myndighed, ppr."
    )


def test_requesting_changes_needs_a_comment(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    message = refusal(service, texts, adgang, verdict=Verdict.CHANGES_REQUESTED, comment="  \n")
    assert message == "Skriv en kommentar, der forklarer, hvad der skal ændres."
    assert refusal(service, texts, adgang, verdict=Verdict.COMMENT) == (
        "En kommentar kan ikke være tom."
    )


@pytest.mark.parametrize("regler", ["forbyd_egen_godkendelse: true", "egen_godkendelse: false"])
def test_the_rule_against_approving_ones_own_text(
    service: ReviewService, texts: Texts, adgang: Adgang, regler: str
) -> None:
    strict = Adgang(adgang.personer, parse_adgang(f"regler: {{{regler}}}").regler)
    message = refusal(service, texts, strict, last_editor="bo")
    assert "kan ikke godkende sin egen tekst" in message
    # Others may approve it, and the editor may still comment or ask for changes.
    indsats = texts.new("familiebehandling")
    service.record(indsats, "ppr", "bo", Verdict.COMMENT, "Rettet.", COMMIT, strict, "bo")
    service.record(indsats, "ppr", "carl", Verdict.APPROVED, "", COMMIT, strict, "bo")
    cell = service.status.matrix([indsats], texts.read_blob).cell(indsats.id, "ppr")
    assert cell is not None and cell.status is Status.APPROVED


def test_without_the_rule_editors_approve_their_own_text(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    assert not forbids_own_approval(adgang.regler)
    indsats = texts.new("familiebehandling")
    review = service.record(indsats, "ppr", "bo", Verdict.APPROVED, "", COMMIT, adgang, "bo")
    assert review.id is not None and review.verdict_code is Verdict.APPROVED
