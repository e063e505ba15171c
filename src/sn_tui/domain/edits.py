"""An edit in progress: the form's frontmatter values and the fields' texts applied to a file.

The TUI's form shows titel, kategori, faggrupper and økonomi as text; `parse_meta_inputs`
turns that text into values (or reasons it cannot), and `apply_edits` writes only what the user
changed, so an untouched file stays byte for byte the same.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from sn_tui.domain.document import Document, normalise

TITEL, KATEGORI, FAGGRUPPER = "titel", "kategori", "faggrupper"
BUDGET, ANTAL = "økonomi.budget_kr", "økonomi.forventet_antal"
META_KEYS: tuple[str, ...] = (TITEL, KATEGORI, FAGGRUPPER, BUDGET, ANTAL)

_INT = re.compile(r"^-?\d+$")


def meta_inputs(meta: Mapping[str, Any]) -> dict[str, str]:
    """The form's texts for a file's frontmatter."""
    okonomi = meta.get("økonomi")
    okonomi = okonomi if isinstance(okonomi, dict) else {}
    groups = meta.get(FAGGRUPPER)
    if isinstance(groups, list | tuple):
        groups_text = ", ".join(str(g) for g in groups)
    else:
        groups_text = "" if groups is None else str(groups)
    return {
        TITEL: _text(meta.get(TITEL)),
        KATEGORI: _text(meta.get(KATEGORI)),
        FAGGRUPPER: groups_text,
        BUDGET: _text(okonomi.get("budget_kr")),
        ANTAL: _text(okonomi.get("forventet_antal")),
    }


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def input_meaning(key: str, text: str) -> str:
    """A form text as it will be read: `17.000.000` and `17000000` mean the same budget, so
    retyping a value the Danish way is no change."""
    text = text.strip()
    if key in (BUDGET, ANTAL):
        return text.replace(".", "").replace(" ", "")
    if key == FAGGRUPPER:
        return ", ".join(dict.fromkeys(g for g in re.split(r"[,\s]+", text) if g))
    return text


def parse_meta_inputs(
    inputs: Mapping[str, str], known_groups: Collection[str]
) -> tuple[dict[str, Any], dict[str, tuple[str, str]]]:
    """(values, problems): problems map a key to (code, detail) for the form to explain.

    Codes: "required", "not_int", "negative", "unknown_group". An empty list of known groups
    (no faggrupper.yml) accepts any group id.
    """
    values: dict[str, Any] = {}
    problems: dict[str, tuple[str, str]] = {}
    for key in (TITEL, KATEGORI):
        text = inputs.get(key, "").strip()
        if text:
            values[key] = text
        else:
            problems[key] = ("required", "")
    groups = [
        gid
        for piece in inputs.get(FAGGRUPPER, "").split(",")
        for gid in _group_ids(piece, known_groups)
    ]
    unknown = [g for g in groups if known_groups and g not in known_groups]
    if unknown:
        problems[FAGGRUPPER] = ("unknown_group", ", ".join(unknown))
    else:
        values[FAGGRUPPER] = list(dict.fromkeys(groups))
    for key in (BUDGET, ANTAL):
        text = input_meaning(key, inputs.get(key, ""))
        if not text:
            problems[key] = ("required", "")
        elif not _INT.match(text):
            problems[key] = ("not_int", inputs.get(key, "").strip())
        elif int(text) < 0:
            problems[key] = ("negative", "")
        else:
            values[key] = int(text)
    return values, problems


def _group_ids(text: str, known: Collection[str]) -> list[str]:
    """The faggrupper in one comma-separated piece: a name where `known` maps ids to names
    ("Jurister" for jura, any case), else ids separated by spaces."""
    wanted = text.strip().casefold()
    if isinstance(known, Mapping) and wanted:
        for gid, navn in known.items():
            if str(navn).casefold() == wanted:
                return [gid]
    return text.split()


def apply_edits(original: Document, fields: Mapping[str, str], meta: Mapping[str, Any]) -> Document:
    """`original` with the changed fields' texts and frontmatter values written in."""
    doc = original
    for name, text in fields.items():
        if normalise(text) != normalise(original.field(name) or ""):
            doc = doc.with_field(name, text)
    for key, value in meta.items():
        doc = doc.with_meta(key.split("."), value)
    return doc
