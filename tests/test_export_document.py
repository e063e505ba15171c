"""The whole serviceniveau at one version, in the template's form, as Markdown, HTML and Word."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import docx
import pytest

from diff_builders import adopted, make_indsats, make_serviceniveau, make_snapshot
from sn_tui.domain.fields import FIELDS
from sn_tui.domain.snapshot import Snapshot
from sn_tui.export import DOCUMENT_FORMATS, UnknownFormat, render_document

RICH = "Familien får **intensiv** støtte.\n\n- Hjemmebesøg\n- Netværksmøder\n\n<script>x()</script>"


def snapshot() -> Snapshot:
    return make_snapshot(
        adopted(dt.date(2026, 3, 12)),
        [
            make_indsats("zz", titel="Øvrig støtte", kategori="Øvrige indsatser"),
            make_indsats("fb", titel="Familiebehandling", fields={"Indhold": RICH}),
            make_indsats("an", titel="Anbringelse i plejefamilie", kategori="Anbringelse"),
            make_indsats("ak", titel="Aflastning", kategori="Zebra", budget_kr=None),
        ],
        make_serviceniveau(
            forord="Jeg er **glad** for at præsentere serviceniveauet.",
            principper="- Tidlig indsats\n- Sammenhæng på tværs",
            kommune="Eksempel Kommune",
        ),
    )


# A PDF from LibreOffice embeds its font subsets differently each run; its pages are checked
# by their text (test_paper_documents, the golden PDF text) instead of its bytes.
@pytest.mark.parametrize("fmt", [f for f in DOCUMENT_FORMATS if f != "pdf"])
def test_every_format_is_deterministic(fmt: str) -> None:
    assert render_document(snapshot(), fmt) == render_document(snapshot(), fmt)


def test_json_is_not_a_document_format() -> None:
    with pytest.raises(UnknownFormat, match="Vælg mellem md, html, docx"):
        render_document(snapshot(), "json")


def test_markdown_follows_the_template() -> None:
    md = render_document(snapshot(), "md").decode()
    headings = re.findall(r"^(#+) (.*)$", md, flags=re.M)
    assert headings == [
        ("#", "Serviceniveau for børn og unge med særlige behov"),
        ("##", "Forord"),
        ("##", "Principper for indsatsen"),
        ("##", "Indsatser"),
        ("###", "Anbringelse"),
        ("####", "Anbringelse i plejefamilie"),
        ("###", "Støttende indsatser"),
        ("####", "Familiebehandling"),
        ("###", "Zebra"),
        ("####", "Aflastning"),
        ("###", "Øvrige indsatser"),  # Ø after Z, the Danish way
        ("####", "Øvrig støtte"),
    ]
    table = md[md.index("#### Familiebehandling") :].split("\n\n")[1].splitlines()
    assert table[0] == "| Felt | Beskrivelse |"
    assert [row.split(" | ")[0].strip("| *") for row in table[2:]] == list(FIELDS)
    assert "Familien får **intensiv** støtte.<br><br>• Hjemmebesøg<br>• Netværksmøder" in md
    assert "<script>" not in md
    assert "vedtaget 12. marts 2026" in md
    assert (
        "Økonomisk ramme: 4.500.000 kr. til forventet 40 børn og unge (112.500 kr. pr. barn)" in md
    )


def test_html_renders_markdown_and_escapes_raw_html() -> None:
    html = render_document(snapshot(), "html").decode()
    assert "<strong>intensiv</strong>" in html
    assert "<ul>\n<li>Hjemmebesøg</li>\n<li>Netværksmøder</li>\n</ul>" in html
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert html.count('<table class="felter">') == 4
    section = html[html.index("Familiebehandling</h4>") :]
    rows = re.findall(r'<th scope="row">([^<]+)</th>', section.split("</table>")[0])
    assert rows == list(FIELDS)
    assert "@media print" in html


def word(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def test_word_document_has_the_eight_field_table_per_indsats() -> None:
    document = word(render_document(snapshot(), "docx"))
    field_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Felt"]
    assert len(field_tables) == 4
    for table in field_tables:
        assert [row.cells[0].text for row in table.rows[1:]] == list(FIELDS)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == ["Forord", "Principper for indsatsen", "Indsatser", "Anbringelse"]
    assert document.paragraphs[0].text == "Serviceniveau for børn og unge med særlige behov"
    assert document.core_properties.language == "da-DK"


def test_word_document_keeps_bold_and_bullets() -> None:
    document = word(render_document(snapshot(), "docx"))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Tidlig indsats", "Sammenhæng på tværs"]
    [table] = [t for t in document.tables if "Familiebehandling" in _preceding_heading(document, t)]
    cell = table.rows[FIELDS.index("Indhold") + 1].cells[1]
    styles = [p.style.name for p in cell.paragraphs]
    assert styles == ["Normal", "List Bullet", "List Bullet", "Normal"]
    runs = [(r.text, bool(r.bold)) for r in cell.paragraphs[0].runs]
    assert ("intensiv", True) in runs
    assert cell.paragraphs[3].text == "<script>x()</script>"  # shown as text, never run


def _preceding_heading(document: Any, table: Any) -> str:
    heading = ""
    for block in document.iter_inner_content():
        if block is table or (hasattr(block, "_tbl") and block._tbl is table._tbl):
            return heading
        if hasattr(block, "style") and block.style.name.startswith("Heading"):
            heading = block.text
    return heading


def test_a_version_without_serviceniveau_md_still_exports() -> None:
    bare = Snapshot(snapshot().revision, None, snapshot().indsatser)
    md = render_document(bare, "md").decode()
    assert md.startswith("# Serviceniveau for børn og unge med særlige behov\n")
    assert "## Forord" not in md
