"""Changes of an indsats' required faggrupper made without the right, found in Git history.

The content repository is also edited with plain `git`, which no save guard sees. So `check`
looks at each indsats' last change of its `faggrupper` since the nearest adopted version and
reports it as an error when its author (matched by e-mail in the adgang.yml of the commit
before it) was not a godkender or admin (`domain.rights`). A godkender or admin settles it by
changing the faggrupper themselves (a reordering is enough to make the decision theirs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.fields import INDSATS_DIR
from sn_tui.domain.rights import REVIEW_REQUIREMENT, may_decide_review, required_groups
from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.store.authorship import Authored
    from sn_tui.store.repo import ContentRepo

CODE = "faggrupper-uden-ret"


def _groups_as_written(repo: ContentRepo, commit: str | None, path: str) -> Any:
    """The `faggrupper` value of the file at `commit` (None: missing or unreadable)."""
    data = repo.read(commit, path) if commit else None
    if data is None:
        return None
    try:
        return Document.parse(data).meta.get(REVIEW_REQUIREMENT)
    except (DocumentError, FrontmatterError, ValueError):
        return None


def _line_of_key(data: bytes) -> int:
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if line.startswith(f"{REVIEW_REQUIREMENT}:"):
            return number
    return 1


def unauthorised_changes(repo: ContentRepo, commit: str) -> list[Finding]:
    """One error per indsats at `commit` whose faggrupper were last changed without the right."""
    from sn_tui.store.authorship import commits_since_adoption

    by_path: dict[str, list[Authored]] = {}
    for authored in commits_since_adoption(repo, commit, INDSATS_DIR):
        for path in authored.paths:
            by_path.setdefault(path, []).append(authored)
    findings = []
    for path, commits in sorted(by_path.items()):
        now = repo.read(commit, path)
        if now is None:
            continue  # deleted since
        for authored in commits:  # newest first: the last change decides
            after = _groups_as_written(repo, authored.commit, path)
            before = _groups_as_written(repo, authored.parent, path)
            if after == before:
                continue
            if authored.parent is not None and before is not None:
                finding = _judge(repo, authored, path, now, before, after)
                if finding is not None:
                    findings.append(finding)
            break
    return findings


def _judge(
    repo: ContentRepo, authored: Authored, path: str, now: bytes, before: Any, after: Any
) -> Finding | None:
    """The error for one change of the faggrupper, or None if it was the author's to make."""
    if required_groups({REVIEW_REQUIREMENT: before}) == required_groups(
        {REVIEW_REQUIREMENT: after}
    ):
        return None  # only the order changed
    email = authored.email.casefold()
    adgang = repo.adgang(authored.parent)
    person = next((p for p in adgang.personer.values() if p.email.casefold() == email), None)
    if person is not None and may_decide_review(person.roller):
        return None
    who = f"{authored.author} <{authored.email}>"
    return Finding(
        path,
        _line_of_key(now),
        "error",
        CODE,
        t("guard.faggrupper_changed_without_right", who=who, commit=authored.commit[:10]),
        explanation=t("guard.faggrupper_changed_explanation"),
        suggestion=t("guard.faggrupper_changed_suggestion"),
    )
