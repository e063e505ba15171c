"""Changes of an indsats' required faggrupper made without the right, found in Git history.

The content repository is also edited with plain `git`, which no save guard sees. So `check`
looks at each indsats' last change of its `faggrupper` since the nearest adopted version and
reports it as an error when its author (matched by e-mail in the adgang.yml of the commit
before it) was not a godkender or admin (`domain.rights`). A godkender or admin settles it by
changing the faggrupper themselves (a reordering is enough to make the decision theirs).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.document import DocumentError, FrontmatterError
from sn_tui.domain.fields import INDSATS_DIR
from sn_tui.domain.rights import (
    REVIEW_REQUIREMENT,
    groups_named,
    may_decide_review,
    review_requirement_in,
)
from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.store.authorship import Authored, Changed
    from sn_tui.store.repo import ContentRepo

CODE = "faggrupper-uden-ret"
_BATCH = 500  # blobs read in one round trip


class _GroupsReader:
    """The `faggrupper` value of each blob as written (None: unreadable), read in batches; a
    blob is content, so each is read and parsed once."""

    def __init__(self, repo: ContentRepo) -> None:
        self.repo = repo
        self._values: dict[str, Any] = {}

    def read(self, blobs: Iterable[str]) -> None:
        wanted = list(dict.fromkeys(b for b in blobs if b not in self._values))
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            for blob, found in zip(batch, self.repo.cat.read_many(batch), strict=True):
                self._values[blob] = _requirement(found[2]) if found else None

    def __call__(self, blob: str | None) -> Any:
        if blob is None:
            return None
        self.read([blob])
        return self._values[blob]


def _requirement(data: bytes) -> Any:
    try:
        return review_requirement_in(data)
    except (DocumentError, FrontmatterError):
        return None


def _line_of_key(data: bytes) -> int:
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if line.startswith(f"{REVIEW_REQUIREMENT}:"):
            return number
    return 1


def unauthorised_changes(repo: ContentRepo, commit: str) -> list[Finding]:
    """One error per indsats at `commit` whose faggrupper were last changed without the right."""
    from sn_tui.store.authorship import commits_since_adoption

    by_path: dict[str, list[tuple[Authored, Changed]]] = {}
    for authored in commits_since_adoption(repo, commit, INDSATS_DIR):
        for change in authored.changes:
            by_path.setdefault(change.path, []).append((authored, change))
    groups = _GroupsReader(repo)
    groups.read(
        blob for changes in by_path.values() for _a, c in changes for blob in (c.old, c.new) if blob
    )
    findings = []
    present = repo.tree_entries(commit, INDSATS_DIR)
    for path, changes in sorted(by_path.items()):
        if path not in present:
            continue  # deleted since
        for authored, change in changes:  # newest first: the last change decides
            after, before = groups(change.new), groups(change.old)
            if after == before:
                continue
            if change.old is not None and before is not None:
                finding = _judge(repo, authored, path, present[path], before, after)
                if finding is not None:
                    findings.append(finding)
            break
    return findings


def _judge(
    repo: ContentRepo, authored: Authored, path: str, blob_now: str, before: Any, after: Any
) -> Finding | None:
    """The error for one change of the faggrupper, or None if it was the author's to make."""
    if groups_named(before) == groups_named(after):
        return None  # only the order changed
    email = authored.email.casefold()
    adgang = repo.adgang(authored.parent)
    person = next((p for p in adgang.personer.values() if p.email.casefold() == email), None)
    if person is not None and may_decide_review(person.roller):
        return None
    who = f"{authored.author} <{authored.email}>"
    return Finding(
        path,
        _line_of_key(repo.read_blob(blob_now)),
        "error",
        CODE,
        t("guard.faggrupper_changed_without_right", who=who, commit=authored.commit[:10]),
        explanation=t("guard.faggrupper_changed_explanation"),
        suggestion=t("guard.faggrupper_changed_suggestion"),
    )
