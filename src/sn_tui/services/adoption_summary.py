"""What an adoption would adopt, shown before it acts: how many indsatser are klar, which have
changes requested, stale or missing approvals, or no faggruppe that must review them, and
whether the commit is adopted already. The CLI and the TUI show the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.reviews.matrix import Matrix
from sn_tui.domain.reviews.records import Status
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput


@dataclass(frozen=True)
class AdoptionSummary:
    """The review state of every indsats on the commit an adoption would tag (ids, sorted)."""

    commit: str
    indsatser: tuple[str, ...]
    klar: tuple[str, ...]
    changes_requested: tuple[str, ...]
    stale: tuple[str, ...]
    missing: tuple[str, ...]  # a required faggruppe has not approved yet
    no_groups: tuple[str, ...]  # no faggruppe must review it: never klar
    adopted_as: str | None = None  # the tag already on this commit

    @classmethod
    def of(cls, commit: str, matrix: Matrix, adopted_as: str | None = None) -> AdoptionSummary:
        ids = tuple(sorted(matrix.indsatser))

        def having(status: Status) -> tuple[str, ...]:
            return tuple(i for i in ids if any(c.status is status for c in matrix.row(i)))

        return cls(
            commit,
            ids,
            tuple(i for i in ids if matrix.klar(i)),
            having(Status.CHANGES_REQUESTED),
            having(Status.STALE),
            having(Status.PENDING),
            tuple(i for i in ids if not matrix.row(i)),
            adopted_as,
        )

    @property
    def all_klar(self) -> bool:
        return len(self.klar) == len(self.indsatser)

    def lines(self) -> list[str]:
        """The summary as the user reads it, one line per kind of problem present."""
        found = [t("guard.adopt_klar", klar=len(self.klar), count=len(self.indsatser))]
        for key, ids in (
            ("guard.adopt_changes_requested", self.changes_requested),
            ("guard.adopt_stale", self.stale),
            ("guard.adopt_missing", self.missing),
            ("guard.adopt_no_groups", self.no_groups),
        ):
            if ids:
                found.append(t(key, count=len(ids), ids=", ".join(ids)))
        if self.adopted_as:
            found.append(already_adopted(self.adopted_as).args[0])
        return found


class NotConfirmed(InvalidInput):
    """Adoption not carried out: not every indsats is klar, and the user has not confirmed."""

    def __init__(self, summary: AdoptionSummary) -> None:
        super().__init__(
            t(
                "guard.adopt_not_confirmed",
                klar=len(summary.klar),
                count=len(summary.indsatser),
            )
        )
        self.summary = summary


def already_adopted(tag: str) -> InvalidInput:
    """The refusal to adopt a commit that `tag` has adopted already."""
    return InvalidInput(t("guard.adopt_already", tag=tag))
