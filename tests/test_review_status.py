"""Every status a (indsats, faggruppe) can have, and every way it changes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sn_tui.domain.entry import Adgang, Indsats
from sn_tui.domain.reviews.records import Status, Verdict
from sn_tui.i18n import t
from sn_tui.reviewdb.service import ReviewService

if TYPE_CHECKING:
    from review_fixtures import Texts

pytest_plugins = ["review_fixtures"]

COMMIT = "c0ffee" * 6 + "c0ff"


def approve(service: ReviewService, adgang: Adgang, indsats: Indsats, group: str, who: str) -> None:
    service.record(indsats, group, who, Verdict.APPROVED, "", COMMIT, adgang, None)


def status(service: ReviewService, texts: Texts, indsats: Indsats, group: str) -> Status:
    cell = service.status.matrix([indsats], texts.read_blob).cell(indsats.id, group)
    assert cell is not None
    return cell.status


def test_a_new_indsats_awaits_every_required_group(service: ReviewService, texts: Texts) -> None:
    indsats = texts.new("familiebehandling", ("myndighed", "ppr", "sundhed"))
    matrix = service.status.matrix([indsats], texts.read_blob)
    assert [c.status for c in matrix.row(indsats.id)] == [Status.PENDING] * 3
    assert matrix.progress(indsats.id).label == "0/3"
    assert not matrix.klar(indsats.id)
    assert matrix.cell(indsats.id, "skole") is None  # not required: no cell


def test_approval_by_every_required_group_makes_the_indsats_klar(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    indsats = texts.new("familiebehandling")
    approve(service, adgang, indsats, "myndighed", "anna")
    matrix = service.status.matrix([indsats], texts.read_blob)
    assert matrix.cell(indsats.id, "myndighed").status is Status.APPROVED  # type: ignore[union-attr]
    assert matrix.cell(indsats.id, "ppr").status is Status.PENDING  # type: ignore[union-attr]
    assert matrix.progress(indsats.id).label == "1/2"
    approve(service, adgang, indsats, "ppr", "bo")
    matrix = service.status.matrix([indsats], texts.read_blob)
    assert matrix.progress(indsats.id).label == "2/2"
    assert matrix.klar(indsats.id)


def test_editing_the_text_makes_the_approval_stale(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    today = texts.new("familiebehandling")
    approve(service, adgang, today, "myndighed", "anna")
    edited = texts.edit(today, "Formål", "Et helt nyt formål med indsatsen.")
    assert status(service, texts, edited, "myndighed") is Status.STALE
    assert t("review.status_stale") == "forældet"
    progress = service.status.matrix([edited], texts.read_blob).progress(edited.id)
    assert (progress.label, progress.stale) == ("0/2", 1)
    # Approving the new text makes it current again.
    approve(service, adgang, edited, "myndighed", "anna")
    assert status(service, texts, edited, "myndighed") is Status.APPROVED


def test_what_changed_since_the_approval_is_the_approved_text(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    approve(service, adgang, first, "myndighed", "anna")
    edited = texts.edit(first, "Omfang/varighed", "Op til 12 måneder.")
    old, approval = service.since_approval(edited, "myndighed", texts.read_blob)
    assert old is not None and approval is not None
    assert old.blob == first.blob == approval.blob
    assert old.fields["Omfang/varighed"] == first.fields["Omfang/varighed"]
    assert edited.fields["Omfang/varighed"] == "Op til 12 måneder."
    assert service.since_approval(edited, "ppr", texts.read_blob) == (None, None)


def test_rewrapping_lines_keeps_the_approval(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    approve(service, adgang, first, "myndighed", "anna")
    rewrapped = texts.replace(first, "Tekst om indhold, som", "Tekst  om\nindhold,   som")
    spaced = texts.replace(
        rewrapped, "faggrupper: [myndighed, ppr]", "faggrupper:  [myndighed,ppr]"
    )
    reindented = texts.replace(spaced, "  budget_kr: 4500000", "  budget_kr:    4500000")
    assert reindented.blob != first.blob
    assert status(service, texts, reindented, "myndighed") is Status.APPROVED


def test_frontmatter_keys_in_another_order_keep_the_approval(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    approve(service, adgang, first, "myndighed", "anna")
    block = "økonomi:\n  budget_kr: 4500000\n  forventet_antal: 60\n"
    text = texts.raw(first)
    assert text.startswith("---\n") and block in text
    reordered_text = "---\n" + block + text.removeprefix("---\n").replace(block, "", 1)
    reordered = texts.add(reordered_text.encode(), first.id)
    assert reordered.blob != first.blob
    assert status(service, texts, reordered, "myndighed") is Status.APPROVED
    dearer = texts.set_meta(reordered, "økonomi.budget_kr", 5_000_000)
    assert status(service, texts, dearer, "myndighed") is Status.STALE


def test_a_new_paragraph_break_alone_keeps_the_approval_but_new_words_do_not(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    approve(service, adgang, first, "myndighed", "anna")
    blank = texts.replace(first, "## Indhold\n\n", "## Indhold\n\n\n\n")
    assert status(service, texts, blank, "myndighed") is Status.APPROVED
    worded = texts.replace(first, "Tekst om indhold", "Tekst om det nye indhold")
    assert status(service, texts, worded, "myndighed") is Status.STALE


def test_a_changed_budget_makes_the_approval_stale(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    approve(service, adgang, first, "myndighed", "anna")
    dearer = texts.set_meta(first, "økonomi.budget_kr", 5_000_000)
    assert status(service, texts, dearer, "myndighed") is Status.STALE


def test_adding_a_required_group_keeps_the_other_approvals(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    approve(service, adgang, first, "myndighed", "anna")
    more = texts.set_meta(first, "faggrupper", ["myndighed", "ppr", "sundhed"])
    matrix = service.status.matrix([more], texts.read_blob)
    assert matrix.cell(more.id, "myndighed").status is Status.APPROVED  # type: ignore[union-attr]
    assert matrix.cell(more.id, "sundhed").status is Status.PENDING  # type: ignore[union-attr]


def test_requesting_changes_then_editing_puts_it_back_in_the_groups_queue(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    service.record(
        first,
        "ppr",
        "bo",
        Verdict.CHANGES_REQUESTED,
        "Målgruppen er for snæver.",
        COMMIT,
        adgang,
        None,
    )
    cell = service.status.matrix([first], texts.read_blob).cell(first.id, "ppr")
    assert cell is not None
    assert cell.status is Status.CHANGES_REQUESTED and not cell.owed
    assert t(f"review.status_{cell.status.value}") == "ændringer ønsket"
    assert [c.group for c in service.queue("bo", adgang, [first], texts.read_blob)] == []
    fixed = texts.edit(first, "Målgruppe/tildelingskriterier", "Børn og unge 0-22 år.")
    cell = service.status.matrix([fixed], texts.read_blob).cell(fixed.id, "ppr")
    assert cell is not None
    assert cell.status is Status.CHANGES_REQUESTED and cell.changed_since_decision
    assert [c.group for c in service.queue("bo", adgang, [fixed], texts.read_blob)] == ["ppr"]


def test_a_newer_review_supersedes_an_older_one(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    indsats = texts.new("familiebehandling")
    approve(service, adgang, indsats, "myndighed", "anna")
    service.record(
        indsats,
        "myndighed",
        "carl",
        Verdict.CHANGES_REQUESTED,
        "Lovhjemlen mangler.",
        COMMIT,
        adgang,
        None,
    )
    assert status(service, texts, indsats, "myndighed") is Status.CHANGES_REQUESTED
    approve(service, adgang, indsats, "myndighed", "anna")
    assert status(service, texts, indsats, "myndighed") is Status.APPROVED
    # Another group's review never touches this one.
    service.record(indsats, "ppr", "bo", Verdict.CHANGES_REQUESTED, "Uklart.", COMMIT, adgang, None)
    assert status(service, texts, indsats, "myndighed") is Status.APPROVED


def test_a_comment_changes_no_status(service: ReviewService, texts: Texts, adgang: Adgang) -> None:
    indsats = texts.new("familiebehandling")
    service.record(indsats, "ppr", "bo", Verdict.COMMENT, "Fint begyndt.", COMMIT, adgang, None)
    assert status(service, texts, indsats, "ppr") is Status.PENDING
    approve(service, adgang, indsats, "ppr", "bo")
    service.record(indsats, "ppr", "carl", "comment", "Husk høringen.", COMMIT, adgang, None)
    assert status(service, texts, indsats, "ppr") is Status.APPROVED
    assert service.status.matrix([indsats], texts.read_blob).cell(indsats.id, "ppr").approval  # type: ignore[union-attr]


def test_an_approved_text_that_can_no_longer_be_read_counts_as_stale(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    first = texts.new("familiebehandling")
    approve(service, adgang, first, "myndighed", "anna")
    edited = texts.replace(first, "Tekst om indhold", "Tekst  om indhold")  # layout only
    del texts.blobs[first.blob]
    assert status(service, texts, edited, "myndighed") is Status.STALE
    old, approval = service.since_approval(edited, "myndighed", texts.read_blob)
    assert old is None and approval is not None


def test_history_lists_every_review_newest_first_with_utc_times(
    service: ReviewService, texts: Texts, adgang: Adgang
) -> None:
    indsats = texts.new("familiebehandling")
    before = dt.datetime.now(dt.UTC)
    approve(service, adgang, indsats, "myndighed", "anna")
    service.record(indsats, "ppr", "bo", Verdict.COMMENT, "  Et spørgsmål.  ", COMMIT, adgang, None)
    service.record(
        indsats, "ppr", "bo", Verdict.CHANGES_REQUESTED, "Ret det.", COMMIT, adgang, None
    )
    history = service.history(indsats.id)
    assert [(r.login, r.verdict_code) for r in history] == [
        ("bo", Verdict.CHANGES_REQUESTED),
        ("bo", Verdict.COMMENT),
        ("anna", Verdict.APPROVED),
    ]
    assert history[1].comment == "Et spørgsmål."
    assert all(r.blob == indsats.blob and r.commit == COMMIT for r in history)
    assert all(r.created_at.tzinfo is not None for r in history)
    assert all(r.created_at >= before - dt.timedelta(seconds=1) for r in history)
    assert [r.login for r in service.history(indsats.id, "myndighed")] == ["anna"]
    assert service.history("findes-ikke") == []
