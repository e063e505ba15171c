"""One person (a login) working in one content repository: the base every use case builds on.

`Session` holds the open repository and knows who is working (adgang.yml) and what they may
do. The use cases are mixins over it (`reading`, `reviewing`, `editing`, `checking`,
`adoption`, `comparing`), joined and opened in `sn_tui.services.workspace.Workspace`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.domain.entry import Adgang, Faggruppe, Person
from sn_tui.domain.rights import STEERING_ROLES
from sn_tui.services.errors import ReadOnly

if TYPE_CHECKING:
    from sn_tui.store.repo import ContentRepo


@dataclass(frozen=True)
class OpeningFacts:
    """What a front end shows first, read at one `head` of `main` (None: an empty repository):
    who is working (None: not in adgang.yml, so read-only) and the faggrupper."""

    head: str | None
    person: Person | None
    faggrupper: list[Faggruppe]


class Session:
    """A content repository opened by one person (login)."""

    def __init__(self, repo: ContentRepo, login: str, db_url: str | None = None) -> None:
        self.repo = repo
        self.login = login
        self._db_url = db_url  # None: $SN_DATABASE_URL, else SQLite in the Git directory

    def close(self) -> None:
        self.repo.close()

    # ------------------------------------------------------------------ main and identity
    def head(self) -> str | None:
        """The commit `main` points at now, or None in an empty repository."""
        return self.repo.head()

    def opening_facts(self) -> OpeningFacts:
        """Who is working and the faggrupper, both as of `main` now (one look at `main`)."""
        head = self.repo.head()
        person = self.repo.adgang(head).person(self.login)
        return OpeningFacts(head, person, self.repo.faggrupper(head))

    def adgang(self) -> Adgang:
        return self.repo.adgang(self.repo.head())

    def person(self) -> Person | None:
        return self.adgang().person(self.login)

    def writer(self) -> Person:
        person = self.person()
        if person is None:
            raise ReadOnly(
                f"Login '{self.login}' står ikke i adgang.yml; du kan læse, men ikke gemme."
            )
        return person

    def steering(self, doing: str) -> Person:
        """This person, if they have a steering role; else ReadOnly: "… kan ikke `doing`."."""
        person = self.writer()
        if not person.has_role(*STEERING_ROLES):
            raise ReadOnly(
                f"{person.navn} har ikke rollen godkender eller admin og kan ikke {doing}."
            )
        return person
