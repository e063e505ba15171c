"""One person (a login) working in one content repository: the base every use case builds on.

`Session` holds the open repository and knows who is working (adgang.yml) and what they may
do. The use cases are mixins over it (`reading`, `reviewing`, `editing`, `checking`,
`adoption`, `comparing`), joined and opened in `sn_tui.services.workspace.Workspace`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sn_tui.domain.entry import Adgang, Person
from sn_tui.services.errors import ReadOnly

if TYPE_CHECKING:
    from sn_tui.store.repo import ContentRepo

STEERING_ROLES = ("godkender", "admin")  # who adopts versions and runs review rounds


class Session:
    """A content repository opened by one person (login)."""

    def __init__(self, repo: ContentRepo, login: str, db_url: str | None = None) -> None:
        self.repo = repo
        self.login = login
        self._db_url = db_url  # None: $SN_DATABASE_URL, else SQLite in the Git directory

    def close(self) -> None:
        self.repo.close()

    # ------------------------------------------------------------------ identity
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
