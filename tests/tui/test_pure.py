"""The TUI's pure helpers: conflict resolution, the form, overview rows, safe text, catalogues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from tui_support import INDSATSER, indsats_text

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.runner import CheckReport
from sn_tui.domain.document import Document
from sn_tui.domain.edits import (
    BUDGET,
    FAGGRUPPER,
    TITEL,
    apply_edits,
    meta_inputs,
    parse_meta_inputs,
)
from sn_tui.domain.entry import Indsats
from sn_tui.domain.merge import MergeConflict, merge_documents
from sn_tui.domain.overview import OverviewRow, build_rows, matches, short_lovhjemmel
from sn_tui.domain.resolve import resolve_conflicts
from sn_tui.i18n import catalogue, resolve_language, set_language, t
from sn_tui.tui.safe_text import ShowControlCharacters, visible
from sn_tui.tui.widgets.findings_list import check_summary
from sn_tui.tui.widgets.indsats_list import PROBLEMS, fit, problems_text

SRC = Path(__file__).resolve().parents[2] / "src" / "sn_tui"
BASE = indsats_text(*INDSATSER[1]).encode()


def edited(data: bytes, **fields: str) -> bytes:
    doc = Document.parse(data)
    for name, text in fields.items():
        doc = doc.with_field(name.replace("_", " "), text)
    return doc.to_bytes()


def test_resolution_keeps_both_sides_other_changes() -> None:
    mine = edited(BASE, Formål="Min.", Tildeling="Min tildeling.")
    theirs = edited(BASE, Formål="Deres.", Indhold="Deres indhold.")
    with pytest.raises(MergeConflict):
        merge_documents(BASE, mine, theirs)
    for choice in ("Min.", "Deres.", "Noget tredje."):
        result = resolve_conflicts(BASE, mine, theirs, {"Formål": choice})
        assert result is not None
        doc = Document.parse(result)
        assert doc.field("Formål") == choice
        assert doc.field("Tildeling") == "Min tildeling."
        assert doc.field("Indhold") == "Deres indhold."


def test_resolution_of_a_frontmatter_key_and_a_deleted_file() -> None:
    mine = Document.parse(BASE).with_meta("titel", "Min titel").to_bytes()
    theirs = Document.parse(BASE).with_meta("titel", "Deres titel").to_bytes()
    result = resolve_conflicts(BASE, mine, theirs, {"frontmatter:titel": "Deres titel"})
    assert result == theirs
    assert resolve_conflicts(BASE, mine, None, {"(hele filen)": None}) is None
    assert resolve_conflicts(BASE, mine, None, {"(hele filen)": mine.decode()}) == mine


def test_form_parses_danish_numbers_and_checks_groups() -> None:
    texts = meta_inputs(Document.parse(BASE).meta)
    assert texts[FAGGRUPPER] == "myndighed, ppr"
    values, problems = parse_meta_inputs({**texts, BUDGET: "5.100.000"}, ["myndighed", "ppr"])
    assert values[BUDGET] == 5100000 and not problems
    _values, problems = parse_meta_inputs(
        {**texts, BUDGET: "mange", FAGGRUPPER: "ppr bager", TITEL: " "}, ["myndighed", "ppr"]
    )
    assert problems == {
        TITEL: ("required", ""),
        FAGGRUPPER: ("unknown_group", "bager"),
        BUDGET: ("not_int", "mange"),
    }


def test_apply_edits_leaves_an_untouched_file_byte_for_byte() -> None:
    doc = Document.parse(BASE)
    assert apply_edits(doc, {"Formål": doc.field("Formål") or ""}, {}).to_bytes() == BASE
    changed = apply_edits(doc, {}, {BUDGET: 1}).to_bytes()
    assert changed == BASE.replace(b"budget_kr: 4500000", b"budget_kr: 1")


def test_rows_filter_and_short_lovhjemmel() -> None:
    items = [Indsats.parse(indsats_text(*spec), f"indsatser/{spec[0]}.md") for spec in INDSATSER]
    rows = build_rows(items, None)
    assert {r.changed for r in rows} == {"nothing-adopted"}
    assert [r.id for r in rows if matches(r, "KONTAKT person")] == ["fast-kontaktperson"]
    assert (
        short_lovhjemmel("\n- **§ 32, stk. 1** i barnets lov\nmere")
        == "§ 32, stk. 1** i barnets lov"
    )


def test_control_characters_become_visible_without_widening_the_line() -> None:
    assert visible("a\x1b[31mb\x07\x7f\x9b") == "a␛[31mb␇␡\ufffd"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"
    line = [Segment("│"), Segment("x\x1b[2Jy"), Segment("      "), Segment("│")]
    out = ShowControlCharacters().apply(line, Color(0, 0, 0))
    assert "".join(s.text for s in out) == "│x␛[2Jy     │"


def test_every_key_used_exists() -> None:
    """A key asked for with `count=` names a table of forms: `key.one`, `key.other`."""
    da = catalogue("da")
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+(?:\.[a-z_]+)+)"', text))
    from sn_tui.tui import keys

    used |= {spec.label for specs in keys.SCOPES.values() for spec in specs}
    assert {key for key in used if key not in da and f"{key}.other" not in da} == set()


@pytest.mark.parametrize(
    ("errors", "warnings", "shown"),
    [(7, 1, "7 fejl 1 adv."), (0, 1, "1 adv."), (1, 0, "1 fejl"), (0, 0, "–")],
)
def test_the_problems_column_keeps_two_counts_apart(errors: int, warnings: int, shown: str) -> None:
    row = OverviewRow("a", "indsatser/a.md", "A", "", "", "nej", errors, warnings)
    errors_part, warnings_part = problems_text(row)
    assert errors_part + fit(warnings_part, PROBLEMS - cell_len(errors_part)) == shown.ljust(
        PROBLEMS
    )


def test_the_check_line_says_one_warning_in_the_singular() -> None:
    finding = Finding("indsatser/a.md", 3, "warning", "vurdering-phrase", "Formuleringen …")
    shown = check_summary(CheckReport([finding]), "indsatser/a.md").plain
    assert shown.startswith("Tjek: 0 fejl, 1 advarsel")
    two = check_summary(CheckReport([finding, finding]), "indsatser/a.md").plain
    assert two.startswith("Tjek: 0 fejl, 2 advarsler")


def test_language_choice() -> None:
    assert resolve_language("en") == "en"
    assert resolve_language("fr") == "da"
    try:
        set_language("en")
        assert t("keys.save") == "Save"
    finally:
        set_language("da")
    assert t("keys.save") == "Gem"
