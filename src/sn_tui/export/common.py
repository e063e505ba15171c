"""Wording shared by every renderer: versions, money, percentages, frontmatter, moves.

The words come from the catalogue's `[export]` table (Danish unless another language is
chosen); numbers, money and dates are always written the Danish way.
"""

from __future__ import annotations

import datetime as dt
import re

from sn_tui.domain.danish import format_date, format_kr, format_number, rounded
from sn_tui.domain.diff.compare import percent_change
from sn_tui.domain.diff.types import JsonValue, MetaChange, MoveRef, Op, Summary
from sn_tui.domain.entry import Indsats
from sn_tui.domain.snapshot import Revision
from sn_tui.i18n import known, t

MONEY_SUFFIX = "_kr"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def revision_caption(rev: Revision) -> str:
    """What a version is, in one Danish line: adoption, committee, entry into force."""
    adoption = rev.adoption
    if adoption is None:
        parts = [t("export.not_adopted")]
        if rev.committed is not None:
            parts.append(t("export.committed_on", date=format_date(rev.committed)))
        return ", ".join(parts)
    parts = [t("export.adopted_on", date=format_date(adoption.date))]
    if adoption.udvalg:
        parts.append(
            t("export.adopted_by_committee", udvalg=adoption.udvalg, punkt=adoption.dagsordenpunkt)
            if adoption.dagsordenpunkt
            else adoption.udvalg
        )
    if adoption.moededato is not None and adoption.moededato != adoption.date:
        parts.append(t("export.meeting_on", date=format_date(adoption.moededato)))
    if adoption.ikraft is not None:
        parts.append(t("export.in_force_from", date=format_date(adoption.ikraft)))
    return ", ".join(parts)


def revision_name(rev: Revision) -> str:
    """A version as a reader names it: `vedtaget 22. januar 2025`, or the draft's name."""
    if rev.adoption is not None:
        return t("export.adopted_on", date=format_date(rev.adoption.date))
    return t("paper.draft_name", name=rev.name)


def revision_edition(rev: Revision) -> str:
    """Which version a page shows, for its footer: the adoption, or the draft and its date."""
    if rev.adoption is not None or rev.committed is None:
        return revision_name(rev)
    return f"{revision_name(rev)}, {t('export.committed_on', date=format_date(rev.committed))}"


def revision_datetime(rev: Revision) -> dt.datetime | None:
    """When a version came to be: its adoption date, else its commit time (never 'now')."""
    if rev.adoption is not None:
        return dt.datetime.combine(rev.adoption.date, dt.time(), tzinfo=dt.UTC)
    if rev.committed is not None:
        committed = rev.committed
        return committed if committed.tzinfo else committed.replace(tzinfo=dt.UTC)
    return None


def format_percent(value: float | None) -> str:
    """`+11 %`, `-3 %`, `+0,4 %` for small changes; empty where there is no base."""
    if value is None:
        return ""
    whole = int(rounded(value))
    if whole == 0 and value != 0:
        text = str(rounded(abs(value), 1)).replace(".", ",")
        return f"{'+' if value > 0 else '-'}{text} %"
    return f"{whole:+d} %"


def format_amount(value: int | float | None, *, money: bool) -> str:
    return format_kr(value) if money else format_number(value)


def format_change(before: float, after: float, *, money: bool) -> str:
    """`4.500.000 kr. → 5.000.000 kr., +11 %`."""
    text = f"{format_amount(before, money=money)} → {format_amount(after, money=money)}"
    percent = format_percent(percent_change(before, after))
    return f"{text}, {percent}" if percent else text


def format_total_change(before: int, after: int, *, money: bool) -> str:
    """`45.000.000 kr. → 47.000.000 kr. (+2.000.000 kr., +4 %)`."""
    text = f"{format_amount(before, money=money)} → {format_amount(after, money=money)}"
    diff = after - before
    if diff == 0:
        return text
    sign = "+" if diff > 0 else "-"
    parts = [sign + format_amount(abs(diff), money=money)]
    percent = format_percent(percent_change(before, after))
    if percent:
        parts.append(percent)
    return f"{text} ({', '.join(parts)})"


def summary_rows(summary: Summary) -> list[tuple[str, str]]:
    """The summary as (label, value) rows, in the order every format shows them."""
    return [
        (t("export.count_added"), str(summary.added)),
        (t("export.count_removed"), str(summary.removed)),
        (t("export.count_changed"), str(summary.changed)),
        (t("export.count_unchanged"), str(summary.unchanged)),
        (
            t("export.total_budget"),
            format_total_change(summary.before.budget_kr, summary.after.budget_kr, money=True),
        ),
        (
            t("export.total_antal"),
            format_total_change(
                summary.before.forventet_antal, summary.after.forventet_antal, money=False
            ),
        ),
    ]


def meta_label(key: str) -> str:
    """`økonomi.budget_kr` -> `Budget`; unknown keys are shown as written."""
    name = f"export.meta.{key}"
    return t(name) if known(name) else key


def format_value(value: JsonValue, *, money: bool = False) -> str:
    if value is None or value == "":
        return t("export.empty")
    if isinstance(value, bool):
        return t("export.yes") if value else t("export.no")
    if isinstance(value, int | float):
        return format_amount(value, money=money)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return format_date(dt.date.fromisoformat(value))
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value) or t("export.empty")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items()) or t("export.empty")
    return str(value)


def describe_meta(change: MetaChange) -> str:
    """One frontmatter change in Danish, e.g. `4.500.000 kr. → 5.000.000 kr., +11 %`."""
    money = change.key.endswith(MONEY_SUFFIX)
    if change.kind == "added":
        return t("export.meta_added", value=format_value(change.after, money=money))
    if change.kind == "removed":
        return t("export.meta_removed", value=format_value(change.before, money=money))
    before, after = change.before, change.after
    if change.added_items or change.removed_items:
        parts = []
        if change.added_items:
            parts.append(t("export.items_added", items=", ".join(change.added_items)))
        if change.removed_items:
            parts.append(t("export.items_removed", items=", ".join(change.removed_items)))
        return "; ".join(parts)
    if _is_number(before) and _is_number(after):
        assert isinstance(before, int | float) and isinstance(after, int | float)
        return format_change(before, after, money=money)
    return f"{format_value(before, money=money)} → {format_value(after, money=money)}"


def _is_number(value: JsonValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def move_note(op: Op) -> str:
    """`Flyttet herfra til Indhold, afsnit 2` / `Flyttet hertil fra Formål, afsnit 1`."""
    ref: MoveRef | None = op.move
    if ref is None:
        return ""
    key = "export.moved_to_note" if op.kind == "moved-from" else "export.moved_from_note"
    return t(key, section=ref.section, paragraph=ref.paragraph)


def economy_line(indsats: Indsats) -> str:
    """`4.500.000 kr. til forventet 40 børn og unge (112.500 kr. pr. barn)`; empty if unknown."""
    if indsats.budget_kr is None:
        return ""
    if indsats.forventet_antal is None:
        return format_kr(indsats.budget_kr)
    text = t(
        "export.economy_line",
        budget=format_kr(indsats.budget_kr),
        antal=format_number(indsats.forventet_antal),
    )
    per_child = indsats.pris_pr_barn
    if per_child is not None:
        text += f" ({t('export.economy_per_child', amount=format_kr(per_child))})"
    return text
