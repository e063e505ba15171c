"""Checking the content against the structure, legal and language rules (`domain.checks`).

Each indsats file's results are kept in the user's parse cache, so a check after a save runs
the rules only on what changed. A whole check also reports required faggrupper changed by
someone without the right (`services.requirement_history`), which only Git history shows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from sn_tui.domain.fields import FAGGRUPPER_FILE, MAIN, SERVICENIVEAU_FILE
from sn_tui.services.reading import Reading

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding
    from sn_tui.domain.checks.runner import CheckReport


class Checking(Reading):
    """The use cases that check a revision, or one file as an editor holds it."""

    def check(self, rev: str = MAIN, stop: Callable[[], bool] | None = None) -> list[Finding]:
        return self.check_report(rev, stop=stop).findings

    def check_report(
        self,
        rev: str = MAIN,
        only: Collection[str] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> CheckReport:
        """Structure, legal and language rules at `rev`; `only` narrows to categories; `stop`
        ends it early (`domain.checks.runner.CheckStopped`)."""
        from sn_tui.domain.checks.runner import CheckReport, run_checks
        from sn_tui.services.requirement_history import unauthorised_changes

        if self.repo.head() is None:
            return CheckReport([])
        commit = self.repo.resolve(rev).commit
        report = run_checks(self.repo.read_files(commit), only, self.repo.check_memo(), stop)
        extra = self._symlink_findings(commit)
        if not only:
            extra += unauthorised_changes(self.repo, commit)
        if not extra:
            return report
        findings = sorted([*report.findings, *extra], key=lambda f: (f.path, f.line, f.code))
        return CheckReport(findings, report.accepted, report.lix)

    def _symlink_findings(self, commit: str) -> list[Finding]:
        """A symlinked `indsatser/`, indsats or content file is an error (`store.symlinks`)."""
        from sn_tui.domain.checks.findings import Finding
        from sn_tui.i18n import t
        from sn_tui.store.symlinks import content_symlinks

        return [
            Finding(path, 1, "error", "symlink", t("escapes.symlink_check", path=path))
            for path in content_symlinks(self.repo.git_dir, commit)
        ]

    def check_edit(self, path: str, data: bytes, base: str | None) -> CheckReport:
        """`check` of one file as the editor holds it, against the faggrupper of `base`."""
        from sn_tui.domain.checks.runner import check_file

        faggrupper = self.repo.read(base, FAGGRUPPER_FILE) if base else None
        serviceniveau = self.repo.read(base, SERVICENIVEAU_FILE) if base else None
        return check_file(path, data, faggrupper, serviceniveau)
