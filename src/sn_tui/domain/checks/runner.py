"""The whole of `sn-tui check`: structure, legal and language rules, accepted exceptions, LIX.

Pure: it receives the repository's files and returns one report for the CLI, JSON and the TUI.
The legal and language rules of one indsats depend on that file alone and take most of the
time (3-5 s for 1,000 indsatser), so a caller may give a `CheckMemo` that keeps each file's
result by its path and text; the store keeps one in the user's cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sn_tui.domain.checks.datagrundlag import datagrundlag_findings
from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import (
    CATEGORIES,
    category_of,
    check_serviceniveau,
    lix_report,
)
from sn_tui.domain.checks.legal.check import Report, indsats_report
from sn_tui.domain.checks.legal.exemptions import Accepted
from sn_tui.domain.checks.legal.persondata import allowed_phone_numbers, is_allowed_phone
from sn_tui.domain.checks.structure import validate_repository
from sn_tui.domain.document import Document, DocumentError
from sn_tui.domain.fields import (
    DOCUMENT_SECTIONS,
    FAGGRUPPER_FILE,
    FIELDS,
    INDSATS_DIR,
    SERVICENIVEAU_FILE,
)
from sn_tui.domain.unreadable import oversized, parse_bounded

ALWAYS_SHOWN = "undtagelse"  # problems with an exception itself, whatever --only says
_MEMO_BATCH = 100  # results stored at a time


class CheckMemo(Protocol):
    """Remembered per-file results (JSON-like values) by key; see `memo_key`."""

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]: ...

    def put_many(self, items: Mapping[str, Any]) -> None: ...


def memo_key(path: str, text: str) -> str:
    """The key of one indsats file's rule results: its path and its exact text."""
    digest = hashlib.sha1(f"{path}\0{text}".encode("utf-8", "surrogatepass"), usedforsecurity=False)
    return digest.hexdigest()


def _finding(data: dict[str, Any]) -> Finding:
    # Interned: restored findings of one rule share their wording, as computed ones do.
    values: dict[str, Any] = {
        k: sys.intern(v) if isinstance(v, str) else v for k, v in data.items() if k != "kind"
    }
    return Finding(**values)


def _stored(report: Report, score: dict[str, float]) -> dict[str, Any]:
    return {
        "findings": [f.to_json() for f in report.findings],
        "accepted": [
            {"finding": a.finding.to_json(), "begrundelse": a.begrundelse, "line": a.line}
            for a in report.accepted
        ],
        "lix": score,
    }


def _restored(data: dict[str, Any]) -> tuple[Report, dict[str, float]]:
    findings = [_finding(f) for f in data["findings"]]
    accepted = [
        Accepted(_finding(a["finding"]), a["begrundelse"], a["line"]) for a in data["accepted"]
    ]
    return Report(findings, accepted), dict(data["lix"])


class CheckStopped(Exception):
    """`run_checks` stopped because its caller asked it to (`stop`), e.g. the screen that
    wanted the results is gone; what was computed until then is in the memo."""


class UnknownCategory(ValueError):
    """A `--only` category that does not exist; the message is one Danish sentence."""


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]
    accepted: list[Finding] = field(default_factory=list)
    lix: dict[str, dict[str, float]] = field(default_factory=dict)  # path -> field -> score

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def parse_only(text: str | None) -> frozenset[str] | None:
    if not text:
        return None
    chosen = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(chosen - set(CATEGORIES))
    if unknown:
        raise UnknownCategory(
            f"Ukendt kategori '{unknown[0]}'; vælg blandt {', '.join(CATEGORIES)}."
        )
    return chosen


