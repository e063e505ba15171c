"""Comparisons as text, Markdown, HTML and JSON: what the committee and other programs get."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from export_fixtures import MOVED_EDITED, NEW_INDHOLD, SCRIPT, comparison, draft_comparison
from sn_tui.domain.danish import format_kr, format_number
from sn_tui.export import COMPARISON_FORMATS, UnknownFormat, render_comparison
from sn_tui.export.common import format_change, format_percent, format_total_change
from sn_tui.export.comparison_json import schema

ANSI = re.compile(r"\x1b\[[0-9;]*m")


# --------------------------------------------------------------------------- money and percent
@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (4_500_000, 5_000_000, "4.500.000 kr. → 5.000.000 kr., +11 %"),
        (5_000_000, 4_850_000, "5.000.000 kr. → 4.850.000 kr., -3 %"),
        (1_000_000, 1_004_000, "1.000.000 kr. → 1.004.000 kr., +0,4 %"),
        (0, 250_000, "0 kr. → 250.000 kr."),
    ],
)
def test_money_changes_are_written_the_danish_way(before: int, after: int, expected: str) -> None:
    assert format_change(before, after, money=True) == expected


def test_totals_show_the_difference_in_kroner_and_per_cent() -> None:
    assert format_total_change(9_000_000, 7_000_000, money=True) == (
        "9.000.000 kr. → 7.000.000 kr. (-2.000.000 kr., -22 %)"
    )
    assert format_total_change(80, 80, money=False) == "80 → 80"
    assert format_percent(None) == ""


# --------------------------------------------------------------------------- all formats
# A PDF from LibreOffice embeds its font subsets differently each run; its pages are checked
# by their text (test_paper_documents, the golden PDF text) instead of its bytes.
@pytest.mark.parametrize("fmt", [f for f in COMPARISON_FORMATS if f != "pdf"])
def test_every_format_is_deterministic(fmt: str) -> None:
    assert render_comparison(comparison(), fmt) == render_comparison(comparison(), fmt)


def test_an_unknown_format_is_refused_in_danish() -> None:
    with pytest.raises(UnknownFormat, match="Ukendt format: odt"):
        render_comparison(comparison(), "odt")


# --------------------------------------------------------------------------- text
def test_plain_text_has_summary_first_and_wdiff_markers() -> None:
    text = render_comparison(comparison(), "text").decode()
    assert not ANSI.search(text)
    assert text.startswith("Sammenligning af vedtaget 12. marts 2025 og vedtaget 12. marts 2026\n")
    assert text.index("Resumé") < text.index("Ændrede indsatser")
    assert "vedtaget 12. marts 2025" in text and "vedtaget 12. marts 2026" in text
    assert "Budget:" in text and "4.500.000 kr. → 5.000.000 kr., +11 %" in text
    assert "Økonomi i alt:" in text
    assert "Samtaler med {+**hele** +}familien" in text
    assert "{+Aflastning for familien" in text  # the added indsats, all inserted
    assert "[-At styrke familiens samlede trivsel.-]" in text  # the removed one, all deleted
    assert "(Flyttet hertil fra Formål, afsnit 2)" in text
    assert "[-tre-]{+seks+}" in text


def test_coloured_text_uses_ansi_and_no_markers() -> None:
    text = render_comparison(comparison(), "text", color=True).decode()
    assert "\x1b[4;32m" in text and "\x1b[9;31m" in text
    assert "{+" not in text and "[-" not in text
    assert ANSI.sub("", text).count("Familiebehandling") == 1


def test_no_differences_are_said_plainly() -> None:
    from diff_builders import draft, make_snapshot
    from export_fixtures import snapshot_a
    from sn_tui.domain.diff.compare import compare

    a = snapshot_a()
    same = compare(a, make_snapshot(draft(), a.indsatser.values(), a.serviceniveau))
    text = render_comparison(same, "text").decode()
    assert "Ingen forskelle mellem de to versioner." in text


# --------------------------------------------------------------------------- Markdown
def test_markdown_marks_changes_and_escapes_html() -> None:
    md = render_comparison(comparison(), "md").decode()
    assert md.startswith("# Sammenligning af vedtaget 12. marts 2025 og vedtaget 12. marts 2026")
    assert "Samtaler med <ins>**hele** </ins>familien" in md
    assert "- <ins>Forældrekursus</ins>" in md  # the list marker stays outside the tag
    assert "<script>" not in md and "&lt;script>" in md
    assert "| **Budget** | 4.500.000 kr. → 5.000.000 kr., +11 % |" in md


# --------------------------------------------------------------------------- HTML
def test_html_is_one_self_contained_print_ready_file() -> None:
    html = render_comparison(comparison(), "html").decode()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="da">' in html
    assert "@media print" in html and "break-before: page" in html
    assert not re.search(r"<(script|link|img)\b|src=|@import|url\(", html)
    title = "Sammenligning af vedtaget 12. marts 2025 og vedtaget 12. marts 2026"
    assert f"<title>{title}</title>" in html
    assert html.index("Resumé") < html.index("Ændrede indsatser")
    assert "vedtaget 12. marts 2026" in html


def test_html_marks_changes_without_relying_on_colour() -> None:
    html = render_comparison(comparison(), "html").decode()
    assert re.search(r"ins \{[^}]*text-decoration: underline", html)
    assert re.search(r"del \{[^}]*text-decoration: line-through", html)
    assert "<ins>seks</ins>" in html and "<del>tre</del>" in html
    assert 'class="flyttet"' in html
    # both ends of the move link to each other
    assert 'id="flyt-familiebehandling-1-til" href="#flyt-familiebehandling-1-fra"' in html
    assert 'id="flyt-familiebehandling-1-fra" href="#flyt-familiebehandling-1-til"' in html


def test_html_escapes_script_in_field_text() -> None:
    html = render_comparison(comparison(), "html").decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


# --------------------------------------------------------------------------- JSON
def load(comp_fmt: bytes) -> dict[str, object]:
    data: dict[str, object] = json.loads(comp_fmt)
    return data


@pytest.mark.parametrize("make", [comparison, draft_comparison])
def test_json_matches_its_schema(make: object) -> None:
    assert callable(make)
    data = load(render_comparison(make(), "json"))
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
    assert data["schema_version"] == 1


def test_json_ops_rebuild_the_new_text() -> None:
    data = json.loads(render_comparison(comparison(), "json"))
    [changed] = data["changed"]
    fields = {f["name"]: f["ops"] for f in changed["fields"]}
    after = "".join(
        op["text"] for op in fields["Indhold"] if op["op"] in ("equal", "insert", "moved-to")
    )
    assert after == NEW_INDHOLD
    [moved] = [op for op in fields["Indhold"] if op["op"] == "moved-to"]
    assert moved["text"] == MOVED_EDITED
    assert moved["move"] == {"id": 1, "section": "Formål", "paragraph": 2}


def test_json_summary_and_money() -> None:
    data = json.loads(render_comparison(comparison(), "json"))
    summary = data["summary"]
    assert (summary["added"], summary["removed"], summary["changed"], summary["unchanged"]) == (
        1,
        1,
        1,
        1,
    )
    assert summary["economy"]["budget_kr"] == {
        "before": 13_500_000,
        "after": 11_500_000,
        "difference": -2_000_000,
        "percent": -14.8,
    }
    [budget] = [m for m in data["changed"][0]["meta"] if m["key"] == "økonomi.budget_kr"]
    assert budget["display"] == "4.500.000 kr. → 5.000.000 kr., +11 %"
    assert data["unchanged"] == ["kontaktperson"]
    assert data["b"]["adoption"]["vedtaget_af"] == "Søren Ærø <soren@example.dk>"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text() | st.integers(), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_the_fast_json_writer_writes_what_json_dumps_writes(value: object) -> None:
    from sn_tui.export.jsonfmt import dumps_indented

    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_amounts_round_a_half_away_from_zero_as_a_spreadsheet_does() -> None:
    """12.345,50 kr. is 12.346 kr. in Excel and in the committee's paper (Python's `round`
    would give 12.344 for 12.344,50)."""
    assert format_kr(Decimal("12344.50")) == "12.345 kr."
    assert format_kr(2.5) == "3 kr." and format_kr(-2.5) == "-3 kr."
    assert format_number(0.5) == "1" and format_number(Decimal("1428.5")) == "1.429"
    assert format_percent(2.5) == "+3 %" and format_percent(-2.5) == "-3 %"
    assert format_percent(0.25) == "+0,3 %" and format_percent(-0.05) == "-0,1 %"
