"""The matrix, a person's queue, and the summary that goes into an adopted version's tag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sn_tui.domain.entry import Adgang, Indsats
from sn_tui.domain.reviews.records import Status, Verdict
from sn_tui.i18n import set_language, t
from sn_tui.reviewdb.service import ReviewService

if TYPE_CHECKING:
    from review_fixtures import Texts

pytest_plugins = ["review_fixtures"]

COMMIT = "cd" * 20


def record(
    service: ReviewService,
    adgang: Adgang,
    indsats: Indsats,
    group: str,
    who: str,
    verdict: Verdict = Verdict.APPROVED,
    comment: str = "",
) -> None:
    service.record(indsats, group, who, verdict, comment, COMMIT, adgang, None)


def three(texts: Texts) -> list[Indsats]:
    return [
        texts.new("familiebehandling", ("myndighed", "ppr", "sundhed")),
        texts.new("fast-kontaktperson", ("myndighed", "ppr")),
        texts.new("stoetteophold", ("sundhed",)),
    ]


def test_matrix_rows_columns_and_totals(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    fam, kontakt, stoette = three(texts)
    record(service, adgang, fam, "myndighed", "anna")
    record(service, adgang, fam, "ppr", "bo", Verdict.CHANGES_REQUESTED, "Uklart omfang.")
    record(service, adgang, kontakt, "myndighed", "carl")
    record(service, adgang, kontakt, "ppr", "carl")
    record(service, adgang, stoette, "sundhed", "carl")
    stoette = texts.edit(stoette, "Indhold", "Nyt indhold.")

    matrix = service.status.matrix(
        [fam, kontakt, stoette], texts.read_blob, groups=["ppr", "myndighed"]
    )
    assert matrix.indsatser == ("familiebehandling", "fast-kontaktperson", "stoetteophold")
    assert matrix.groups == ("ppr", "myndighed", "sundhed")  # given order, then as met
    assert [c.status for c in matrix.row("familiebehandling")] == [
        Status.CHANGES_REQUESTED,
        Status.APPROVED,
        Status.PENDING,
    ]
    assert matrix.progress("fast-kontaktperson").label == "2/2"
    assert matrix.klar("fast-kontaktperson")
    assert matrix.progress("stoetteophold").stale == 1
    assert matrix.klar_count == 1
    assert matrix.group_totals("myndighed").label == "2/2"
    assert matrix.group_totals("sundhed").counts() == [(Status.STALE, 1), (Status.PENDING, 1)]
    totals = matrix.totals()
    assert (totals.approved, totals.stale, totals.changes_requested, totals.pending) == (3, 1, 1, 1)


def test_the_queue_holds_what_a_persons_groups_still_owe(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    fam, kontakt, stoette = three(texts)
    record(service, adgang, fam, "myndighed", "anna")
    record(service, adgang, kontakt, "ppr", "bo")
    kontakt = texts.edit(kontakt, "Formål", "Et nyt formål.")
    queue = service.queue("carl", adgang, [fam, kontakt, stoette], texts.read_blob)
    assert [(c.indsats_id, c.group, c.status) for c in queue] == [
        ("familiebehandling", "ppr", Status.PENDING),
        ("familiebehandling", "sundhed", Status.PENDING),
        ("fast-kontaktperson", "myndighed", Status.PENDING),
        ("fast-kontaktperson", "ppr", Status.STALE),
        ("stoetteophold", "sundhed", Status.PENDING),
    ]
    anna = service.queue("anna", adgang, [fam, kontakt, stoette], texts.read_blob)
    assert [(c.indsats_id, c.group) for c in anna] == [("fast-kontaktperson", "myndighed")]
    assert service.queue("dorte", adgang, [fam, kontakt, stoette], texts.read_blob) == []


def test_the_adoption_summary_without_reviews(service: ReviewService, texts: Texts) -> None:
    assert service.summary_for_adoption(three(texts), texts.read_blob) == "ingen reviews"


def test_the_adoption_summary_per_indsats_and_in_total(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    fam, kontakt, stoette = three(texts)
    record(service, adgang, fam, "myndighed", "anna")
    record(service, adgang, fam, "ppr", "bo")
    record(service, adgang, fam, "sundhed", "carl")
    record(service, adgang, kontakt, "myndighed", "anna")
    record(service, adgang, kontakt, "ppr", "bo")
    kontakt = texts.edit(kontakt, "Tildeling", "Ny tildeling.")
    record(service, adgang, stoette, "sundhed", "carl", Verdict.CHANGES_REQUESTED, "Nej.")
    summary = service.summary_for_adoption([fam, kontakt, stoette], texts.read_blob)
    assert summary.splitlines() == [
        "familiebehandling: 3/3 godkendt",
        "fast-kontaktperson: 0/2 godkendt, 2 forældede",
        "stoetteophold: 0/1 godkendt, 1 ændring ønsket",
        "I alt: 1 af 3 indsatser klar, 3 af 6 godkendelser, 2 forældede, 1 ændring ønsket",
    ]


def test_an_empty_list_of_indsatser_gives_an_empty_matrix(
    service: ReviewService, texts: Texts
) -> None:
    matrix = service.status.matrix([], texts.read_blob)
    assert matrix.indsatser == () and matrix.groups == () and matrix.totals().required == 0


def test_the_adoption_summary_is_danish_whatever_the_language(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    fam, _kontakt, _stoette = three(texts)
    record(service, adgang, fam, "myndighed", "anna")
    set_language("en")
    try:
        summary = service.summary_for_adoption([fam], texts.read_blob)
        refused = t("review.round_name_empty")
    finally:
        set_language("da")
    assert summary.splitlines()[0] == "familiebehandling: 1/3 godkendt, 2 afventer"
    assert refused == "A review round needs a name."  # what the user reads follows the language
