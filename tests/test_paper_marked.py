"""Markdown inside a comparison's word diff: marks split across changed words still render,
each side's marks are its own, and nothing a text says becomes a script or a dangerous link."""

from __future__ import annotations

import datetime as dt

from diff_builders import draft, make_indsats, make_serviceniveau, make_snapshot
from paper_docx import NS, Word, w
from sn_tui.domain.diff.compare import compare
from sn_tui.domain.diff.types import Op
from sn_tui.export import render_comparison, render_document
from sn_tui.export.html import diff_html
from sn_tui.export.marked import mark_lines
from sn_tui.export.spans import flatten, lines


def marked(*ops: Op) -> list[tuple[str, int, list[tuple[str, str, bool, bool, str]]]]:
    return [
        (m.kind, m.level, [(p.span.kind, p.text, p.bold, p.italic, p.href) for p in m.pieces])
        for m in mark_lines(lines(flatten(ops)))
        if not m.blank
    ]


def test_bold_whose_marks_sit_in_unchanged_words_covers_the_changed_word() -> None:
    found = marked(
        Op("equal", "Det er "),
        Op("delete", "**gammel"),
        Op("insert", "**ny"),
        Op("equal", " tekst**."),
    )
    assert found == [
        (
            "text",
            0,
            [
                ("equal", "Det er ", False, False, ""),
                ("delete", "gammel", True, False, ""),
                ("insert", "ny", True, False, ""),
                ("equal", " tekst", True, False, ""),
                ("equal", ".", False, False, ""),
            ],
        )
    ]


def test_bold_added_in_the_new_version_only_marks_the_new_side() -> None:
    found = marked(Op("equal", "Se "), Op("insert", "**"), Op("equal", "her"), Op("insert", "**"))
    assert found == [
        ("text", 0, [("equal", "Se ", False, False, ""), ("equal", "her", True, False, "")])
    ]


def test_headings_lists_and_links_lose_their_marks() -> None:
    found = marked(Op("equal", "### Formål\n\n1. Første\n- punkt med [link](https://x.dk)"))
    assert found == [
        ("heading", 3, [("equal", "Formål", False, False, "")]),
        ("number", 0, [("equal", "Første", False, False, "")]),
        (
            "bullet",
            0,
            [
                ("equal", "punkt med ", False, False, ""),
                ("equal", "link", False, False, "https://x.dk"),
            ],
        ),
    ]


def test_a_deleted_heading_keeps_its_kind() -> None:
    assert marked(Op("delete", "## Gammel overskrift")) == [
        ("heading", 2, [("delete", "Gammel overskrift", False, False, "")])
    ]


def test_html_diff_draws_lists_and_keeps_line_breaks_and_only_safe_links() -> None:
    html = diff_html(
        (
            Op("equal", "Med venlig hilsen\n\n"),
            Op("delete", "Anders"),
            Op("insert", "Lene"),
            Op(
                "equal",
                "\nBorgmester\n\n1. en\n2. [to](javascript:alert(1))\n3. [tre](https://x.dk)",
            ),
        ),
        "forord",
    )
    assert "<p>Med venlig hilsen</p>" in html
    assert "<p><del>Anders</del><ins>Lene</ins><br>Borgmester</p>" in html
    assert '<ol><li>en</li><li>to</li><li><a href="https://x.dk">tre</a></li></ol>' in html
    assert "javascript" not in html


def test_word_draws_a_changed_heading_bold_and_a_link_underlined() -> None:
    before = make_snapshot(
        draft(), [], make_serviceniveau(forord="### Kære læser\n\nTekst om serviceniveauet.")
    )
    after = make_snapshot(
        draft(dt.datetime(2026, 4, 3, 10, 0, tzinfo=dt.UTC)),
        [make_indsats("a", titel="A")],
        make_serviceniveau(
            forord="### Kære borger\n\nTekst om serviceniveauet. Se [siden](https://x.dk)."
        ),
    )
    word = Word(render_comparison(compare(before, after), "docx"))
    shown = word.paragraph_texts()  # each paragraph as accepted: w:t only, no w:delText
    paragraphs = dict(zip(shown, word.body.iter(w("p")), strict=True))
    heading = paragraphs["Kære borger"]
    assert all(r.find("w:rPr/w:b", NS) is not None for r in heading.iter(w("r")))
    link = paragraphs["Tekst om serviceniveauet. Se siden."]
    runs = [r for r in link.iter(w("r")) if [t.text for t in r.iter(w("t"))] == ["siden"]]
    assert runs and runs[0].find("w:rPr/w:u", NS) is not None
    assert "[siden]" not in word.text() and "###" not in word.text()


def test_markdown_files_keep_a_signatures_line_break_for_markdown_viewers() -> None:
    forord = "### Hilsen\nTak.\n\nMed venlig hilsen\n\nLene\nBorgmester\n\nSe:\n- a\n- b"
    snapshot = make_snapshot(draft(), [], make_serviceniveau(forord=forord))
    md = render_document(snapshot, "md").decode()
    assert "Lene\\\nBorgmester" in md
    assert "### Hilsen\nTak." in md  # a heading ends its own line
    assert "Se:\n- a\n- b" in md  # a list item starts its own line
    changed = make_serviceniveau(forord=forord.replace("Lene", "Lene Bjerregaard"))
    diff = render_comparison(compare(snapshot, make_snapshot(draft(), [], changed)), "md")
    assert "Lene<ins> Bjerregaard</ins>\\\nBorgmester" in diff.decode()
