"""The services the CLI and the TUI share: one person working in one content repository.

Neither front end touches Git directly; they call these methods (the TUI from workers).
Saving, adopting and checking import their machinery when first used: a command that only
reads (`list`, `diff`, the TUI's first screen) does not pay for the rules or the writers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.entry import Adgang, Indsats, Person
from sn_tui.domain.fields import (
    FAGGRUPPER_FILE,
    FIELDS,
    ID_PATTERN,
    SERVICENIVEAU_FILE,
    indsats_path,
)
from sn_tui.domain.snapshot import Adoption, Snapshot
from sn_tui.services.errors import CheckFailed, InvalidInput, NotFound, ReadOnly
from sn_tui.store.repo import ContentRepo

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding
    from sn_tui.domain.checks.runner import CheckReport
    from sn_tui.domain.overview import OverviewRow
    from sn_tui.services.reviews import Reviews
    from sn_tui.store.save import SaveResult

if TYPE_CHECKING:
    from sn_tui.domain.diff import Comparison


@dataclass(frozen=True)
class Overview:
    """What the overview shows first: `main`'s rows, the kommune and the last adoption."""

    head: str | None
    rows: list[OverviewRow]
    kommune: str
    adoption: Adoption | None


_ID = re.compile(rf"^{ID_PATTERN}$")
STEERING_ROLES = ("godkender", "admin")  # who adopts versions and runs review rounds


