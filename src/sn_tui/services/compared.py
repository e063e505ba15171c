"""A comparison of two versions served from the user's cache, loading nothing that reads files.

`sn-tui diff A B` asked again for the same two versions is answered by asking Git, in one
process, what both names point at (and that `main` holds a serviceniveau), and reading the
stored rendering: no parsing, no Workspace, no import or datagrundlag services. The key is the
same one `Comparing.comparison_rendering` stores under, so whichever computed it, both serve
it. What a name points at is asked as Git objects, which never change: the tag object
(`refs/tags/<name>`, which fixes an adopted version's facts and commit) and the commit
(`<name>^{commit}`), for each name `ContentRepo.resolve_all` would try. A tag moved or a branch
advanced is a new key, so a stale rendering is never served.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sn_tui.cache.comparisons import ComparisonCache, Rendered, comparison_key
from sn_tui.domain.fields import ADGANG_FILE, ADOPTED_PREFIX, MAIN, SERVICENIVEAU_FILE
from sn_tui.i18n import language
from sn_tui.store.ledger import TagListing, verify_tags
from sn_tui.store.lookup import locate, object_ids

if TYPE_CHECKING:
    from sn_tui.store.repo import ContentRepo

__all__ = [
    "Looked",
    "Rendered",
    "look_up",
    "rendering",
    "rendering_key",
    "served_comparison",
]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # a date names the version adopted that day
_ASKABLE = re.compile(r"[^\s\x00-\x1f\x7f]+")  # one line for `git cat-file --batch-check`
_CONTENT = (f"refs/heads/{MAIN}:{SERVICENIVEAU_FILE}", f"refs/heads/{MAIN}:{ADGANG_FILE}")
_COMMIT = "^{commit}"


def resolve_repo_path(arg: str | None) -> Path:
    """The content repository's folder: --repo, else $SN_REPO, else the current folder."""
    return Path(arg or os.environ.get("SN_REPO") or os.getcwd())


class Looked:
    """What Git said about some names: whether `main` holds a serviceniveau, a key part per
    name (each question with its answer), and the commits each name may resolve to. (Plain
    classes here: `dataclasses` would cost a diff served from the cache ~15 ms of import.)"""

    __slots__ = ("commits", "holds_content", "parts")

    def __init__(
        self, holds_content: bool, parts: tuple[str, ...], commits: tuple[frozenset[str], ...]
    ) -> None:
        self.holds_content = holds_content
        self.parts = parts
        self.commits = commits

    @property
    def resolvable(self) -> bool:
        return all(self.commits)


def _questions(name: str) -> list[str] | None:
    if not _ASKABLE.fullmatch(name) or name.startswith("-"):
        return None
    candidates = [ADOPTED_PREFIX + name, name] if _DATE.match(name) else [name]
    return [q for c in candidates for q in (f"refs/tags/{c}", c + _COMMIT)]


def look_up(git_dir: Path, names: Sequence[str]) -> Looked | None:
    """Ask Git once about `names`; None where a name cannot be asked this way or Git fails."""
    asked = [_questions(name) for name in names]
    if any(q is None for q in asked):
        return None
    questions = [q for qs in asked if qs is not None for q in qs]
    try:
        answers = object_ids(git_dir, [*_CONTENT, *questions])
    except OSError:
        return None
    holds = all(a is not None and a[1] == "blob" for a in answers[: len(_CONTENT)])
    rest = iter(zip(questions, answers[len(_CONTENT) :], strict=True))
    parts: list[str] = []
    commits: list[frozenset[str]] = []
    for name, qs in zip(names, asked, strict=True):
        mine = [next(rest) for _ in qs or ()]
        parts.append("\x1f".join([name, *(f"{q}={a[0] if a else '-'}" for q, a in mine)]))
        commits.append(frozenset(a[0] for q, a in mine if a and q.endswith(_COMMIT)))
    return Looked(holds, tuple(parts), tuple(commits))


