"""The fixed scheme of a serviceniveau: the eight fields of an indsats and the document's sections.

Spelling and order are the template's (seed 000): tests and other tools rely on them.
"""

from typing import Final

FIELDS: Final[tuple[str, ...]] = (
    "Formål",
    "Indhold",
    "Målgruppe/tildelingskriterier",
    "Omfang/varighed",
    "Tildeling",
    "Levering af ydelsen",
    "Kvalitetskrav til leverandør",
    "Lovhjemmel",
)

FORORD: Final = "Forord"
PRINCIPPER: Final = "Principper for indsatsen"
DOCUMENT_SECTIONS: Final[tuple[str, ...]] = (FORORD, PRINCIPPER)

MAIN: Final = "main"  # the draft branch; adopted versions are tags on its commits
INDSATS_DIR: Final = "indsatser"
SERVICENIVEAU_FILE: Final = "serviceniveau.md"
FAGGRUPPER_FILE: Final = "faggrupper.yml"
ADGANG_FILE: Final = "adgang.yml"
# an adopted version's tag: vedtaget/<date>, vedtaget/<date>-<n>
ADOPTED_PREFIX: Final = "vedtaget/"

ID_PATTERN: Final = r"[a-z0-9-]+"

# Frontmatter keys every indsats carries (DESIGN.md §3).
REQUIRED_META: Final[tuple[str, ...]] = ("id", "titel", "kategori", "faggrupper", "økonomi")
ECONOMY_KEYS: Final[tuple[str, ...]] = ("budget_kr", "forventet_antal")


def indsats_path(indsats_id: str) -> str:
    """The repository path of an indsats file."""
    return f"{INDSATS_DIR}/{indsats_id}.md"
