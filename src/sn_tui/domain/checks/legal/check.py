"""Run every legal and language rule on one file: an indsats, or serviceniveau.md."""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal.context import Context
from sn_tui.domain.checks.legal.exemptions import Accepted, apply_exemptions, read_exemptions
from sn_tui.domain.checks.legal.lovhjemmel import (
    LOVHJEMMEL,
    check_lovhjemmel_field,
    check_references,
    check_required_content,
)
from sn_tui.domain.checks.legal.persondata import check_personal_data
from sn_tui.domain.checks.legal.placeholders import CODE as PLACEHOLDER
from sn_tui.domain.checks.legal.placeholders import check_placeholders
from sn_tui.domain.checks.legal.readability import check_readability
from sn_tui.domain.checks.legal.termer import check_terms
from sn_tui.domain.checks.legal.vurdering import check_phrases, check_required
from sn_tui.domain.document import Document
from sn_tui.domain.fields import DOCUMENT_SECTIONS, FIELDS, PRINCIPPER


@dataclass(frozen=True)
class Report:
    """The findings still reported for a file, and the warnings its exceptions accepted."""

    findings: list[Finding]
    accepted: list[Accepted]


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line, f.severity != "error", f.code))


def _finish(ctx: Context, findings: list[Finding]) -> Report:
    exemptions, problems = read_exemptions(ctx)
    kept, accepted = apply_exemptions(ctx, findings, exemptions)
    return Report(_sorted(kept + problems), accepted)


def _without_twins(findings: list[Finding]) -> list[Finding]:
    """A placeholder in Formål or Omfang of a § 32/46/47 indsats is reported once, by the
    rule that says why the field is required."""
    required = {f.field for f in findings if f.code == "lovhjemmel-content-placeholder"}
    return [f for f in findings if not (f.code == PLACEHOLDER and f.field in required)]


def indsats_report(path: str, doc: Document) -> Report:
    ctx = Context(path, doc, FIELDS)
    findings = [
        *check_lovhjemmel_field(ctx),
        *check_required_content(ctx),
        *check_references(ctx),
        *check_phrases(ctx, skip=(LOVHJEMMEL,), per_indsats=True),
        *check_terms(ctx),
        *check_personal_data(ctx),
        *check_placeholders(ctx),
        *check_readability(ctx, FIELDS, whole="Indsatsen"),
    ]
    return _finish(ctx, _without_twins(findings))


def serviceniveau_report(path: str, doc: Document) -> Report:
    ctx = Context(path, doc, DOCUMENT_SECTIONS)
    findings = [
        *check_required(ctx, PRINCIPPER),
        *check_references(ctx),
        *check_phrases(ctx),
        *check_terms(ctx),
        *check_personal_data(ctx),
        *check_placeholders(ctx),
        *check_readability(ctx, DOCUMENT_SECTIONS, whole=None),
    ]
    return _finish(ctx, findings)


def _with_accepted(report: Report, include_accepted: bool) -> list[Finding]:
    if not include_accepted:
        return report.findings
    return _sorted(report.findings + [a.as_finding() for a in report.accepted])


def check_indsats(path: str, doc: Document, *, include_accepted: bool = False) -> list[Finding]:
    """Every legal and language finding for one indsats file.

    Warnings accepted in the frontmatter's `undtagelser` are left out, or, with
    `include_accepted`, returned with the code "<code>-accepted" and the reason as explanation.
    """
    return _with_accepted(indsats_report(path, doc), include_accepted)


def check_serviceniveau(
    path: str, doc: Document, *, include_accepted: bool = False
) -> list[Finding]:
    """Every legal and language finding for serviceniveau.md."""
    return _with_accepted(serviceniveau_report(path, doc), include_accepted)


def accepted_exceptions(path: str, doc: Document) -> list[Accepted]:
    """The warnings of an indsats that its `undtagelser` accepted, each with its reason."""
    return indsats_report(path, doc).accepted