def rendering_key(
    looked: Looked, fmt: str, *, color: bool, author: str = "", template: str = ""
) -> str:
    """The cache key of the compared names rendered as `fmt` (for this code and language)."""
    return comparison_key(fmt, language(), str(color), author, template, *looked.parts)


def served_comparison(
    repo_arg: str | None,
    a: str,
    b: str,
    fmt: str,
    *,
    color: bool,
    warn: Callable[[str], object],
    compute: bool = False,
) -> Rendered | None:
    """`a` and `b` compared and rendered as `fmt` (not a Word or PDF file, which name their
    author and template) from the user's cache, or with `compute` computed and cached; None
    where the usual way must answer (no such repository or version, not a content
    repository; not cached, without `compute`), and then nothing was said or written. Each
    adopted tag moved or deleted is told to `warn` first, as opening a Workspace does.

    Computing here needs neither the Workspace nor its services: only the repository."""
    path = resolve_repo_path(repo_arg).expanduser()
    if fmt in ("docx", "pdf") or not path.exists():
        return None
    found = locate(path)
    if found is None:
        return None
    git_dir = found[0]
    listing = TagListing(git_dir)  # asked meanwhile: needed whether served or computed
    try:
        looked = look_up(git_dir, [a, b])
        if looked is None or not looked.holds_content or not looked.resolvable:
            return None
        rendered = ComparisonCache(git_dir).get(rendering_key(looked, fmt, color=color))
        if rendered is None and not compute:
            return None
        for problem in verify_tags(git_dir, listing=listing):
            warn(problem.message)
    finally:
        listing.close()
    if rendered is not None:
        return rendered
    from sn_tui.store.repo import ContentRepo

    repo = ContentRepo.open(path)
    # Reading and comparing two versions allocates containers by the hundred thousand (dicts,
    # tuples, ops), freed by reference counting; the cycle collector, started every 700 of
    # them, walks the live ones again and again (~10-25 ms, 2-5 % of a cold comparison). The
    # few cycles left (~3,000 objects for 1,000 indsatser) wait until the answer is made.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return rendering(repo, a, b, fmt, color=color, looked=looked)
    finally:
        repo.close()
        if collecting:
            gc.enable()


def rendering(
    repo: ContentRepo,
    a: str,
    b: str,
    fmt: str,
    *,
    color: bool,
    author: str = "",
    template: tuple[str, bytes] | None = None,
    looked: Looked | None = None,
) -> Rendered:
    """`a` and `b` compared and rendered as `fmt` (a Word file with `author`'s tracked changes
    and the `template` (blob id, bytes)), with a sentence for each file either version had to
    leave out (each once): from the user's cache, else computed and cached. `looked`: what
    `look_up` said of `a` and `b` just now."""
    if looked is None:
        looked = look_up(repo.git_dir, [a, b])
    key = None
    if looked is not None and looked.resolvable:
        key = rendering_key(
            looked, fmt, color=color, author=author, template=template[0] if template else ""
        )
    cache = ComparisonCache(repo.git_dir)
    found = cache.get(key) if key is not None else None
    if found is not None:
        return found
    from sn_tui.domain.diff.compare import compare
    from sn_tui.export import render_comparison
    from sn_tui.store.repo import unreadable_sentence

    rev_a, rev_b = repo.resolve_all([a, b])
    comparison = compare(repo.snapshot_of(rev_a), repo.snapshot_of(rev_b))
    data = render_comparison(
        comparison,
        fmt,
        color=color,
        author=author or None,
        template=template[1] if template else None,
    )
    left_out = dict.fromkeys([*comparison.unreadable_a, *comparison.unreadable_b])
    rendered = Rendered(data, tuple(unreadable_sentence(u) for u in left_out))
    # stored only if the names still point where they did when the key was made
    if (
        key is not None
        and looked is not None
        and rev_a.commit in looked.commits[0]
        and rev_b.commit in looked.commits[1]
    ):
        cache.put(key, rendered)
    return rendered
