"""A small comparison with one of everything: edits, a moved paragraph, money, added, removed."""

from __future__ import annotations

import datetime as dt

from diff_builders import adopted, draft, make_indsats, make_serviceniveau, make_snapshot
from sn_tui.domain.diff.compare import compare
from sn_tui.domain.diff.types import Comparison
from sn_tui.domain.snapshot import Revision, Snapshot

MOVED = "Familien får tilbudt et opfølgende møde efter tre måneder."
MOVED_EDITED = "Familien får tilbudt et opfølgende møde efter seks måneder."
SCRIPT = "<script>alert('x')</script>"
OLD_INDHOLD = f"Samtaler med familien {SCRIPT}.\n\n- Hjemmebesøg\n- Netværksmøder"
NEW_INDHOLD = (
    "Samtaler med **hele** familien.\n\n- Hjemmebesøg\n- Netværksmøder\n- Forældrekursus"
    f"\n\n{MOVED_EDITED}"
)
A_DATE = dt.date(2025, 3, 12)
B_DATE = dt.date(2026, 3, 12)


def snapshot_a() -> Snapshot:
    return make_snapshot(
        adopted(A_DATE, "Mette Jensen <mette@example.dk>"),
        [
            make_indsats(
                "familiebehandling",
                fields={"Formål": f"Kort formål.\n\n{MOVED}", "Indhold": OLD_INDHOLD},
            ),
            make_indsats("aflastning", titel="Aflastning", kategori="Anbringelse"),
            make_indsats("kontaktperson", titel="Fast kontaktperson"),
        ],
    )


def snapshot_b(revision: Revision | None = None) -> Snapshot:
    return make_snapshot(
        revision or adopted(B_DATE, "Søren Ærø <soren@example.dk>"),
        [
            make_indsats(
                "familiebehandling",
                budget_kr=5_000_000,
                fields={"Formål": "Kort formål.", "Indhold": NEW_INDHOLD},
            ),
            make_indsats(
                "stoetteophold",
                titel="Støtteophold",
                budget_kr=2_000_000,
                forventet_antal=15,
                fields={"Formål": f"Aflastning for familien {SCRIPT}."},
            ),
            make_indsats("kontaktperson", titel="Fast kontaktperson"),
        ],
        make_serviceniveau(forord="Jeg er stolt af at kunne præsentere serviceniveauet."),
    )


def comparison(b_revision: Revision | None = None) -> Comparison:
    return compare(snapshot_a(), snapshot_b(b_revision))


def draft_comparison() -> Comparison:
    return comparison(draft(dt.datetime(2026, 4, 3, 10, 0, tzinfo=dt.UTC)))
