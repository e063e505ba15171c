"""The Word comparison: real tracked changes the committee secretary can accept or reject."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import example, given, settings

from diff_builders import DEFAULT_FIELDS, draft, make_snapshot
from diff_strategies import Structure, edited, indsats
from export_fixtures import NEW_INDHOLD, OLD_INDHOLD, comparison, draft_comparison, snapshot_a
from sn_tui.domain.diff.compare import compare
from sn_tui.domain.fields import FIELDS
from sn_tui.export import render_comparison

W_INS, W_DEL, W_P, W_R = qn("w:ins"), qn("w:del"), qn("w:p"), qn("w:r")


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def cells_by_heading(document: Any) -> dict[tuple[str, str], Any]:
    """(indsats or section heading, field name) -> the cell element holding that field's text."""
    found: dict[tuple[str, str], Any] = {}
    heading = ""
    for block in document.iter_inner_content():
        if hasattr(block, "style") and block.style.name.startswith("Heading"):
            heading = block.text
        elif hasattr(block, "rows"):
            for row in block.rows:
                found[(heading, row.cells[0].text)] = row.cells[1]._tc
    return found


def resolve(cell: Any, *, accept: bool) -> str:
    """The cell's text after accepting (or rejecting) every tracked change, one line per
    paragraph; a paragraph whose mark is removed runs on into the next."""
    out = ""
    paragraphs = cell.findall(W_P)
    for k, p in enumerate(paragraphs):
        for child in p:
            if child.tag == W_R or (child.tag == W_INS and accept):
                out += "".join(t.text or "" for t in child.iter(qn("w:t")))
            elif child.tag == W_DEL and not accept:
                out += "".join(t.text or "" for t in child.iter(qn("w:delText")))
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        removed_mark = mark is not None and (
            (accept and mark.find(W_DEL) is not None)
            or (not accept and mark.find(W_INS) is not None)
        )
        if k < len(paragraphs) - 1 and not removed_mark:
            out += "\n"
    return out


def lines_of(text: str) -> str:
    """Text as Word shows it: blank lines between paragraphs are paragraph spacing, and the
    Markdown's marks (list markers, headings' #, bold's **) are drawn, not written."""
    shown = (_MARKER.sub("", line).replace("**", "") for line in text.split("\n"))
    return re.sub(r"\n+", "\n", "\n".join(shown)).strip("\n")


_MARKER = re.compile(r"^[ \t]*(?:#{1,6}|[-*+]|\d{1,9}[.)])[ \t]+")


def tracked(document: Any) -> Iterator[Any]:
    body = document.element.body
    yield from body.iter(W_INS)
    yield from body.iter(W_DEL)


def test_changes_are_tracked_and_signed_by_the_adopter_of_version_b() -> None:
    document = open_docx(render_comparison(comparison(), "docx", author="ignored"))
    changes = list(tracked(document))
    assert changes
    assert {c.get(qn("w:author")) for c in changes} == {"Søren Ærø"}
    assert {c.get(qn("w:date")) for c in changes} == {"2026-03-12T00:00:00Z"}
    ids = [c.get(qn("w:id")) for c in changes]
    assert len(ids) == len(set(ids))
    body = document.element.body
    for deletion in body.iter(W_DEL):
        if deletion.getparent().tag == qn("w:rPr"):
            continue  # a deleted paragraph mark holds no text
        assert deletion.findall(f".//{qn('w:t')}") == []
        assert deletion.findall(f".//{qn('w:delText')}")


def test_a_draft_is_signed_by_the_name_passed_in() -> None:
    document = open_docx(render_comparison(draft_comparison(), "docx", author="Jens Hansen"))
    assert {c.get(qn("w:author")) for c in tracked(document)} == {"Jens Hansen"}
    assert {c.get(qn("w:date")) for c in tracked(document)} == {"2026-04-03T10:00:00Z"}


