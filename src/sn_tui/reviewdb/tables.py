"""The review database's tables, as SQLModel classes (the schema at the newest migration).

A `Review` row is written once and never updated or deleted: the history of who judged which
text is the point. Rounds (høringsrunder) are the only rows that change, when they are closed.
Each migration in `migrations/versions/` freezes the schema of its time; when a table here
changes, add a migration (see `sn_tui.reviewdb.migrate`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import CheckConstraint, DateTime, Index, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel

from sn_tui.domain.reviews.records import Verdict
from sn_tui.reviewdb.clock import utc_now

LOGIN_LEN = 100
GROUP_LEN = 100
INDSATS_LEN = 200
BLOB_LEN = 64  # SHA-1 ids are 40 hex digits, SHA-256 ones 64


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive, in UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


_VERDICTS = ", ".join(f"'{v.value}'" for v in Verdict)


class Review(SQLModel, table=True):
    """One verdict by one person, for one faggruppe, on one exact text (a Git blob)."""

    __tablename__: ClassVar[Any] = "review"
    __table_args__: ClassVar[Any] = (
        # Covers the matrix query: the latest decision and approval ids per (indsats, group).
        Index("ix_review_matrix", "indsats_id", "faggruppe", "verdict", "id"),
        CheckConstraint(f"verdict IN ({_VERDICTS})", name="ck_review_verdict"),
    )

    id: int | None = Field(default=None, primary_key=True)  # increasing: higher is newer
    indsats_id: str = Field(max_length=INDSATS_LEN)
    faggruppe: str = Field(max_length=GROUP_LEN)
    login: str = Field(max_length=LOGIN_LEN)
    verdict: str = Field(max_length=20)  # a `Verdict` code
    comment: str = Field(default="", sa_type=String)
    blob: str = Field(max_length=BLOB_LEN)  # the Git blob id of the indsats file judged
    commit: str = Field(max_length=BLOB_LEN)  # the commit the reviewer was looking at
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class ReviewRound(SQLModel, table=True):
    """A høringsrunde: every covered faggruppe is asked to sign off every covered indsats."""

    __tablename__: ClassVar[Any] = "review_round"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    deadline: dt.date
    created_by: str = Field(max_length=LOGIN_LEN)
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    closed_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_by: str | None = Field(default=None, max_length=LOGIN_LEN)


class ReviewRoundGroup(SQLModel, table=True):
    """A faggruppe a round covers; a round with none covers every group."""

    __tablename__: ClassVar[Any] = "review_round_group"

    round_id: int = Field(foreign_key="review_round.id", primary_key=True, ondelete="CASCADE")
    faggruppe: str = Field(max_length=GROUP_LEN, primary_key=True)


class ReviewRoundIndsats(SQLModel, table=True):
    """An indsats a round covers; a round with none covers every indsats."""

    __tablename__: ClassVar[Any] = "review_round_indsats"

    round_id: int = Field(foreign_key="review_round.id", primary_key=True, ondelete="CASCADE")
    indsats_id: str = Field(max_length=INDSATS_LEN, primary_key=True)


class Presence(SQLModel, table=True):
    """One running session: who, on which host, looking at (or editing) which indsats.

    Sessions beat every few seconds; a row whose heartbeat is old belongs to a session that
    died (a dropped SSH connection, a killed process) and is not shown.
    """

    __tablename__: ClassVar[Any] = "presence"
    __table_args__: ClassVar[Any] = (Index("ix_presence_indsats", "indsats_id", "heartbeat_at"),)

    session_id: str = Field(primary_key=True, max_length=64)
    login: str = Field(max_length=LOGIN_LEN)
    host: str = Field(default="", max_length=200)
    pid: int = 0
    indsats_id: str | None = Field(default=None, max_length=INDSATS_LEN)
    editing: bool = False  # has unsaved changes
    since: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)  # opened it
    heartbeat_at: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class Draft(SQLModel, table=True):
    """A person's unsaved edit of one indsats, the whole file's text, written every few seconds
    so that a crash or a dropped connection loses at most the last seconds of typing."""

    __tablename__: ClassVar[Any] = "draft"

    login: str = Field(primary_key=True, max_length=LOGIN_LEN)
    indsats_id: str = Field(primary_key=True, max_length=INDSATS_LEN)
    base_commit: str = Field(max_length=BLOB_LEN)  # the commit the edit began from
    content: str = Field(sa_type=String)
    updated_at: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
