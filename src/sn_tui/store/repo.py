"""The content repository: read any revision without a working tree, history, adopted versions.

All reads go through one `git cat-file --batch` process; parsed indsatser are cached by blob id
(blobs never change), in memory and in the user's parse cache, so only what is new is parsed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import os
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sn_tui.cache import parsed as cache
from sn_tui.cache.checks import CheckResults
from sn_tui.domain.document import DocumentError, FrontmatterError
from sn_tui.domain.entry import (
    Adgang,
    Faggruppe,
    Indsats,
    Serviceniveau,
    adgang_from,
    faggrupper_from,
    load_yaml,
)
from sn_tui.domain.errors import UserError
from sn_tui.domain.fields import (
    ADGANG_FILE,
    ADOPTED_PREFIX,
    DOCUMENT_SECTIONS,
    FAGGRUPPER_FILE,
    INDSATS_DIR,
    MAIN,
    SERVICENIVEAU_FILE,
    indsats_path,
)
from sn_tui.domain.snapshot import Adoption, Revision, Snapshot
from sn_tui.domain.unreadable import (
    Unreadable,
    folder_is_file,
    keep_unique,
    listing_problems,
    parse_bounded,
    problem_of,
    read_indsats,
)
from sn_tui.domain.versions import adoption_from_tag
from sn_tui.i18n import t
from sn_tui.store.catfile import CatFile
from sn_tui.store.git import run_git
from sn_tui.store.lookup import locate
from sn_tui.store.objects import parse_tree
from sn_tui.store.refs import UNKNOWN, read_ref

if TYPE_CHECKING:
    from sn_tui.domain.datagrundlag.table import Row
    from sn_tui.domain.history import CommitInfo  # made by `history`, not at start-up

MAIN_REF = "refs/heads/main"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA1_ID = re.compile(r"^[0-9a-f]{40}$")  # a SHA-1 repository's object id: trees parse as such
_BLOB_MODES = (b"100644", b"100755", b"120000")  # what ls-tree calls a blob


class RepoError(UserError):
    """A problem with the repository itself, with a sentence for the user (`[store]`)."""


class UnknownRevision(RepoError):
    pass


class UnreadableFile(RepoError):
    """A file asked for by name cannot be read: the sentence names it, its line and why."""

    def __init__(self, problem: Unreadable) -> None:
        super().__init__(unreadable_sentence(problem))
        self.problem = problem


def unreadable_sentence(problem: Unreadable) -> str:
    """`indsatser/x.md, linje 3: <why>` as the catalogue words it."""
    return t("badfiles.unreadable", path=problem.path, line=problem.line, reason=problem.message)


class ContentRepo:
    """A content repository, bare or with `main` checked out."""

    def __init__(self, git_dir: Path, work_tree: Path | None) -> None:
        self.git_dir = git_dir
        self.work_tree = work_tree
        self._cat = CatFile(git_dir)
        # Entries still in use somewhere (a snapshot, a screen), by blob id: shared, not kept.
        self._parsed: weakref.WeakValueDictionary[str, Indsats] = weakref.WeakValueDictionary()
        self._parsed_lock = threading.Lock()
        self._failed: dict[str, Unreadable] = {}  # blob id -> why it could not be read
        self._cache = cache.ParseCache(cache.cache_path(git_dir))
        self._year_rows: dict[str, tuple[Row, ...]] = {}  # datagrundlag files by blob id

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path) -> ContentRepo:
        path = path.expanduser()
        if not path.exists():
            raise RepoError(t("store.folder_missing", path=path))

        found = locate(path)
        if found is None:
            raise RepoError(t("store.not_a_repository", path=path))
        git_dir, work_tree = found
        repo = cls(git_dir, work_tree)
        repo._respect_shared_mode()
        return repo

    def _respect_shared_mode(self) -> None:
        """In a group-shared repository every file this process writes stays group-writable."""
        proc = run_git(self.git_dir, ["config", "--get", "core.sharedRepository"], check=False)
        value = proc.stdout.decode().strip().lower()
        if value in ("group", "true", "1", "all", "world", "everybody"):
            os.umask(os.umask(0) & ~0o070 & 0o777)

    @property
    def cat(self) -> CatFile:
        return self._cat

    @functools.cached_property
    def writes_objects_directly(self) -> bool:
        """SHA-1 repositories get objects written from Python; others use git's plumbing."""
        proc = run_git(self.git_dir, ["config", "--get", "extensions.objectformat"], check=False)
        return proc.stdout.decode().strip() in ("", "sha1")

    @property
    def is_bare(self) -> bool:
        return self.work_tree is None

    def close(self) -> None:
        self._cache.close()
        self._cat.close()

    # ------------------------------------------------------------------ refs
    def head(self) -> str | None:
        """The commit `main` points at, or None in an empty repository."""
        found = read_ref(self.git_dir, MAIN_REF)
        if found != UNKNOWN:
            return found
        proc = run_git(self.git_dir, ["rev-parse", "-q", "--verify", MAIN_REF], check=False)
        return proc.stdout.decode().strip() or None

    def main_stamp(self) -> tuple[tuple[int, int, int] | None, ...]:
        """A cheap fingerprint of the files that hold `main`: it changes whenever `main` moves.

        Two or three `stat` calls instead of a git process, so a session can look every second
        and call `head()` only when the stamp changed. Git replaces a ref file by renaming a
        new one over it, so the inode changes on every update. All None: the refs live where
        this cannot see them; then ask `head()` every time.
        """
        stamp: list[tuple[int, int, int] | None] = []
        for path in (
            self.git_dir / MAIN_REF,
            self.git_dir / "packed-refs",
            self.git_dir / "reftable" / "tables.list",
        ):
            try:
                info = path.stat()
            except OSError:
                stamp.append(None)
                continue
            stamp.append((info.st_ino, info.st_mtime_ns, info.st_size))
        return tuple(stamp)

    def main_checked_out(self) -> bool:
        if self.work_tree is None:
            return False
        try:
            head = (self.git_dir / "HEAD").read_text(encoding="utf-8").strip()
        except OSError:
            return False
        return head == f"ref: {MAIN_REF}"

    def resolve(self, name: str) -> Revision:
        """A revision by name: `main`, `vedtaget/2026-03-12`, `2026-03-12`, a tag or a commit."""
        return self.resolve_all([name])[0]

    def resolve_all(self, names: Sequence[str]) -> list[Revision]:
        """`resolve` of each name, the adopted versions among them read by one git process."""
        adopted: dict[str, Adoption] | None = None
        found: list[Revision] = []
        for name in names:
            tag = ADOPTED_PREFIX + name if _DATE.match(name) else name
            if tag.startswith(ADOPTED_PREFIX):
                if adopted is None:
                    adopted = {a.tag: a for a in self.adoptions()}
                adoption = adopted.get(tag)
                if adoption is not None and adoption.commit:
                    found.append(Revision(name=tag, commit=adoption.commit, adoption=adoption))
                    continue
            found.append(self._rev_parse(name))
        return found

    def _rev_parse(self, name: str) -> Revision:
        """`name` as git reads it (a date: its adopted tag first, e.g. a tag on a tag)."""
        candidates = [name]
        if _DATE.match(name):
            candidates.insert(0, ADOPTED_PREFIX + name)
        for candidate in candidates:
            # the commit and its time in one process: a draft is dated by its last commit
            proc = run_git(
                self.git_dir,
                [
                    "log",
                    "-1",
                    "--no-walk",
                    "--no-show-signature",  # a user's log.showSignature would print to stdout
                    "--format=%H %cI",
                    "--end-of-options",
                    f"{candidate}^{{commit}}",
                    "--",
                ],
                check=False,
            )
            found = proc.stdout.decode().split()
            if proc.returncode == 0 and len(found) == 2:
                commit, when = found
                adoption = None
                if candidate.startswith(ADOPTED_PREFIX):
                    adoption = self.adoption(candidate)
                committed = dt.datetime.fromisoformat(when) if adoption is None else None
                return Revision(
                    name=candidate, commit=commit, committed=committed, adoption=adoption
                )
        raise UnknownRevision(t("store.unknown_revision", name=name))

    # ------------------------------------------------------------------ reading
    def read(self, commit: str, path: str) -> bytes | None:
        found = self._cat.read(f"{commit}:{path}")
        if found is None or found[1] != "blob":
            return None
        return found[2]

    def blob_id(self, commit: str, path: str) -> str | None:
        found = self._cat.read(f"{commit}:{path}")
        return found[0] if found is not None and found[1] == "blob" else None

    def read_blob(self, blob: str) -> bytes:
        found = self._cat.read(blob)
        if found is None:
            raise RepoError(t("store.object_missing", blob=blob))
        return found[2]

    def folder_id(self, commit: str, folder: str = INDSATS_DIR) -> str | None:
        """The object id of `folder` at commit id `commit` ("" where there is none; None: not
        a commit id, whose folder may change). It names everything `indsats_files` reads
        there, so data made from those files can be cached by it without listing them."""
        if not _SHA1_ID.match(commit):
            return None
        found = self._cat.read(f"{commit}:{folder}")
        return "" if found is None else f"{found[1]}-{found[0]}"

    def tree_entries(
        self, commit: str, folder: str = INDSATS_DIR, suffix: str = ".md"
    ) -> dict[str, str]:
        """path -> blob id for the files ending in `suffix` directly in `folder` at `commit`."""
        return self.indsats_files(commit, folder, suffix)[0]

    def indsats_files(
        self, commit: str, folder: str = INDSATS_DIR, suffix: str = ".md"
    ) -> tuple[dict[str, str], list[Unreadable]]:
        """path -> blob id for the `suffix` files directly in `folder` at `commit`, and what in
        it looks like an indsats but can never be read as one (`x.MD`; the folder a file)."""
        listing: list[tuple[bytes, bytes, str]] = []  # (mode, name, object id)
        if _SHA1_ID.match(commit):  # immutable: read the tree through cat-file, no new process
            found = self._cat.read(f"{commit}:{folder}")
            if found is None:
                return {}, []
            if found[1] != "tree":
                return {}, [folder_is_file()] if folder == INDSATS_DIR else []
            listing = list(parse_tree(found[2]))
        else:
            proc = run_git(self.git_dir, ["ls-tree", "-z", commit, f"{folder}/"], check=False)
            for record in proc.stdout.split(b"\0"):
                if record:
                    info, _, path = record.partition(b"\t")
                    mode, _kind, oid = info.split()
                    listing.append((mode, path.rsplit(b"/", 1)[-1], oid.decode()))
        entries = {
            f"{folder}/{name.decode('utf-8', 'surrogateescape')}": oid
            for mode, name, oid in listing
            if mode in _BLOB_MODES and name.endswith(suffix.encode()) and name != suffix.encode()
        }
        names = (
            (name.decode("utf-8", "surrogateescape"), mode not in _BLOB_MODES)
            for mode, name, _oid in listing
        )
        return entries, listing_problems(names)

    def indsatser(self, commit: str) -> dict[str, Indsats]:
        """Every readable indsats at `commit`, by id (see `read_indsatser` for the others)."""
        return self.read_indsatser(commit)[0]

    def read_indsatser(self, commit: str) -> tuple[dict[str, Indsats], list[Unreadable]]:
        """Every readable indsats at `commit`, by id, and every indsats file that could not
        be read (with its line and why), in path order."""
        entries, problems = self.indsats_files(commit)
        known = self.entries(entries.items())
        readable: list[Indsats] = []
        for path, blob in sorted(entries.items()):
            entry = known.get(blob)
            if entry is None:
                problems.append(self._why_unreadable(path, blob))
                continue
            if entry.path != path:  # same text at another path (a moved file)
                entry = dataclasses.replace(entry, path=path)
            readable.append(entry)
        out, twins = keep_unique(readable)
        return out, sorted([*problems, *twins], key=lambda u: u.path)

    def _why_unreadable(self, path: str, blob: str) -> Unreadable:
        with self._parsed_lock:
            failed = self._failed.get(blob)
        if failed is None:  # a blob `entries` could not read at all
            found = read_indsats(self.read_blob(blob), path, blob)
            failed = found if isinstance(found, Unreadable) else None
        if failed is None:
            raise RepoError(t("store.object_missing", blob=blob))
        return dataclasses.replace(failed, path=path)

    def entries(self, items: Iterable[tuple[str, str]]) -> dict[str, Indsats]:
        """The parsed indsatser for (path, blob id) pairs, by blob id: from memory, from the
        parse cache, or parsed now (and cached). Blobs that do not parse are left out (why is
        kept for `read_indsatser`)."""
        items = list(items)
        have: dict[str, Indsats] = {}
        wanted: dict[str, str] = {}
        with self._parsed_lock:
            for path, blob in items:
                entry = self._parsed.get(blob)
                if entry is None:
                    wanted[blob] = path
                else:
                    have[blob] = entry
        if wanted:
            found = self._cache.get_many(list(wanted))
            missing = [(p, b) for b, p in wanted.items() if b not in found]
            parsed = self._parse_blobs(missing) if missing else {}
            if parsed:
                self._cache.put_many(parsed.values())
            have.update(found)
            have.update(parsed)
            with self._parsed_lock:
                self._parsed.update(found)
                self._parsed.update(parsed)
        return {b: have[b] for _p, b in items if b in have}

    def _parse_blobs(self, items: list[tuple[str, str]]) -> dict[str, Indsats]:
        results = self._cat.read_many(b for _p, b in items)
        parsed: dict[str, Indsats] = {}
        for (path, blob), found in zip(items, results, strict=True):
            if found is None:
                continue
            entry = read_indsats(found[2], path, blob)
            if isinstance(entry, Indsats):
                parsed[blob] = entry
                continue
            with self._parsed_lock:
                self._failed[blob] = entry
        return parsed

    def indsats(self, commit: str, indsats_id: str) -> Indsats | None:
        """The indsats `indsats_id` at `commit`, None if there is none; `UnreadableFile` if
        its file cannot be read."""
        path = indsats_path(indsats_id)
        found = self._cat.read(f"{commit}:{path}")
        if found is not None and found[1] == "blob":
            entry = read_indsats(found[2], path, found[0])
            if isinstance(entry, Unreadable):
                raise UnreadableFile(entry)
            return entry
        readable, problems = self.read_indsatser(commit)  # moved to another file name
        if indsats_id not in readable:
            for problem in problems:  # its own file, or one whose id cannot be told
                name = problem.path.rsplit("/", 1)[-1].lower()
                if name in (f"{indsats_id}.md", INDSATS_DIR, ".md"):
                    raise UnreadableFile(problem)
        return readable.get(indsats_id)

    def _file_data(self, commit: str, path: str, load: Callable[[bytes], Any]) -> tuple[bool, Any]:
        """(found, `load(content)`) for the file at `commit`, cached by its blob id."""
        found = self._cat.read(f"{commit}:{path}")
        if found is None or found[1] != "blob":
            return False, None
        hit, value = self._cache.get_data(found[0])
        if not hit:
            value = load(found[2])  # a file that does not parse raises, and is not cached
            self._cache.put_data(found[0], value)
        return True, value

    def cached(self, key: str) -> tuple[bool, Any]:
        """(True, data) that `remember` stored under `key` in the user's parse cache."""
        return self._cache.get_data(key)

    def remember(self, key: str, data: Any) -> None:
        """Keep data derived from immutable objects (the key must name them all)."""
        self._cache.put_data(key, data)

    def cache_exists(self) -> bool:
        """True once this program (this code stamp) has kept anything from this repository in
        the user's parse cache: False on the first start after an install or an update."""
        return self._cache.path.exists()

    def holding_cache_writes(self) -> contextlib.AbstractContextManager[None]:
        """Within the block, what is read goes to the user's parse cache only when it ends."""
        return self._cache.holding_writes()

    def cache_filled_by(self, wait: Callable[[], object]) -> None:
        """Another process is still writing the user's parse cache: the next read from it
        first waits for that process (`wait`), so it finds the rows instead of parsing."""
        self._cache.filled_by(wait)

    def check_memo(self) -> CheckResults:
        """Where `check` keeps each indsats file's rule results (the user's parse cache)."""
        return CheckResults(self._cache)

    def serviceniveau(self, commit: str) -> Serviceniveau | None:
        return self.read_serviceniveau(commit)[0]

    def read_serviceniveau(self, commit: str) -> tuple[Serviceniveau | None, Unreadable | None]:
        """`serviceniveau.md` at `commit` (None if there is none), or why it cannot be read."""

        def load(data: bytes) -> dict[str, Any]:
            doc = parse_bounded(data)
            return {"meta": doc.meta, "sections": doc.fields(DOCUMENT_SECTIONS)}

        try:
            found, parts = self._file_data(commit, SERVICENIVEAU_FILE, load)
        except (DocumentError, FrontmatterError) as exc:
            return None, problem_of(SERVICENIVEAU_FILE, exc)
        if not found:
            return None, None
        return Serviceniveau.from_parts(parts["meta"], parts["sections"]), None

    def adgang_data(self, commit: str) -> tuple[bool, Any]:
        """(found, adgang.yml's YAML data) at `commit`, cached by its blob id like `adgang`:
        a start asks whether it can be read without loading the YAML parser. Raises
        `FrontmatterError` if it cannot be read."""
        return self._file_data(commit, ADGANG_FILE, load_yaml)

    def adgang(self, commit: str | None) -> Adgang:
        if commit is None:
            return Adgang({})
        try:
            found, raw = self.adgang_data(commit)
        except FrontmatterError:
            return Adgang({})
        return adgang_from(raw) if found else Adgang({})

    def faggrupper(self, commit: str | None) -> list[Faggruppe]:
        if commit is None:
            return []
        try:
            found, raw = self._file_data(commit, FAGGRUPPER_FILE, load_yaml)
        except FrontmatterError:
            return []
        return faggrupper_from(raw) if found else []

    def snapshot(self, name: str = MAIN) -> Snapshot:
        return self.snapshot_of(self.resolve(name))

    def unreadable(self, commit: str) -> list[Unreadable]:
        """The content files at `commit` that could not be read: serviceniveau.md, indsatser."""
        problem = self.read_serviceniveau(commit)[1]
        return [*([problem] if problem else []), *self.read_indsatser(commit)[1]]

    def snapshot_of(self, revision: Revision) -> Snapshot:
        """The snapshot at an already resolved revision (no second `resolve`)."""
        serviceniveau, problem = self.read_serviceniveau(revision.commit)
        indsatser, unreadable = self.read_indsatser(revision.commit)
        return Snapshot(
            revision=revision,
            serviceniveau=serviceniveau,
            indsatser=indsatser,
            unreadable=tuple([problem, *unreadable] if problem else unreadable),
            datagrundlag=self.datagrundlag(revision.commit),
        )

    def datagrundlag(self, commit: str) -> dict[int, list[Row]]:
        """Every `datagrundlag/<år>.csv` at `commit` by year, oldest first; each file's rows
        kept in memory and in the user's parse cache by its blob id (a blob never changes).
        The table's module is imported here: the overview's first paint reads none."""
        from sn_tui.domain.datagrundlag.table import FOLDER as DATAGRUNDLAG_DIR
        from sn_tui.domain.datagrundlag.table import (
            parse_csv,
            row_from_cache,
            row_to_cache,
            year_of,
        )

        out: dict[int, list[Row]] = {}
        for path, blob in self.tree_entries(commit, DATAGRUNDLAG_DIR, ".csv").items():
            year = year_of(path)
            if year is None:
                continue
            rows = self._year_rows.get(blob)
            if rows is None:
                _found, cached = self._file_data(
                    commit, path, lambda data: [row_to_cache(r) for r in parse_csv(data)]
                )
                rows = tuple(row_from_cache(c) for c in cached or ())
                self._year_rows[blob] = rows
            out[year] = list(rows)
        return dict(sorted(out.items()))

    def files(self, commit: str) -> dict[str, str]:
        """Every file in the tree at `commit`: path -> blob id."""
        proc = run_git(self.git_dir, ["ls-tree", "-r", "-z", commit])
        out: dict[str, str] = {}
        for record in proc.stdout.split(b"\0"):
            if record:
                info, _, path = record.partition(b"\t")
                _mode, kind, oid = info.split()
                if kind == b"blob":
                    out[path.decode("utf-8", "surrogateescape")] = oid.decode()
        return out

    def read_files(self, commit: str) -> dict[str, bytes]:
        """Every file at `commit` with its content, read in one round trip."""
        listing = self.files(commit)
        found = self._cat.read_many(listing.values())
        return {p: f[2] for p, f in zip(listing, found, strict=True) if f is not None}

    # ------------------------------------------------------------------ history
    def history(
        self, path: str | None = None, rev: str = MAIN_REF, limit: int = 0
    ) -> list[CommitInfo]:
        """Commits touching `path` (following renames), newest first."""
        from sn_tui.domain.history import CommitInfo

        args = ["log", "-z", "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%s%x1f%b", rev]
        if limit:
            args.insert(1, f"-n{limit}")
        if path:
            args += ["--follow", "--", path]
        proc = run_git(self.git_dir, args, check=False)
        if proc.returncode != 0:
            return []
        commits: list[CommitInfo] = []
        for record in proc.stdout.decode("utf-8", "replace").split("\0"):
            record = record.strip("\n")
            if not record:
                continue
            commit, author, email, date, subject, body = (record.split("\x1f") + [""] * 6)[:6]
            commits.append(
                CommitInfo(commit, author, email, dt.datetime.fromisoformat(date), subject, body)
            )
        return commits

    def changes_since(self, old: str | None, new: str) -> list[tuple[CommitInfo, list[str]]]:
        """Each commit after `old` up to `new`, oldest first, with the paths it touched.

        What a session shows when `main` moved under it: who changed what.
        """
        spec = f"{old}..{new}" if old else new
        commits = list(reversed(self.history(rev=spec, limit=200)))
        return [(c, self.changed_paths(self._parent(c.commit), c.commit)) for c in commits]

    def _parent(self, commit: str) -> str | None:
        proc = run_git(self.git_dir, ["rev-parse", "-q", "--verify", f"{commit}^"], check=False)
        return proc.stdout.decode().strip() or None

    def is_ancestor(self, old: str, new: str) -> bool:
        """Whether `new` builds on `old` (a fast-forward from `old` reaches it)."""
        proc = run_git(self.git_dir, ["merge-base", "--is-ancestor", old, new], check=False)
        return proc.returncode == 0

    def changed_paths(self, old: str | None, new: str) -> list[str]:
        """Paths that differ between two commits (all of `new`'s if `old` is None)."""
        if old is None:
            return sorted(self.files(new))
        proc = run_git(self.git_dir, ["diff-tree", "-r", "-z", "--name-only", old, new])
        return [p for p in proc.stdout.decode("utf-8", "replace").split("\0") if p]

    # ------------------------------------------------------------------ adopted versions
    def adoptions(self) -> list[Adoption]:
        """Adopted versions, newest first."""
        proc = run_git(
            self.git_dir,
            [
                "for-each-ref",
                "--sort=-refname",
                f"--format=%(refname)%1f{_COMMIT_FORMAT}%1f%(contents)%1e",
                "refs/tags/vedtaget/",
            ],
            check=False,
        )
        found: list[Adoption] = []
        for record in proc.stdout.decode("utf-8", "replace").split("\x1e"):
            record = record.strip("\n")
            if not record:
                continue
            ref, kind, peeled, oid, peeled_oid, contents = ([*record.split("\x1f"), *[""] * 5])[:6]
            commit = _tagged_commit(kind, peeled, oid, peeled_oid)
            adoption = adoption_from_tag(ref, contents if kind == "tag" else "", commit)
            if adoption is not None:
                found.append(adoption)
        found.sort(key=lambda a: (a.date, _suffix(a.tag)), reverse=True)
        return found

    def adoption(self, tag: str) -> Adoption | None:
        ref = tag if tag.startswith("refs/") else f"refs/tags/{tag}"
        proc = run_git(
            self.git_dir,
            ["for-each-ref", f"--format={_COMMIT_FORMAT}%1f%(contents)", ref],
            check=False,
        )
        text = proc.stdout.decode("utf-8", "replace")
        if not text:
            return None
        kind, peeled, oid, peeled_oid, contents = ([*text.split("\x1f", 4), *[""] * 4])[:5]
        commit = _tagged_commit(kind, peeled, oid, peeled_oid)
        return adoption_from_tag(tag, contents if kind == "tag" else "", commit)

    def last_adoption(self) -> Adoption | None:
        found = self.adoptions()
        return found[0] if found else None


_COMMIT_FORMAT = "%(objecttype)%1f%(*objecttype)%1f%(objectname)%1f%(*objectname)"
"""for-each-ref fields that say which commit a tag points at (see `_tagged_commit`)."""


def _tagged_commit(kind: str, peeled: str, oid: str, peeled_oid: str) -> str:
    """The commit of a lightweight tag or of an annotated tag on a commit, else ""."""
    if kind == "commit":
        return oid
    return peeled_oid if kind == "tag" and peeled == "commit" else ""


def _suffix(tag: str) -> int:
    """1 for `vedtaget/2026-03-12`, N for `vedtaget/2026-03-12-N`."""
    rest = tag.removeprefix(ADOPTED_PREFIX)[10:]
    return int(rest[1:]) if rest.startswith("-") and rest[1:].isdigit() else 1
