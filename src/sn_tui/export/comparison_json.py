"""A comparison as JSON, in the documented, versioned shape of `schemas/comparison.schema.json`.

Keys are English and stable; the `label` and `display` strings are the Danish wording a program
may show as is. Output is deterministic: same two versions, same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import cast

from sn_tui.domain.datagrundlag.table import Row
from sn_tui.domain.diff.compare import percent_change
from sn_tui.domain.diff.text import section_names
from sn_tui.domain.diff.types import (
    Comparison,
    FieldChange,
    IndsatsChange,
    JsonValue,
    MetaChange,
    Op,
)
from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import FIELDS
from sn_tui.domain.snapshot import Revision
from sn_tui.domain.unreadable import Unreadable
from sn_tui.export.common import describe_meta, meta_label
from sn_tui.export.jsonfmt import dumps_indented

SCHEMA_VERSION = 1


def render_json(comp: Comparison) -> str:
    return dumps_indented(comparison_data(comp)) + "\n"


def schema() -> dict[str, JsonValue]:
    """The JSON Schema (2020-12) that `render_json`'s output satisfies."""
    from importlib import resources  # ~6 ms of import (tempfile, shutil): only when asked

    text = resources.files("sn_tui.export").joinpath("schemas/comparison.schema.json").read_text()
    data: dict[str, JsonValue] = json.loads(text)
    return data


def comparison_data(comp: Comparison) -> dict[str, JsonValue]:
    data = _comparison_data(comp)
    if comp.datagrundlag_a or comp.datagrundlag_b:  # each side's numbers, for a BI tool
        data["datagrundlag"] = {
            "a": _years(comp.datagrundlag_a),
            "b": _years(comp.datagrundlag_b),
        }
    return data


def _years(years: Mapping[int, Sequence[Row]]) -> JsonValue:
    return {str(y): [cast("JsonValue", r.to_json()) for r in rows] for y, rows in years.items()}


def _comparison_data(comp: Comparison) -> dict[str, JsonValue]:
    s = comp.summary
    data: dict[str, JsonValue] = {
        "schema_version": SCHEMA_VERSION,
        "kommune": comp.kommune,
        "titel": comp.titel,
        "a": _revision(comp.a),
        "b": _revision(comp.b),
        "summary": {
            "added": s.added,
            "removed": s.removed,
            "changed": s.changed,
            "unchanged": s.unchanged,
            "economy": {
                "budget_kr": _total(s.before.budget_kr, s.after.budget_kr),
                "forventet_antal": _total(s.before.forventet_antal, s.after.forventet_antal),
            },
        },
        "document": None
        if comp.document is None
        else {
            "meta": _metas(comp.document.meta),
            "sections": _fields(comp.document.sections),
        },
        "changed": [_changed(c) for c in comp.changed],
        "added": [_indsats(i) for i in comp.added],
        "removed": [_indsats(i) for i in comp.removed],
        "unchanged": [i.id for i in comp.unchanged],
    }
    if comp.unreadable_a or comp.unreadable_b:  # only then: a clean comparison stays as it was
        data["unreadable"] = {
            "a": [_unreadable(u) for u in comp.unreadable_a],
            "b": [_unreadable(u) for u in comp.unreadable_b],
        }
    return data


def _unreadable(problem: Unreadable) -> dict[str, JsonValue]:
    return {
        "path": problem.path,
        "line": problem.line,
        "code": problem.code,
        "message": problem.message,
    }


def _revision(rev: Revision) -> dict[str, JsonValue]:
    adoption = rev.adoption
    return {
        "name": rev.name,
        "label": rev.label,
        "commit": rev.commit,
        "committed": rev.committed.isoformat() if rev.committed else None,
        "adoption": None
        if adoption is None
        else {
            "tag": adoption.tag,
            "date": adoption.date.isoformat(),
            "vedtaget_af": adoption.vedtaget_af,
            "moededato": adoption.moededato.isoformat() if adoption.moededato else None,
            "udvalg": adoption.udvalg,
            "dagsordenpunkt": adoption.dagsordenpunkt,
            "ikraft": adoption.ikraft.isoformat() if adoption.ikraft else None,
        },
    }


def _total(before: int, after: int) -> dict[str, JsonValue]:
    percent = percent_change(before, after)
    return {
        "before": before,
        "after": after,
        "difference": after - before,
        "percent": None if percent is None else round(percent, 1),
    }


def _metas(changes: Sequence[MetaChange]) -> list[JsonValue]:
    return [
        {
            "key": c.key,
            "label": meta_label(c.key),
            "change": c.kind,
            "before": c.before,
            "after": c.after,
            "added_items": list(c.added_items),
            "removed_items": list(c.removed_items),
            "display": describe_meta(c),
        }
        for c in changes
    ]


def _fields(changes: Sequence[FieldChange]) -> list[JsonValue]:
    return [{"name": f.name, "ops": _ops(f.ops)} for f in changes]


def _ops(ops: Sequence[Op]) -> list[JsonValue]:
    out: list[JsonValue] = []
    for op in ops:
        item: dict[str, JsonValue] = {"op": op.kind, "text": op.text}
        if op.move is not None:
            ref = op.move
            item["move"] = {"id": ref.id, "section": ref.section, "paragraph": ref.paragraph}
        if op.changes:
            item["changes"] = _ops(op.changes)
        out.append(item)
    return out


def _changed(change: IndsatsChange) -> dict[str, JsonValue]:
    return {
        "id": change.id,
        "titel": change.after.titel,
        "kategori": change.after.kategori,
        "path_before": change.before.path,
        "path_after": change.after.path,
        "meta": _metas(change.meta),
        "fields": _fields(change.fields),
    }


def _indsats(indsats: Indsats) -> dict[str, JsonValue]:
    names = section_names(FIELDS, indsats.fields)
    return {
        "id": indsats.id,
        "path": indsats.path,
        "titel": indsats.titel,
        "kategori": indsats.kategori,
        "faggrupper": list(indsats.faggrupper),
        "budget_kr": indsats.budget_kr,
        "forventet_antal": indsats.forventet_antal,
        "fields": [{"name": n, "text": indsats.fields.get(n, "")} for n in names],
    }
