"""People and faggrupper managed in sn-tui: `adgang.yml` and `faggrupper.yml` changed by an
admin as a normal commit (only the changed lines differ), with the guard rails of issue 20.

Also what a session says about its rights: adgang.yml that cannot be read, a role that is no
role, and either file edited in the work tree but not committed (which sn-tui does not read).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.entry import Faggruppe, Person
from sn_tui.domain.fields import ADGANG_FILE, FAGGRUPPER_FILE, indsats_path
from sn_tui.domain.rights import REVIEW_REQUIREMENT
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput, NotFound, ReadOnly
from sn_tui.services.session import Session

if TYPE_CHECKING:
    from sn_tui.services.outcomes import PersonChange
    from sn_tui.store.save import SaveResult


@dataclass(frozen=True)
class Rights:
    """What this session may do as of `main` now: the person (None: read-only), the
    faggrupper, and why the rights are not what adgang.yml on disk says (`rights_problem`)."""

    person: Person | None
    groups: list[Faggruppe]
    problem: str | None


class People(Session):
    """The admin's use cases on adgang.yml and faggrupper.yml, and the state of the rights."""

    # ------------------------------------------------------------------ reading
    def people(self) -> list[Person]:
        from sn_tui.domain.danish import sort_key

        return sorted(self.adgang().personer.values(), key=lambda p: sort_key(p.navn))

    def groups(self) -> list[Faggruppe]:
        return self.repo.faggrupper(self.repo.head())

    def group_id(self, name: str) -> str:
        """The id of the faggruppe called `name`: its id, or its navn in any case ("Jurister"
        for `jura`); else one sentence naming the faggrupper there are."""
        wanted = name.strip()
        groups = self.groups()
        for group in groups:
            if wanted == group.id:
                return group.id
        for group in groups:
            if wanted.casefold() in (group.navn.casefold(), group.id.casefold()):
                return group.id
        known = ", ".join(f"{g.navn} ({g.id})" for g in groups) or "-"
        raise InvalidInput(t("people.unknown_group", group=wanted, known=known))

    def adgang_problem(self) -> str | None:
        """Why adgang.yml on `main` gives nobody rights: unreadable YAML, or a role that is no
        role (None: it can be used)."""
        from sn_tui.domain.people import raw_roles, unknown_roles

        head = self.repo.head()
        if head is None:
            return None
        try:  # the data as `rights` reads it, from the parse cache by blob id
            found, raw = self.repo.adgang_data(head)
        except FrontmatterError as exc:
            return t("people.adgang_broken", line=exc.line)
        if not found:
            return None
        if raw is not None and not isinstance(raw, dict):
            return t("people.adgang_not_mapping")
        wrong = unknown_roles(raw_roles(raw))
        return t("people.adgang_unknown_role", role=wrong[0]) if wrong else None

    def rights_problem(self) -> str | None:
        """`adgang_problem`, else which of adgang.yml and faggrupper.yml is changed in the
        work tree but not committed (sn-tui reads `main`, so the edit has no effect yet)."""
        return self.adgang_problem() or self._uncommitted_problem()

    def _uncommitted_problem(self) -> str | None:
        from sn_tui.store.pending import uncommitted

        pending = uncommitted(self.repo, [ADGANG_FILE, FAGGRUPPER_FILE])
        return t("people.uncommitted", files=" og ".join(pending)) if pending else None

    def rights_stamp(self) -> tuple[object, ...]:
        """Changes whenever the rights may have: `main` moved, or adgang.yml or
        faggrupper.yml was edited in the work tree."""
        from sn_tui.store.pending import work_tree_stamp

        main = self.repo.main_stamp()
        if not any(main):  # refs this cannot stat: ask git
            main = (self.repo.head(),)  # type: ignore[assignment]
        return (main, work_tree_stamp(self.repo, [ADGANG_FILE, FAGGRUPPER_FILE]))

    def rights(self) -> Rights:
        head = self.repo.head()
        problem = self.adgang_problem()  # once: every start asks (a read of adgang.yml each)
        person = None if problem else self.repo.adgang(head).person(self.login)
        return Rights(person, self.repo.faggrupper(head), problem or self._uncommitted_problem())

    def writer(self) -> Person:
        """Nobody writes while adgang.yml on `main` cannot be used (the reason is the error)."""
        problem = self.adgang_problem()
        if problem:
            raise ReadOnly(problem)
        return super().writer()

    # ------------------------------------------------------------------ people
    def add_person(self, login: str, change: PersonChange) -> SaveResult:
        from sn_tui.domain.people import valid_login, with_person

        admin, head, text = self._admin_file(ADGANG_FILE)
        if not valid_login(login):
            raise InvalidInput(t("people.bad_login", login=login))
        adgang = self.repo.adgang(head)
        if adgang.person(login) is not None:
            raise InvalidInput(t("people.duplicate_login", login=login))
        if not (change.navn or "").strip():
            raise InvalidInput(t("people.navn_missing", login=login))
        self._check_change(change)
        keys = change.as_keys()
        keys.setdefault("faggrupper", [])
        keys.setdefault("roller", [])
        new = with_person(text, login, keys, exists=False)
        message = t("people.commit_added", login=login, navn=str(change.navn).strip())
        return self._commit(ADGANG_FILE, new, head, admin, message)

    def set_person(self, login: str, change: PersonChange) -> SaveResult:
        from sn_tui.domain.people import ADMIN, admins, with_person

        admin, head, text = self._admin_file(ADGANG_FILE)
        adgang = self.repo.adgang(head)
        person = adgang.person(login)
        if person is None:
            raise NotFound(t("people.no_such_person", login=login))
        self._check_change(change)
        if change.roller is not None and ADMIN not in change.roller:
            self._keep_an_admin(admins(adgang), login)
        new = with_person(text, login, change.as_keys(), exists=True)
        return self._commit(ADGANG_FILE, new, head, admin, t("people.commit_set", login=login))

    def remove_person(self, login: str) -> SaveResult:
        from sn_tui.domain.people import admins, without_person

        admin, head, text = self._admin_file(ADGANG_FILE)
        adgang = self.repo.adgang(head)
        if adgang.person(login) is None:
            raise NotFound(t("people.no_such_person", login=login))
        self._keep_an_admin(admins(adgang), login)
        new = without_person(text, login)
        return self._commit(ADGANG_FILE, new, head, admin, t("people.commit_removed", login=login))

    def _check_change(self, change: PersonChange) -> None:
        from sn_tui.domain.people import unknown_roles
        from sn_tui.domain.rights import ROLES

        if change.navn is not None and not change.navn.strip():
            raise InvalidInput(t("people.navn_empty"))
        if change.roller is not None:
            wrong = unknown_roles(change.roller)
            if wrong:
                raise InvalidInput(t("people.bad_role", role=wrong[0], roles=", ".join(ROLES)))
        if change.faggrupper is not None:
            known = {g.id for g in self.groups()}
            for group in change.faggrupper:
                if group not in known:
                    self.group_id(group)  # raises, naming the faggrupper there are

    def _keep_an_admin(self, admins: Sequence[str], login: str) -> None:
        if admins == [login]:
            raise InvalidInput(t("people.last_admin", login=login))

    # ------------------------------------------------------------------ faggrupper
    def add_group(self, group_id: str, navn: str) -> SaveResult:
        from sn_tui.domain.people import valid_group_id, with_group

        admin, head, text = self._admin_file(FAGGRUPPER_FILE)
        if not valid_group_id(group_id):
            raise InvalidInput(t("people.bad_group_id", group=group_id))
        if not navn.strip():
            raise InvalidInput(t("people.group_navn_missing", group=group_id))
        if any(g.id == group_id for g in self.groups()):
            raise InvalidInput(t("people.duplicate_group", group=group_id))
        new = with_group(text, group_id, navn.strip())
        message = t("people.commit_group_added", group=group_id, navn=navn.strip())
        return self._commit(FAGGRUPPER_FILE, new, head, admin, message)

    def rename_group(self, group_id: str, navn: str) -> SaveResult:
        from sn_tui.domain.people import with_group_name

        admin, head, text = self._admin_file(FAGGRUPPER_FILE)
        self._existing_group(group_id)
        if not navn.strip():
            raise InvalidInput(t("people.group_navn_missing", group=group_id))
        new = with_group_name(text, group_id, navn.strip())
        message = t("people.commit_group_renamed", group=group_id, navn=navn.strip())
        return self._commit(FAGGRUPPER_FILE, new, head, admin, message)

    def indsatser_requiring(self, group_id: str) -> list[str]:
        head = self.repo.head()
        if head is None:
            return []
        return sorted(i.id for i in self.repo.indsatser(head).values() if group_id in i.faggrupper)

    def remove_group(
        self, group_id: str, replace_with: str | None = None, *, drop: bool = False
    ) -> SaveResult:
        """Remove a faggruppe in one commit. The indsatser that require it get `replace_with`
        instead, or lose it (`drop`); without either, a group in use is refused, naming them.
        People keep their other faggrupper."""
        from sn_tui.domain.people import GROUPS_KEY, with_person, without_group

        admin, head, text = self._admin_file(FAGGRUPPER_FILE)
        self._existing_group(group_id)
        using = self.indsatser_requiring(group_id)
        if replace_with is not None:
            replace_with = self.group_id(replace_with)
            if replace_with == group_id:
                raise InvalidInput(t("people.replace_same", group=group_id))
        if using and replace_with is None and not drop:
            raise InvalidInput(
                t("people.group_in_use", group=group_id, count=len(using), ids=", ".join(using))
            )
        assert head is not None  # a faggruppe exists, so main has a commit
        changes: dict[str, bytes | None] = {FAGGRUPPER_FILE: without_group(text, group_id).encode()}
        for ident in using:
            path = indsats_path(ident)
            data = self.repo.read(head, path)
            if data is None:
                continue
            try:
                doc = Document.parse(data)
            except (DocumentError, FrontmatterError):
                continue
            groups = [g for g in doc.meta.get(REVIEW_REQUIREMENT) or [] if g != group_id]
            if replace_with is not None and replace_with not in groups:
                groups.append(replace_with)
            changes[path] = doc.with_meta(REVIEW_REQUIREMENT, groups).to_bytes()
        adgang_data = self.repo.read(head, ADGANG_FILE)
        members = [p for p in self.repo.adgang(head).personer.values() if group_id in p.faggrupper]
        if adgang_data is not None and members:
            adgang_text = adgang_data.decode("utf-8")
            for person in members:
                kept = [g for g in person.faggrupper if g != group_id]
                adgang_text = with_person(
                    adgang_text, person.login, {GROUPS_KEY: kept}, exists=True
                )
            changes[ADGANG_FILE] = adgang_text.encode()
        message = t("people.commit_group_removed", group=group_id)
        return self._save(changes, head, admin, message)

    def _existing_group(self, group_id: str) -> None:
        if not any(g.id == group_id for g in self.groups()):
            known = ", ".join(g.id for g in self.groups()) or "-"
            raise NotFound(t("people.no_such_group", group=group_id, known=known))

    # ------------------------------------------------------------------ writing
    def _admin_file(self, path: str) -> tuple[Person, str | None, str]:
        """The admin making the change, `main`'s head and the file's text there; refused
        while adgang.yml cannot be read or the user is no admin."""
        from sn_tui.domain.people import ADMIN

        head = self.repo.head()
        problem = self.adgang_problem()
        if problem:
            raise ReadOnly(problem)
        person = self.repo.adgang(head).person(self.login)
        if person is None or not person.has_role(ADMIN):
            raise ReadOnly(t("people.not_admin", login=self.login))
        data = self.repo.read(head, path) if head else None
        return person, head, (data or b"").decode("utf-8")

    def _commit(
        self, path: str, text: str, head: str | None, author: Person, message: str
    ) -> SaveResult:
        return self._save({path: text.encode("utf-8")}, head, author, message)

    def _save(
        self, changes: Mapping[str, bytes | None], head: str | None, author: Person, message: str
    ) -> SaveResult:
        from sn_tui.store.save import save_files

        return save_files(self.repo, changes, base=head, author=author, message=message + "\n")
