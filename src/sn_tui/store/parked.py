"""Local saves that met a conflict during sync, kept aside so the rest of the sync goes on.

A sync replays local saves on top of the remote's `main`. Where one changes a field that the
remote changed too, that file's change is parked instead of stopping the sync: the other saves
are pushed, and the user decides later (the TUI's conflict screen, `sn-tui sync --resolve`).

A parked change is a commit under `refs/sn-tui/parked/<path>`: its parent is the commit the
change was made on (the merge base), its tree holds the user's version of the file. So it is
in Git, never lost, and survives any crash; resolving it is an ordinary save on `main`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.entry import Person
from sn_tui.domain.merge import FieldConflict, MergeConflict, merge_documents
from sn_tui.store.git import run_git
from sn_tui.store.repo import ContentRepo
from sn_tui.store.save import _build_commit

PARKED = "refs/sn-tui/parked/"
_KEEPER = Person(login="", navn="sn-tui", email="sn-tui@localhost")


@dataclass(frozen=True)
class Parked:
    """One parked file: the text it was made on, the user's text, and `main`'s text now."""

    path: str
    base: bytes | None
    mine: bytes | None
    theirs: bytes | None

    def conflicts(self) -> list[FieldConflict]:
        """The fields both sides changed differently (none: it merges cleanly by now)."""
        try:
            merge_documents(self.base, self.mine, self.theirs)
        except MergeConflict as exc:
            return exc.conflicts
        return []


def park(repo: ContentRepo, path: str, base: str, mine: bytes | None) -> None:
    """Keep the user's `mine` of `path`, made on commit `base`, until it is resolved. A file
    parked before keeps its earlier record as a second parent: nothing parked is dropped."""
    message = f"sn-tui: parkeret {path}\n"
    record = _build_commit(repo, base, {path: mine}, _KEEPER, message, None)
    earlier = run_git(repo.git_dir, ["rev-parse", "-q", "--verify", PARKED + path], check=False)
    if earlier.returncode == 0:
        tree = run_git(repo.git_dir, ["rev-parse", f"{record}^{{tree}}"]).stdout.decode().strip()
        parents = ["-p", base, "-p", earlier.stdout.decode().strip()]
        names = {
            f"GIT_{who}_{what}": value
            for who in ("AUTHOR", "COMMITTER")
            for what, value in (("NAME", _KEEPER.navn), ("EMAIL", _KEEPER.email))
        }
        made = run_git(
            repo.git_dir, ["commit-tree", tree, *parents], input=message.encode(), env=names
        )
        record = made.stdout.decode().strip()
    run_git(repo.git_dir, ["update-ref", "-m", "sn-tui: sync", PARKED + path, record])


def parked(repo: ContentRepo) -> list[Parked]:
    """Every parked file, against `main` as it is now."""
    proc = run_git(repo.git_dir, ["for-each-ref", "--format=%(refname) %(objectname)", PARKED])
    head = repo.head()
    found: list[Parked] = []
    for line in proc.stdout.decode("utf-8", "surrogateescape").splitlines():
        ref, record = line.rsplit(" ", 1)
        path = ref.removeprefix(PARKED)
        found.append(
            Parked(
                path,
                repo.read(f"{record}^1", path),
                repo.read(record, path),
                repo.read(head, path) if head else None,
            )
        )
    return found


def unpark(repo: ContentRepo, path: str) -> None:
    run_git(repo.git_dir, ["update-ref", "-d", PARKED + path], check=False)
