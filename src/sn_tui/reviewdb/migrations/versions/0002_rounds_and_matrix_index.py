"""Schema version 0002: review rounds, and a covering index for the review matrix.

The matrix asks, per (indsats, faggruppe), for the ids of the latest decision and the latest
approval; the index answers that without touching the table. It starts with `indsats_id`, so it
replaces the plain index of 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_review_matrix",
        "review",
        ["indsats_id", "faggruppe", "verdict", "id"],
    )
    op.drop_index("ix_review_indsats", table_name="review")
    op.create_table(
        "review_round",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
    )
    for name, column, length in (
        ("review_round_group", "faggruppe", 100),
        ("review_round_indsats", "indsats_id", 200),
    ):
        op.create_table(
            name,
            sa.Column(
                "round_id",
                sa.Integer(),
                sa.ForeignKey("review_round.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column(column, sa.String(length), primary_key=True),
        )


def downgrade() -> None:
    op.drop_table("review_round_indsats")
    op.drop_table("review_round_group")
    op.drop_table("review_round")
    op.create_index("ix_review_indsats", "review", ["indsats_id"])
    op.drop_index("ix_review_matrix", table_name="review")