def run_checks(
    files: Mapping[str, bytes],
    only: Collection[str] | None = None,
    memo: CheckMemo | None = None,
    stop: Callable[[], bool] | None = None,
) -> CheckReport:
    """Every finding in the repository, narrowed to the categories in `only` if given;
    each indsats' rule results from `memo` where it has them (and kept there). `stop` is
    asked before each indsats: True raises `CheckStopped` (a cold check of 1,000 indsatser
    takes seconds, and an app being quit should not wait for it)."""
    lix = not only or "lix" in only
    reports: dict[str, tuple[Report, dict[str, float] | None]] = {}
    fresh: dict[str, Any] = {}

    def keep_fresh() -> None:
        if memo is not None and fresh:
            memo.put_many(fresh)
            fresh.clear()

    metas: dict[str, Mapping[str, Any]] = {}  # for the datagrundlag's budget check

    def check_indsats(path: str, doc: Document) -> list[Finding]:
        metas[path] = doc.meta
        if stop is not None and stop():
            keep_fresh()  # the work done so far is not lost
            raise CheckStopped
        # One file at a time, to and from the memo: held all at once, the results of 1,000
        # indsatser were ~10 MB more at the peak.
        key = memo_key(path, doc.text) if memo is not None and lix else ""
        stored = memo.get_many([key]).get(key) if memo is not None and key else None
        if stored is not None:
            try:
                reports[path] = _restored(stored)
                return reports[path][0].findings
            except (AttributeError, KeyError, TypeError, ValueError):
                pass  # an unreadable entry is computed again
        report = indsats_report(path, doc)
        # Kept for below, so the rules run once; the document itself is let go (memory).
        score = lix_report(doc, FIELDS) if lix else None
        reports[path] = (report, score)
        if memo is not None and key and score is not None:
            fresh[key] = _stored(report, score)
            if len(fresh) >= _MEMO_BATCH:
                keep_fresh()
        return report.findings

    findings = validate_repository(
        files, indsats_checks=(check_indsats,), serviceniveau_checks=(check_serviceniveau,)
    )
    own_numbers = _own_phone_numbers(files)
    if own_numbers:
        findings = [f for f in findings if not is_allowed_phone(f, own_numbers)]
    findings += datagrundlag_findings(files, metas)
    if only:
        findings = [
            f
            for f in findings
            if category_of(f.code) in only or category_of(f.code) == ALWAYS_SHOWN
        ]
    accepted: list[Finding] = []
    scores: dict[str, dict[str, float]] = {}
    for path in sorted(files):
        if not (path.startswith(f"{INDSATS_DIR}/") and path.endswith(".md")):
            continue
        if path in reports:
            report, score = reports[path]
        else:  # a file the structural check set aside (e.g. a conflict marker) but readable
            try:
                doc = parse_bounded(files[path])
                doc.meta  # noqa: B018 - unreadable frontmatter is reported by the structural check
            except (DocumentError, ValueError):
                continue
            if oversized(path, doc) is not None:
                continue  # reported by the structural check; the rules would take long
            report = indsats_report(path, doc)
            score = lix_report(doc, FIELDS) if lix else None
        accepted.extend(a.as_finding() for a in report.accepted)
        if score is not None:
            scores[path] = score
    if only:
        accepted = [a for a in accepted if category_of(a.code) in only]
    keep_fresh()
    return CheckReport(findings, accepted, scores)


def _own_phone_numbers(files: Mapping[str, bytes]) -> frozenset[str]:
    """The kommune's own numbers, from serviceniveau.md's `kontakt:` (none if unreadable)."""
    data = files.get(SERVICENIVEAU_FILE)
    if data is None:
        return frozenset()
    try:
        return allowed_phone_numbers(Document.parse(data).meta)
    except (DocumentError, ValueError):
        return frozenset()


def check_file(
    path: str, data: bytes, faggrupper: bytes | None, serviceniveau: bytes | None = None
) -> CheckReport:
    """The findings, accepted warnings and LIX of one file as it would be saved.

    The editor calls this as the user types: only the file itself, the faggrupper it names and
    the kommune's own phone numbers (from `serviceniveau`) are read, so it stays fast on a
    large repository. Problems that need every other file (an id used twice) are left to the
    whole `check`.
    """
    files = {path: data}
    if faggrupper is not None:
        files[FAGGRUPPER_FILE] = faggrupper
    report = run_checks(files)
    own_numbers = (
        _own_phone_numbers({SERVICENIVEAU_FILE: serviceniveau})
        if serviceniveau is not None and path != SERVICENIVEAU_FILE
        else frozenset()
    )
    findings = [
        f for f in report.findings if f.path == path and not is_allowed_phone(f, own_numbers)
    ]
    accepted = [a for a in report.accepted if a.path == path]
    scores = dict(report.lix)
    if path == SERVICENIVEAU_FILE:
        with contextlib.suppress(DocumentError, ValueError):
            scores[path] = lix_report(Document.parse(data), DOCUMENT_SECTIONS)
    return CheckReport(findings, accepted, {path: scores[path]} if path in scores else {})
