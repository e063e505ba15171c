"""Adopting a version: tagging `main` as vedtaget, who may do it, and the tags' integrity.

An adopted version is an annotated tag `vedtaget/<dato>` whose message ends in the adoption's
trailers and the review summary (`domain.versions`); adopted tags are never moved or deleted.
Adoption is deliberate: a commit already adopted is refused, and unless every indsats is klar
the caller must have shown `adoption_summary` and got the user's yes (`confirmed`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sn_tui.domain.entry import Person
from sn_tui.i18n import t
from sn_tui.services.checking import Checking
from sn_tui.services.errors import CheckFailed, InvalidInput
from sn_tui.services.reviewing import Reviewing

if TYPE_CHECKING:
    from sn_tui.services.adoption_summary import AdoptionSummary

# The summary (and with it the review matrix) is imported by the methods that use it: every
# start of the TUI and every command loads this module (`Workspace` is made of the use cases).


class Adopting(Checking, Reviewing):
    """The use cases of adopting: only a godkender or admin, and only with no check errors."""

    def adopt(
        self,
        *,
        date: dt.date,
        udvalg: str,
        punkt: str,
        moededato: dt.date | None = None,
        ikraft: dt.date | None = None,
        confirmed: bool = False,
    ) -> str:
        """Tag `main` as adopted; only a godkender or admin, only with no check errors, never a
        commit adopted already, and with indsatser not klar only when `confirmed`."""
        from sn_tui.domain.versions import adoption_message
        from sn_tui.services.adoption_summary import NotConfirmed, already_adopted
        from sn_tui.store.adopt import create_adoption_tag, free_tag_name

        person = self.adopter()
        if not udvalg.strip() or not punkt.strip():
            raise InvalidInput("Angiv både udvalg (--udvalg) og dagsordenpunkt (--punkt).")
        if ikraft is not None and ikraft < date:
            raise InvalidInput("Ikrafttrædelsen kan ikke ligge før vedtagelsen.")
        head = self.repo.head()
        if head is None:
            raise InvalidInput("Der er intet at vedtage endnu; repositoriet er tomt.")
        summary = self.adoption_summary()
        if summary.adopted_as:
            raise already_adopted(summary.adopted_as)
        errors = [f for f in self.check(head) if f.severity == "error"]
        if errors:
            raise CheckFailed(errors)
        if not self.repo.indsatser(head):  # e.g. `indsatser` replaced by a file with plain git
            raise InvalidInput(t("escapes.adopt_no_indsatser"))
        if not summary.all_klar and not confirmed:
            raise NotConfirmed(summary)
        message = adoption_message(
            vedtaget_af=f"{person.navn} <{person.email}>",
            udvalg=udvalg.strip(),
            moededato=moededato or date,
            dagsordenpunkt=punkt.strip(),
            ikraft=ikraft,
            review_summary=self.review_summary(head),
        )
        tag = free_tag_name(self.repo, date)
        return create_adoption_tag(self.repo, head, tag, message, person)

    def adoption_summary(self) -> AdoptionSummary:
        """What adopting `main` now would adopt: review state per indsats, and the tag that
        has adopted this commit already, if any (`services.adoption_summary`)."""
        from sn_tui.services.adoption_summary import AdoptionSummary

        head = self.repo.head()
        if head is None:
            raise InvalidInput("Der er intet at vedtage endnu; repositoriet er tomt.")
        adopted = next((a.tag for a in self.repo.adoptions() if a.commit == head), None)
        return AdoptionSummary.of(head, self.reviews.matrix(head), adopted)

    def adopter(self) -> Person:
        """This person, if they may adopt (role godkender or admin); else ReadOnly saying why."""
        return self.steering("vedtage")

    def review_summary(self, commit: str) -> str:
        """Review status per indsats for the adoption's tag message."""
        return self.reviews.summary(commit)

    def tag_problems(self) -> list[str]:
        from sn_tui.store.ledger import verify_tags

        return [p.message for p in verify_tags(self.repo.git_dir)]