def test_accepting_all_gives_version_b_and_rejecting_all_gives_version_a() -> None:
    cells = cells_by_heading(open_docx(render_comparison(comparison(), "docx")))
    indhold = cells[("Familiebehandling", "Indhold")]
    assert resolve(indhold, accept=True) == lines_of(NEW_INDHOLD)
    assert resolve(indhold, accept=False) == lines_of(OLD_INDHOLD)
    added = cells[("Støtteophold", "Lovhjemmel")]
    assert resolve(added, accept=True) == DEFAULT_FIELDS["Lovhjemmel"]
    assert resolve(added, accept=False) == ""
    removed = cells[("Aflastning", "Formål")]
    assert resolve(removed, accept=True) == ""
    assert resolve(removed, accept=False) == DEFAULT_FIELDS["Formål"]
    forord = cells[("Forord og principper", "Forord")]
    assert resolve(forord, accept=True) == "Jeg er stolt af at kunne præsentere serviceniveauet."


def test_the_first_page_names_both_versions_and_sums_up() -> None:
    document = open_docx(render_comparison(comparison(), "docx"))
    first_page: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "paragraph_format") and block.paragraph_format.page_break_before:
            break
        if hasattr(block, "rows"):
            first_page += [cell.text for row in block.rows for cell in row.cells]
        else:
            first_page.append(block.text)
    text = "\n".join(first_page)
    assert first_page[0] == "Sammenligning af vedtaget 12. marts 2025 og vedtaget 12. marts 2026"
    assert "vedtaget 12. marts 2025" in text and "vedtaget 12. marts 2026" in text
    assert "Resumé" in text and "Økonomi i alt" in text
    assert "13.500.000 kr. → 11.500.000 kr. (-2.000.000 kr., -15 %)" in text
    assert "Familiebehandling" not in text  # the indsatser start on the next page


def test_moves_carry_a_comment_at_each_end() -> None:
    document = open_docx(render_comparison(comparison(), "docx"))
    notes = sorted(c.text for c in document.comments)
    assert notes == ["Flyttet herfra til Indhold, afsnit 5", "Flyttet hertil fra Formål, afsnit 2"]


# Found by the property test: a paragraph moved in, its old text deleted and a new paragraph
# after it; the line breaks in between were partly deleted and partly inserted.
_BREAKS_BOTH_WAYS = (
    [
        [["barnet"]],
        [],
        [],
        [["barnet", "behov", "32,", "og"]],
        [["behov", "barnet", "32,", "og"], ["barnet"]],
        [],
        [],
        [],
    ],
    [
        [["barnet", "barnet", "barnet"]],
        [],
        [],
        [["behov", "32,", "og"]],
        [["barnet", "behov", "barnet", "32,", "og"], ["§", "barnet"]],
        [],
        [],
        [],
    ],
    [False] * 8,
)


@settings(max_examples=25, deadline=None)
@given(edited())
@example(_BREAKS_BOTH_WAYS)
def test_any_edit_round_trips_through_word(case: tuple[Structure, Structure, list[bool]]) -> None:
    before, after, bullets = case
    a, b = indsats(before, bullets), indsats(after, bullets)
    comp = compare(make_snapshot(draft(), [a]), make_snapshot(draft(), [b]))
    cells = cells_by_heading(open_docx(render_comparison(comp, "docx")))
    for name in FIELDS:
        if a.fields[name] != b.fields[name]:
            cell = cells[(b.titel, name)]
            assert lines_of(resolve(cell, accept=True)) == lines_of(b.fields[name])
            assert lines_of(resolve(cell, accept=False)) == lines_of(a.fields[name])


def test_an_empty_comparison_still_makes_a_valid_document() -> None:
    a = snapshot_a()
    same = compare(a, make_snapshot(draft(), a.indsatser.values(), a.serviceniveau))
    document = open_docx(render_comparison(same, "docx"))
    assert list(tracked(document)) == []
    assert any(p.text == "Ingen forskelle mellem de to versioner." for p in document.paragraphs)


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed here, so the DOCX-to-PDF check cannot run",
)
def test_libreoffice_converts_the_comparison_to_pdf(tmp_path: Path) -> None:
    source = tmp_path / "sammenligning.docx"
    source.write_bytes(render_comparison(comparison(), "docx"))
    soffice = shutil.which("soffice")
    assert soffice is not None
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "sammenligning.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
