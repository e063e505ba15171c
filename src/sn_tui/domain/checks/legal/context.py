"""What every rule needs about the file it checks: its path, its document, its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sn_tui.domain.checks.findings import Finding, Severity
from sn_tui.domain.checks.legal.text import Part, parts
from sn_tui.domain.document import Document


@dataclass
class Context:
    path: str
    doc: Document
    fields: tuple[str, ...] = field(default=())  # section titles that count as fields

    @cached_property
    def parts(self) -> list[Part]:
        return parts(self.doc)

    def part(self, title: str) -> Part | None:
        for part in self.parts:
            if part.title == title:
                return part
        return None

    def field_of(self, part: Part) -> str | None:
        return part.title if part.title in self.fields else None

    def line(self, offset: int) -> int:
        """The 1-based line of an offset in `doc.text`."""
        return self.doc.line_of_offset(offset)

    def finding(
        self,
        offset: int,
        severity: Severity,
        code: str,
        message: str,
        *,
        field: str | None = None,
        explanation: str | None = None,
        suggestion: str | None = None,
        line: int | None = None,
    ) -> Finding:
        return Finding(
            self.path,
            line if line is not None else self.line(offset),
            severity,
            code,
            message,
            field,
            explanation,
            suggestion,
        )

    def heading_line(self, title: str) -> int:
        """The line of section `title`'s heading, or of the body's first line if it is missing."""
        sec = self.doc.section(title)
        if sec is not None:
            return sec.line
        return self.line(self.doc.body_start)