def write_atomically(target: Path, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file beside it, renamed into place."""
    if not target.parent.is_dir():
        raise InvalidInput(f"Mappen {target.parent} findes ikke; filen kan ikke skrives.")
    if target.is_dir():
        raise InvalidInput(f"{target} er en mappe; angiv et filnavn.")
    tmp = target.with_name(f".{target.name}.sn-tui-{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as exc:
        raise InvalidInput(
            f"Filen {target} kunne ikke skrives ({exc.strerror or type(exc).__name__})."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class EditState:
    """What an edit starts from: the commit it is based on and the file's bytes there."""

    indsats_id: str
    base: str | None
    data: bytes | None

    @property
    def document(self) -> Document:
        if self.data is None:
            raise NotFound(f"Indsatsen '{self.indsats_id}' findes ikke.")
        return Document.parse(self.data)


def resolve_repo_path(arg: str | None) -> Path:
    return Path(arg or os.environ.get("SN_REPO") or os.getcwd())


def resolve_login(arg: str | None) -> str:
    """--user, else $SN_USER, else the OS login. Over SSH the OS login (or the forced
    command's --user) decides: a client cannot choose its identity through the environment."""
    if arg:
        return arg
    if os.environ.get("SN_USER") and not os.environ.get("SSH_CONNECTION"):
        return os.environ["SN_USER"]
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ukendt"


def new_indsats_text(indsats_id: str, titel: str, kategori: str, faggrupper: Sequence[str]) -> str:
    """A new indsats from the template: frontmatter and all eight headings, empty."""
    groups = ", ".join(faggrupper)
    head = (
        "---\n"
        f"id: {indsats_id}\n"
        f"titel: {_yaml_str(titel)}\n"
        f"kategori: {_yaml_str(kategori)}\n"
        f"faggrupper: [{groups}]\n"
        "økonomi:\n"
        "  budget_kr: 0\n"
        "  forventet_antal: 0\n"
        "---\n"
    )
    return head + "".join(f"\n## {name}\n\n" for name in FIELDS)


def _yaml_str(value: str) -> str:
    import yaml

    dumped: str = yaml.safe_dump(value, allow_unicode=True, width=10**9)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


class Workspace:
    """A content repository opened by one person (login)."""

    def __init__(self, repo: ContentRepo, login: str, db_url: str | None = None) -> None:
        self.repo = repo
        self.login = login
        self._db_url = db_url
        self._reviews: Reviews | None = None

    @classmethod
    def open(
        cls, repo_arg: str | None = None, user_arg: str | None = None, db_url: str | None = None
    ) -> Workspace:
        repo = ContentRepo.open(resolve_repo_path(repo_arg))
        return cls(repo, resolve_login(user_arg), db_url)

    @property
    def reviews(self) -> Reviews:
        """The review side (its database opens on first use)."""
        if self._reviews is None:
            from sn_tui.services.reviews import Reviews

            self._reviews = Reviews(self, self._db_url)
        return self._reviews

    def close(self) -> None:
        if self._reviews is not None:
            self._reviews.close()
        self.repo.close()

    # ------------------------------------------------------------------ identity
    def adgang(self) -> Adgang:
        return self.repo.adgang(self.repo.head())

    def person(self) -> Person | None:
        return self.adgang().person(self.login)

    def writer(self) -> Person:
        person = self.person()
        if person is None:
            raise ReadOnly(
                f"Login '{self.login}' står ikke i adgang.yml; du kan læse, men ikke gemme."
            )
        return person

    # ------------------------------------------------------------------ reading
    def snapshot(self, rev: str = "main") -> Snapshot:
        return self.repo.snapshot(rev)

    def rendered_comparison(self, a: str, b: str, fmt: str, *, color: bool = False) -> bytes:
        """Versions `a` and `b` compared and rendered as `fmt` (see `export.render_comparison`).

        Served from the user's cache of renderings when these two commits were compared so
        before, with the same names and adoption facts; computed (and cached) otherwise.
        """
        from sn_tui.cache.comparisons import ComparisonCache, comparison_key

        rev_a, rev_b = self.repo.resolve_all([a, b])
        # only a Word file names an author (for a draft's tracked changes)
        author = self._author_name() if fmt == "docx" else ""
        key = comparison_key(fmt, str(color), author, repr(rev_a), repr(rev_b))
        cache = ComparisonCache(self.repo.git_dir)
        data = cache.get(key)
        if data is None:
            from sn_tui.domain.diff import compare
            from sn_tui.export import render_comparison

            comparison = compare(self.repo.snapshot_of(rev_a), self.repo.snapshot_of(rev_b))
            data = render_comparison(comparison, fmt, color=color, author=author or None)
            cache.put(key, data)
        return data

    def overview(self) -> Overview:
        """The overview of `main` as it is now (rows from the cache where they were before)."""
        repo = self.repo
        head = repo.head()
        if head is None:
            return Overview(None, [], "", repo.last_adoption())
        doc = repo.serviceniveau(head)
        adoption = repo.last_adoption()
        adopted = None
        if adoption is not None:
            adopted = repo.tree_entries(adoption.commit or repo.resolve(adoption.tag).commit)
        rows = self.overview_rows(head, adopted)
        return Overview(head, rows, doc.kommune if doc else "", adoption)

    def overview_rows(self, head: str, adopted: Mapping[str, str] | None) -> list[OverviewRow]:
        """The overview's rows at commit `head` (`adopted`: the last adopted version's
        path -> blob id), from the user's cache when these same files were shown before: a
        start then reads ~150 KB of rows instead of every indsats' text."""
        from sn_tui.domain.overview import OverviewRow, build_rows

        current = self.repo.tree_entries(head)
        facts = (sorted(current.items()), sorted((adopted or {}).items()))  # code: cache.stamp
        digest = hashlib.sha1(repr(facts).encode(), usedforsecurity=False).hexdigest()
        key = f"overview-rows:{digest}"
        hit, data = self.repo.cached(key)
        if hit:
            return [OverviewRow(*values) for values in data]
        rows = build_rows(self.repo.indsatser(head).values(), adopted, index=False)
        names = [f.name for f in dataclasses.fields(OverviewRow)]  # astuple deep-copies: slow
        self.repo.remember(key, [[getattr(row, n) for n in names] for row in rows])
        return rows

    def indsatser(self, rev: str = "main") -> list[Indsats]:
        from sn_tui.domain.danish import sort_key

        snap = self.snapshot(rev)
        return sorted(
            snap.indsatser.values(), key=lambda i: (sort_key(i.kategori), sort_key(i.titel))
        )

    def versions(self) -> list[Adoption]:
        """Adopted versions, newest first."""
        return self.repo.adoptions()

    def version_in_force(self, day: dt.date) -> Adoption | None:
        """The adopted version in force on `day` (by ikrafttræden, else adoption date)."""
        from sn_tui.domain.versions import in_force

        return in_force(self.repo.adoptions(), day)

    def compare(self, a: str, b: str) -> Comparison:
        """What changed from version `a` to version `b` (adopted versions, main or revisions)."""
        from sn_tui.domain.diff import compare

        return compare(self.snapshot(a), self.snapshot(b))

    def render_comparison(self, comparison: Comparison, fmt: str, *, color: bool = False) -> bytes:
        """A comparison as a file in `fmt`; a draft's tracked changes carry this person's name."""
        from sn_tui.export import render_comparison

        return render_comparison(comparison, fmt, color=color, author=self._author_name())

    def _author_name(self) -> str:
        person = self.person()
        return person.navn if person is not None else self.login

    def files(self, rev: str = "main") -> dict[str, bytes]:
        return self.repo.read_files(self.repo.resolve(rev).commit)

    def check(self, rev: str = "main", stop: Callable[[], bool] | None = None) -> list[Finding]:
        return self.check_report(rev, stop=stop).findings

    def check_report(
        self,
        rev: str = "main",
        only: Collection[str] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> CheckReport:
        """Structure, legal and language rules at `rev`; `only` narrows to categories; `stop`
        ends it early (`model.checking.CheckStopped`)."""
        from sn_tui.domain.checks.runner import CheckReport, run_checks

        if self.repo.head() is None:
            return CheckReport([])
        return run_checks(self.files(rev), only, self.repo.check_memo(), stop)

    def check_edit(self, path: str, data: bytes, base: str | None) -> CheckReport:
        """`check` of one file as the editor holds it, against the faggrupper of `base`."""
        from sn_tui.domain.checks.runner import check_file

        faggrupper = self.repo.read(base, FAGGRUPPER_FILE) if base else None
        return check_file(path, data, faggrupper)

    def edit_state(self, indsats_id: str, base: str | None = None) -> EditState:
        commit = base or self.repo.head()
        if commit is None:
            return EditState(indsats_id, None, None)
        path = indsats_path(indsats_id)
        return EditState(indsats_id, commit, self.repo.read(commit, path))

    def serviceniveau_state(self, base: str | None = None) -> EditState:
        """Like `edit_state`, for serviceniveau.md (Forord and Principper)."""
        commit = base or self.repo.head()
        data = self.repo.read(commit, SERVICENIVEAU_FILE) if commit else None
        return EditState(SERVICENIVEAU_FILE, commit, data)

    # ------------------------------------------------------------------ writing
    def save_serviceniveau(
        self, data: bytes, base: str | None, note: str | None = None
    ) -> SaveResult:
        """Save serviceniveau.md edited from commit `base` (compare-and-swap, merged if needed)."""
        from sn_tui.domain.changes import changed_parts
        from sn_tui.store.save import save_files

        author = self.writer()
        old = self.repo.read(base, SERVICENIVEAU_FILE) if base else None
        parts = changed_parts(old, data)
        if note and note.strip():
            subject = note.strip().splitlines()[0]
        else:
            subject = f"ændret {', '.join(parts)}" if parts else "gemt"
        message = f"Serviceniveau: {subject}\n"
        return save_files(
            self.repo, {SERVICENIVEAU_FILE: data}, base=base, author=author, message=message
        )

    def save_indsats(
        self, indsats_id: str, data: bytes, base: str | None, note: str | None = None
    ) -> SaveResult:
        """Save one indsats file edited from commit `base` (compare-and-swap, merged if needed)."""
        from sn_tui.domain.changes import changed_parts, commit_message
        from sn_tui.store.save import save_files

        author = self.writer()
        path = indsats_path(indsats_id)
        old = self.repo.read(base, path) if base else None
        try:
            titel = str(Document.parse(data).meta.get("titel") or indsats_id)
        except (DocumentError, FrontmatterError) as exc:
            raise InvalidInput(f"Indsatsen kan ikke gemmes: {exc}") from exc
        message = commit_message(titel, indsats_id, changed_parts(old, data), note)
        return save_files(self.repo, {path: data}, base=base, author=author, message=message)

    def set_meta(
        self, indsats_id: str, key: str, value: Any, base: str | None = None
    ) -> SaveResult:
        state = self.edit_state(indsats_id, base)
        if not key or any(not part for part in key.split(".")):
            raise InvalidInput(f"'{key}' er ikke en gyldig nøgle; brug fx økonomi.budget_kr.")
        if key == "id":
            raise InvalidInput("Id kan ikke ændres; id'et er indsatsens faste navn.")
        doc = state.document.with_meta(key, value)
        return self.save_indsats(indsats_id, doc.to_bytes(), state.base)

    def set_field(
        self, indsats_id: str, field: str, text: str, base: str | None = None
    ) -> SaveResult:
        if field not in FIELDS:
            raise InvalidInput(f"'{field}' er ikke et af felterne: {', '.join(FIELDS)}.")
        state = self.edit_state(indsats_id, base)
        doc = state.document.with_field(field, text)
        return self.save_indsats(indsats_id, doc.to_bytes(), state.base)

    def create_indsats(
        self, indsats_id: str, titel: str, kategori: str, faggrupper: Sequence[str] = ()
    ) -> SaveResult:
        if not _ID.match(indsats_id):
            raise InvalidInput(
                f"Id '{indsats_id}' er ugyldigt; brug kun små bogstaver a-z, tal og bindestreg."
            )
        if not titel.strip():
            raise InvalidInput("En ny indsats skal have en titel.")
        author = self.writer()
        head = self.repo.head()
        path = indsats_path(indsats_id)
        if head and self.repo.read(head, path) is not None:
            raise InvalidInput(f"Der findes allerede en indsats med id '{indsats_id}'.")
        from sn_tui.store.save import save_files

        text = new_indsats_text(indsats_id, titel.strip(), kategori.strip(), faggrupper)
        message = f"{titel.strip()}: ny indsats\n\nIndsats: {indsats_id}\n"
        return save_files(
            self.repo, {path: text.encode()}, base=head, author=author, message=message
        )

    def adopt(
        self,
        *,
        date: dt.date,
        udvalg: str,
        punkt: str,
        moededato: dt.date | None = None,
        ikraft: dt.date | None = None,
    ) -> str:
        """Tag `main` as adopted; only a godkender or admin, and only with no check errors."""
        from sn_tui.domain.versions import adoption_message
        from sn_tui.store.adopt import create_adoption_tag, free_tag_name

        person = self.adopter()
        if not udvalg.strip() or not punkt.strip():
            raise InvalidInput("Angiv både udvalg (--udvalg) og dagsordenpunkt (--punkt).")
        if ikraft is not None and ikraft < date:
            raise InvalidInput("Ikrafttrædelsen kan ikke ligge før vedtagelsen.")
        head = self.repo.head()
        if head is None:
            raise InvalidInput("Der er intet at vedtage endnu; repositoriet er tomt.")
        errors = [f for f in self.check(head) if f.severity == "error"]
        if errors:
            raise CheckFailed(errors)
        message = adoption_message(
            vedtaget_af=f"{person.navn} <{person.email}>",
            udvalg=udvalg.strip(),
            moededato=moededato or date,
            dagsordenpunkt=punkt.strip(),
            ikraft=ikraft,
            review_summary=self.review_summary(head),
        )
        tag = free_tag_name(self.repo, date)
        return create_adoption_tag(self.repo, head, tag, message, person)

    def adopter(self) -> Person:
        """This person, if they may adopt (role godkender or admin); else ReadOnly saying why."""
        return self.steering("vedtage")

    def steering(self, doing: str) -> Person:
        """This person, if they have a steering role; else ReadOnly: "… kan ikke `doing`."."""
        person = self.writer()
        if not person.has_role(*STEERING_ROLES):
            raise ReadOnly(
                f"{person.navn} har ikke rollen godkender eller admin og kan ikke {doing}."
            )
        return person

    def review_summary(self, commit: str) -> str:
        """Review status per indsats for the adoption's tag message."""
        return self.reviews.summary(commit)

    def tag_problems(self) -> list[str]:
        from sn_tui.store.ledger import verify_tags

        return [p.message for p in verify_tags(self.repo.git_dir)]

    def delete_indsats(self, indsats_id: str, base: str | None = None) -> SaveResult:
        from sn_tui.store.save import save_files

        author = self.writer()
        state = self.edit_state(indsats_id, base)
        titel = str(state.document.meta.get("titel") or indsats_id)
        message = f"{titel}: slettet\n\nIndsats: {indsats_id}\n"
        path = indsats_path(indsats_id)
        return save_files(self.repo, {path: None}, base=state.base, author=author, message=message)
