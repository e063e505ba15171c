"""A failure as one sentence: the store's or review layer's own Danish message, or a general one."""

from __future__ import annotations

from sn_tui.domain.errors import UserError
from sn_tui.i18n import t


def user_sentence(exc: Exception) -> str:
    if isinstance(exc, UserError):
        return str(exc)
    return t("app.unexpected", kind=type(exc).__name__)
