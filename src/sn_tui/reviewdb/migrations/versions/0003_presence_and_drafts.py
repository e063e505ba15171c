"""Schema version 0003: presence (who has which indsats open) and drafts (unsaved edits)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presence",
        sa.Column("session_id", sa.String(64), primary_key=True),
        sa.Column("login", sa.String(100), nullable=False),
        sa.Column("host", sa.String(200), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("indsats_id", sa.String(200), nullable=True),
        sa.Column("editing", sa.Boolean(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_presence_indsats", "presence", ["indsats_id", "heartbeat_at"])
    op.create_table(
        "draft",
        sa.Column("login", sa.String(100), primary_key=True),
        sa.Column("indsats_id", sa.String(200), primary_key=True),
        sa.Column("base_commit", sa.String(64), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("draft")
    op.drop_index("ix_presence_indsats", table_name="presence")
    op.drop_table("presence")
