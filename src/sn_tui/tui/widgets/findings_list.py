"""What `check` says about one field (or about the file as a whole), shown where it applies.

Each finding is one line with its severity, then why it matters and a suggested wording
when the rule has them. Accepted warnings stay visible, dimmed, with the jurist's reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal.codes import ACCEPTED_SUFFIX
from sn_tui.domain.checks.legal.readability import TOTAL, format_lix
from sn_tui.domain.checks.runner import CheckReport
from sn_tui.i18n import t
from sn_tui.tui.safe_text import visible


def is_accepted(finding: Finding) -> bool:
    return finding.code.endswith(ACCEPTED_SUFFIX)


def finding_lines(finding: Finding) -> Content:
    """One finding as the editor shows it: a marked first line, then why and what to write."""
    if is_accepted(finding):  # its message already begins "Accepteret:"
        parts = [Content.styled("✓ " + visible(finding.message), "dim")]
    else:
        if finding.severity == "error":
            mark, style = "✖ " + t("findings.error"), "bold $text-error"
        else:
            mark, style = "▲ " + t("findings.warning"), "bold $text-warning"
        parts = [Content.styled(mark, style), Content(": " + visible(finding.message))]
    if finding.explanation:
        text = finding.explanation
        if not is_accepted(finding):
            text = t("findings.why", text=text)
        parts.append(Content.styled("\n  " + visible(text), "dim"))
    if finding.suggestion and not is_accepted(finding):
        parts.append(
            Content.styled(
                "\n  " + visible(t("findings.suggestion", text=finding.suggestion)), "italic"
            )
        )
    return Content.assemble(*parts)


def check_summary(report: CheckReport, path: str) -> Content:
    """One line above the fields: how many errors and warnings, and the LIX of the whole."""
    if report.errors or report.warnings:
        text = t(
            "findings.summary",
            errors=t("findings.error_count", count=report.errors),
            warnings=t("findings.warning_count", count=report.warnings),
        )
        style = "$text-error" if report.errors else "$text-warning"
    else:
        text, style = t("findings.clean"), "$text-success"
    parts = [Content.styled(text, style)]
    if report.accepted:
        parts.append(Content(" · " + t("findings.accepted_count", count=len(report.accepted))))
    total = report.lix.get(path, {}).get(TOTAL)
    if total:
        parts.append(Content(" · " + t("findings.lix_total", score=format_lix(total))))
    return Content.assemble(*parts)


class CheckSummary(Static):
    """The check's one line above the fields (`check_summary`). One line across the screen
    whatever it says, so a new result repaints this line alone: Textual lays out the whole
    screen on every update of a widget whose size follows its text."""

    DEFAULT_CSS = """
    CheckSummary {
        width: 1fr;
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, report: CheckReport, path: str) -> None:
        self.update(check_summary(report, path), layout=False)


class FindingsList(Static):
    """The findings for one place; hidden when there are none."""

    DEFAULT_CSS = """
    FindingsList {
        height: auto;
        padding: 0 0 0 1;
        border-left: outer $warning;
    }
    FindingsList.-error {
        border-left: outer $error;
    }
    FindingsList.-quiet {
        border-left: outer $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.findings: list[Finding] = []
        self.display = False

    def show(self, findings: Sequence[Finding]) -> None:
        if list(findings) == self.findings and self.findings:
            return  # the same again after a key: no new layout of the screen
        self.findings = list(findings)
        self.display = bool(self.findings)
        if not self.findings:
            return
        content = Content("\n").join(finding_lines(f) for f in self.findings)
        # A LIX that moves by 0.1 as one types changes the text, not the height: then repaint
        # this widget alone rather than lay out the whole editor screen again.
        # (Textual's own Widget passes its styles as the rules map too.)
        width, height = self.content_size
        rules = self.styles
        same_height = width > 0 and content.get_height(rules, width) == height  # type: ignore[arg-type]
        self.update(content, layout=not same_height)
        active = [f for f in self.findings if not is_accepted(f)]
        self.set_class(any(f.severity == "error" for f in active), "-error")
        self.set_class(not active, "-quiet")

    @property
    def active(self) -> list[Finding]:
        """The findings still to deal with (accepted warnings are not)."""
        return [f for f in self.findings if not is_accepted(f)]
