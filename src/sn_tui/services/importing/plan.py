"""What an import would do, before it does it: per indsats its id, whether it exists, and where
each piece of source text goes; Forord and Principper; what was left out and why.

A plan is what the dry run prints and what the TUI shows side by side; the TUI changes a
piece's field (`reassign`) and the plan is then carried out as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sn_tui.domain.fields import FIELDS, indsats_path
from sn_tui.domain.importing.mapping import Found, Piece, compose
from sn_tui.domain.importing.synonyms import ECONOMY
from sn_tui.i18n import text_in


def note(piece: Piece) -> str:
    """The marked note above text placed by nearness; written into the repository, so Danish."""
    if piece.label:
        return text_in("da", "import.note.section", label=piece.label.strip().rstrip(":"))
    return text_in("da", "import.note.untitled")


@dataclass
class PlannedIndsats:
    found: Found
    id: str
    exists: bool
    kategori: str

    @property
    def path(self) -> str:
        return indsats_path(self.id)

    @property
    def fields(self) -> dict[str, str]:
        return compose(self.found.pieces, note)

    @property
    def missing(self) -> list[str]:
        fields = self.fields
        return [name for name in FIELDS if not fields.get(name)]

    def to_json(self) -> dict[str, Any]:
        budget, antal = self.found.economy()
        return {
            "id": self.id,
            "titel": self.found.titel,
            "kategori": self.kategori,
            "kilde": self.found.source,
            "ny": not self.exists,
            "felter": self.fields,
            "placering": [
                {"kilde": p.label, "felt": p.field, "hvordan": p.how, "tekst": p.text}
                for p in self.found.pieces
            ],
            "mangler": self.missing,
            "økonomi": {"budget_kr": budget, "forventet_antal": antal},
        }


@dataclass
class ImportPlan:
    sources: list[str]
    indsatser: list[PlannedIndsats]
    document: dict[str, str] = field(default_factory=dict)  # Forord/Principper -> Markdown
    outside: list[tuple[str, str]] = field(default_factory=list)  # (source, text) not imported
    notices: list[str] = field(default_factory=list)  # Danish sentences
    guidance: int = 0
    faggrupper: tuple[str, ...] = ()
    faggrupper_given: bool = False
    base: str | None = None

    def reassign(self, indsats: int, piece: int, target: str) -> None:
        """Send piece `piece` of indsats `indsats` to field `target` (a field name or ECONOMY)."""
        if target not in FIELDS and target != ECONOMY:
            raise ValueError(target)
        found = self.indsatser[indsats].found
        found.pieces[piece] = replace(found.pieces[piece], field=target, how="moved")

    def to_json(self) -> dict[str, Any]:
        return {
            "kilder": self.sources,
            "bemærkninger": self.notices,
            "dokument": self.document,
            "indsatser": [p.to_json() for p in self.indsatser],
            "ikke_importeret": [{"kilde": s, "tekst": text} for s, text in self.outside],
            "vejledning_udeladt": self.guidance,
        }
