"""Every Danish word and sentence the review layer shows a user, in one place.

Statuses and verdicts are stored as ASCII codes (`sn_tui.domain.review`); these are their labels.
Messages are `str.format` templates, named for the situation they describe.
"""

from __future__ import annotations

from typing import Final

from sn_tui.domain.review import Status, Verdict

STATUS_LABELS: Final[dict[Status, str]] = {
    Status.APPROVED: "godkendt",
    Status.STALE: "forældet",
    Status.CHANGES_REQUESTED: "ændringer ønsket",
    Status.PENDING: "afventer",
}

STATUS_SYMBOLS: Final[dict[Status, str]] = {
    Status.APPROVED: "✓",
    Status.STALE: "!",
    Status.CHANGES_REQUESTED: "✗",
    Status.PENDING: "·",
}
"""One character per status, so a table reads without colour (CLI and TUI alike)."""

VERDICT_LABELS: Final[dict[Verdict, str]] = {
    Verdict.APPROVED: "godkendt",
    Verdict.CHANGES_REQUESTED: "ændringer ønsket",
    Verdict.COMMENT: "kommentar",
}


# Plural where it differs: "2 forældede".
_STATUS_PLURALS: Final[dict[Status, str]] = {Status.STALE: "forældede"}


def status_label(status: Status) -> str:
    return STATUS_LABELS[status]


def status_count(status: Status, count: int) -> str:
    """`1 forældet`, `2 forældede`, `3 afventer`."""
    word = _STATUS_PLURALS.get(status, STATUS_LABELS[status]) if count != 1 else None
    return f"{count} {word or STATUS_LABELS[status]}"


def verdict_label(verdict: Verdict) -> str:
    return VERDICT_LABELS[verdict]


# ---------------------------------------------------------------- refusals (ReviewRefused)
UNKNOWN_LOGIN: Final = (
    "Brugeren «{login}» står ikke i adgang.yml og kan læse, men ikke afgive reviews."
)
GROUP_NOT_REQUIRED: Final = (
    "Faggruppen «{group}» skal ikke reviewe indsatsen «{indsats}»; "
    "de krævede faggrupper er: {required}."
)
NO_GROUPS_REQUIRED: Final = "Indsatsen «{indsats}» har ingen faggrupper, der skal reviewe den."
NOT_A_MEMBER: Final = (
    "«{login}» er ikke medlem af faggruppen «{group}» og kan ikke reviewe på dens vegne."
)
COMMENT_REQUIRED: Final = "Skriv en kommentar, der forklarer, hvad der skal ændres."
COMMENT_EMPTY: Final = "En kommentar kan ikke være tom."
OWN_EDIT: Final = (
    "«{login}» har selv redigeret indsatsen «{indsats}» senest og kan ikke godkende sin egen "
    "tekst (regel i adgang.yml)."
)
ROUND_NAME_EMPTY: Final = "En reviewrunde skal have et navn."
ROUND_NAME_TAKEN: Final = "Der findes allerede en reviewrunde ved navn «{name}»."
ROUND_CLOSED: Final = "Reviewrunden «{name}» blev allerede lukket {date}."
ROUND_NOT_FOUND: Final = "Der findes ingen reviewrunde med navnet eller nummeret «{ref}»."

# ---------------------------------------------------------------- database
DATABASE_TOO_NEW: Final = (
    "Review-databasen er lavet af en nyere udgave af sn-tui (skemaversion «{revision}»), "
    "som denne udgave ikke kender. Opdatér sn-tui, før du åbner den."
)
DATABASE_URL_UNKNOWN: Final = (
    "Databaseadressen «{url}» forstås ikke; brug sqlite:///sti eller postgresql://…."
)

DATABASE_OPEN_FAILED: Final = "Review-databasen {url} kan ikke åbnes: {detail}"
DATABASE_DIR_MISSING: Final = "Mappen til review-databasen findes ikke: {path}"

# ---------------------------------------------------------------- adoption summary
SUMMARY_NONE: Final = "ingen reviews"
SUMMARY_NO_GROUPS: Final = "{indsats}: ingen faggrupper krævet"
SUMMARY_LINE: Final = "{indsats}: {approved}/{required} godkendt"
SUMMARY_TOTAL: Final = (
    "I alt: {klar} af {indsatser} indsatser klar, {approved} af {required} godkendelser"
)
