"""Schema version 0001: the review table.

A frozen snapshot: never edit a released migration, add a new one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("indsats_id", sa.String(200), nullable=False),
        sa.Column("faggruppe", sa.String(100), nullable=False),
        sa.Column("login", sa.String(100), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("comment", sa.String(), nullable=False),
        sa.Column("blob", sa.String(64), nullable=False),
        sa.Column("commit", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "verdict IN ('approved', 'changes_requested', 'comment')", name="ck_review_verdict"
        ),
    )
    op.create_index("ix_review_indsats", "review", ["indsats_id"])


def downgrade() -> None:
    op.drop_table("review")
