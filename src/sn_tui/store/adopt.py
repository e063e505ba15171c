"""Creating an adopted version's annotated tag. Tags are created, never moved or deleted."""

from __future__ import annotations

import datetime as dt

from sn_tui.domain.entry import Person
from sn_tui.domain.fields import ADOPTED_PREFIX
from sn_tui.i18n import t
from sn_tui.store.git import run_git
from sn_tui.store.ledger import verify_tags
from sn_tui.store.repo import ContentRepo, RepoError


def free_tag_name(repo: ContentRepo, date: dt.date) -> str:
    """`vedtaget/<date>`, or with `-2`, `-3` … for a further adoption on the same day."""
    base = f"{ADOPTED_PREFIX}{date.isoformat()}"
    name, n = base, 1
    while (
        run_git(
            repo.git_dir, ["rev-parse", "-q", "--verify", f"refs/tags/{name}"], check=False
        ).returncode
        == 0
    ):
        n += 1
        name = f"{base}-{n}"
    return name


def create_adoption_tag(
    repo: ContentRepo,
    commit: str,
    tag: str,
    message: str,
    tagger: Person,
    when: dt.datetime | None = None,
) -> str:
    """Create the annotated tag; refuses if the name is taken (adopted tags never move)."""
    env = {"GIT_COMMITTER_NAME": tagger.navn, "GIT_COMMITTER_EMAIL": tagger.email}
    if when is not None:
        env["GIT_COMMITTER_DATE"] = when.isoformat()
    proc = run_git(
        repo.git_dir,
        ["tag", "-a", "--cleanup=verbatim", "-F", "-", tag, commit],
        input=message.encode(),
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise RepoError(t("store.tag_exists", tag=tag))
    verify_tags(repo.git_dir, writing=True)  # records the new tag in the ledger
    return tag
