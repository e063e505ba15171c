"""Rule 7: a jurist accepts a specific warning in the frontmatter, with a reason."""

from __future__ import annotations

from legal_docs import indsats, indsats_text, line_of
from sn_tui.domain.checks.legal import accepted_exceptions, check_indsats
from sn_tui.domain.document import Document

CAPPED = {"Omfang/varighed": "Der gives højst 8 timer om ugen."}
REASON = "Juridisk vurderet 2026-05-01: loftet følger af en byrådsbeslutning."


def exemption(regel: str, begrundelse: str | None = REASON, felt: str | None = None) -> str:
    lines = f"  - regel: {regel}\n"
    if felt is not None:
        lines += f"    felt: {felt}\n"
    if begrundelse is not None:
        lines += f'    begrundelse: "{begrundelse}"\n'
    return "undtagelser:\n" + lines


def codes(doc: Document, **kwargs: bool) -> list[str]:
    return [f.code for f in check_indsats("i.md", doc, **kwargs)]


def test_without_an_exception_the_warning_is_reported() -> None:
    assert codes(indsats(CAPPED)) == ["vurdering-phrase"]


def test_an_accepted_warning_is_not_reported_but_stays_visible() -> None:
    text = indsats_text(CAPPED, meta=exemption("vurdering-phrase", felt="Omfang/varighed"))
    doc = Document.parse(text)
    assert codes(doc) == []
    (accepted,) = accepted_exceptions("i.md", doc)
    assert accepted.finding.code == "vurdering-phrase"
    assert accepted.begrundelse == REASON
    assert accepted.line == line_of(text, "  - regel:")
    (shown,) = check_indsats("i.md", doc, include_accepted=True)
    assert shown.code == "vurdering-phrase-accepted"
    assert shown.severity == "warning"
    assert shown.message.startswith("Accepteret: ")
    assert shown.explanation == f"Begrundelse: {REASON}"


def test_an_exception_for_another_field_does_not_accept() -> None:
    doc = indsats(CAPPED, meta=exemption("vurdering-phrase", felt="Indhold"))
    assert codes(doc) == ["undtagelse-unused", "vurdering-phrase"]


def test_an_exception_without_a_reason_is_an_error_and_accepts_nothing() -> None:
    for reason in (None, "", "   "):
        text = indsats_text(CAPPED, meta=exemption("vurdering-phrase", begrundelse=reason))
        found = check_indsats("i.md", Document.parse(text))
        problem = next(f for f in found if f.code == "undtagelse-no-reason")
        assert problem.severity == "error"
        assert problem.line == line_of(text, "  - regel:")
        assert "vurdering-phrase" in [f.code for f in found]


def test_errors_cannot_be_accepted() -> None:
    fields = {"Lovhjemmel": "SEL § 41"}
    doc = indsats(fields, meta=exemption("lovhjemmel-repealed"))
    assert sorted(codes(doc)) == ["lovhjemmel-repealed", "undtagelse-error-rule"]


def test_an_outdated_term_warning_can_be_accepted_but_not_its_error_form() -> None:
    fields = {"Indhold": "Barnet kan få aflastning. Målene står i handleplanen."}
    doc = indsats(fields, meta=exemption("termer-outdated"))
    found = check_indsats("i.md", doc)
    assert [(f.code, f.severity) for f in found] == [("termer-outdated", "error")]


def test_unknown_rules_fields_and_shapes_are_errors() -> None:
    assert codes(indsats(meta=exemption("vurdering-noget"))) == ["undtagelse-unknown-rule"]
    assert codes(indsats(meta=exemption("lix-high", felt="Økonomi"))) == ["undtagelse-invalid"]
    assert codes(indsats(meta="undtagelser: ja\n")) == ["undtagelse-invalid"]
    assert codes(indsats(meta="undtagelser:\n  - bare tekst\n")) == ["undtagelse-invalid"]


def test_an_exception_that_matches_nothing_is_a_warning() -> None:
    doc = indsats(meta=exemption("lix-high"))
    (f,) = check_indsats("i.md", doc)
    assert (f.code, f.severity) == ("undtagelse-unused", "warning")
