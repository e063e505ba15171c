"""Editing the content: the state an edit starts from, saving it, and finishing a conflicted save.

Every save is a compare-and-swap on `main` (`sn_tui.store.save`): an edit made from an older
commit is merged field by field with what was saved since. Where someone else changed the same
field, `save_edit` returns a `Conflicted` and `finish_save` saves the user's choices.

Two rules guard every save: one that would add personal data is refused unless forced
(`services.personal_data`), and only a godkender or admin may change which faggrupper must
review an indsats (`domain.rights`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.fields import FIELDS, ID_PATTERN, SERVICENIVEAU_FILE, indsats_path
from sn_tui.domain.unreadable import Unreadable, read_indsats
from sn_tui.i18n import t
from sn_tui.services.errors import InvalidInput, ReadOnly
from sn_tui.services.personal_data import added_personal_data, refuse_personal_data
from sn_tui.services.session import Session

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding
    from sn_tui.domain.entry import Person
    from sn_tui.services.outcomes import Conflicted, EditState, Saved
    from sn_tui.store.save import SaveResult

_ID = re.compile(rf"^{ID_PATTERN}$")


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


def _path(indsats_id: str | None) -> str:
    return SERVICENIVEAU_FILE if indsats_id is None else indsats_path(indsats_id)


class Editing(Session):
    """The use cases that change the content of `main`."""

    def edit_state(self, indsats_id: str, base: str | None = None) -> EditState:
        from sn_tui.services.outcomes import EditState

        commit = base or self.repo.head()
        if commit is None:
            return EditState(indsats_id, None, None)
        path = indsats_path(indsats_id)
        return EditState(indsats_id, commit, self.repo.read(commit, path))

    def serviceniveau_state(self, base: str | None = None) -> EditState:
        """Like `edit_state`, for serviceniveau.md (Forord and Principper)."""
        from sn_tui.services.outcomes import EditState

        commit = base or self.repo.head()
        data = self.repo.read(commit, SERVICENIVEAU_FILE) if commit else None
        return EditState(SERVICENIVEAU_FILE, commit, data)

    # ------------------------------------------------------------------ saving a whole file
    def save_serviceniveau(
        self, data: bytes, base: str | None, note: str | None = None, *, force: bool = False
    ) -> SaveResult:
        """Save serviceniveau.md edited from commit `base` (compare-and-swap, merged if needed)."""
        from sn_tui.domain.changes import changed_parts
        from sn_tui.store.save import save_files

        author = self.writer()
        old = self.repo.read(base, SERVICENIVEAU_FILE) if base else None
        refuse_personal_data({SERVICENIVEAU_FILE: (old, data)}, force=force)
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
        self,
        indsats_id: str,
        data: bytes,
        base: str | None,
        note: str | None = None,
        *,
        force: bool = False,
    ) -> SaveResult:
        """Save one indsats file edited from commit `base` (compare-and-swap, merged if needed);
        `force`: the user confirmed saving the personal data it adds."""
        from sn_tui.domain.changes import changed_parts, commit_message
        from sn_tui.store.save import save_files

        author = self.writer()
        path = indsats_path(indsats_id)
        old = self.repo.read(base, path) if base else None
        try:
            meta = Document.parse(data).meta
        except (DocumentError, FrontmatterError) as exc:
            raise InvalidInput(f"Indsatsen kan ikke gemmes: {exc}") from exc
        titel = str(meta.get("titel") or indsats_id)
        unreadable = read_indsats(data, path)
        if isinstance(unreadable, Unreadable):  # saved, it would vanish from every list
            raise InvalidInput(t("badfiles.not_saved", reason=unreadable.message))
        self._guard_review_requirement(author, old, meta)
        refuse_personal_data({path: (old, data)}, force=force)
        message = commit_message(titel, indsats_id, changed_parts(old, data), note)
        return save_files(self.repo, {path: data}, base=base, author=author, message=message)

    def save_edit(
        self,
        indsats_id: str | None,
        data: bytes,
        base: str | None,
        note: str = "",
        *,
        force: bool = False,
    ) -> Saved | Conflicted:
        """An editor's save of an indsats (None: serviceniveau.md) edited from commit `base`:
        `Saved`, or `Conflicted` where someone else changed the same fields meanwhile.
        Raises `PersonalDataFound` for a text that adds personal data, unless `force`."""
        from sn_tui.services.outcomes import Conflicted, Saved
        from sn_tui.store.save import SaveConflict

        try:
            if indsats_id is None:
                result = self.save_serviceniveau(data, base, note or None, force=force)
            else:
                result = self.save_indsats(indsats_id, data, base, note or None, force=force)
        except SaveConflict as exc:
            return Conflicted(indsats_id, exc.conflicts, base, exc.theirs_commit, data, note, force)
        saved = self.repo.read(result.commit, _path(indsats_id)) if result.commit else None
        return Saved(result.commit, result.changed, result.merged, data if saved is None else saved)

    def finish_save(
        self, conflict: Conflicted, choices: Mapping[str, str | None]
    ) -> Saved | Conflicted | None:
        """Save a conflicted edit again with the user's choice per conflicting field, on top
        of their commit (`sn_tui.domain.resolve`); None: the chosen result is no file at all."""
        from sn_tui.domain.resolve import resolve_conflicts

        path = _path(conflict.indsats_id)
        base_data = self.repo.read(conflict.base, path) if conflict.base else None
        theirs = self.repo.read(conflict.theirs, path) if conflict.theirs else None
        resolved = resolve_conflicts(base_data, conflict.mine, theirs, choices)
        if resolved is None:
            return None
        return self.save_edit(
            conflict.indsats_id, resolved, conflict.theirs, conflict.note, force=conflict.force
        )

    # ------------------------------------------------------------------ the guards
    def personal_data_findings(
        self, texts: Mapping[str, bytes | None], base: str | None = None
    ) -> list[Finding]:
        """The personal-data errors these texts (path -> file) would add to the repository
        as of commit `base` (None: `main` now); for an import to refuse or confirm with
        `services.personal_data.PersonalDataFound`."""
        commit = base or self.repo.head()
        return [
            finding
            for path, data in texts.items()
            for finding in added_personal_data(
                path, self.repo.read(commit, path) if commit else None, data
            )
        ]

    def _guard_review_requirement(
        self, person: Person, old: bytes | None, new_meta: Mapping[str, Any]
    ) -> None:
        """Refuse a change of the required faggrupper by someone who may not decide them."""
        from sn_tui.domain.rights import may_decide_review, review_requirement_changed

        if old is None or may_decide_review(person.roller):
            return
        try:
            old_meta = Document.parse(old).meta
        except (DocumentError, FrontmatterError):
            return  # an unreadable saved file: nothing to compare with
        if review_requirement_changed(old_meta, new_meta):
            raise ReadOnly(t("guard.faggrupper_refused", navn=person.navn))

    def new_indsats_groups(self, faggrupper: Sequence[str] = ()) -> list[str]:
        """The faggrupper a new indsats by this person requires: the repository's default
        (`domain.rights.default_groups`) unless a godkender or admin chose others."""
        from sn_tui.domain.rights import default_groups, may_decide_review

        person = self.writer()
        head = self.repo.head()
        default = default_groups(
            self.repo.adgang(head).regler, [g.id for g in self.repo.faggrupper(head)]
        )
        chosen = list(dict.fromkeys(faggrupper))
        if not chosen:
            return default
        if set(chosen) != set(default) and not may_decide_review(person.roller):
            raise ReadOnly(t("guard.faggrupper_new_refused", navn=person.navn))
        return chosen

    # ------------------------------------------------------------------ changing one thing
    def set_meta(
        self,
        indsats_id: str,
        key: str,
        value: Any,
        base: str | None = None,
        *,
        force: bool = False,
    ) -> SaveResult:
        state = self.edit_state(indsats_id, base)
        if not key or any(not part for part in key.split(".")):
            raise InvalidInput(f"'{key}' er ikke en gyldig nøgle; brug fx økonomi.budget_kr.")
        if key == "id":
            raise InvalidInput("Id kan ikke ændres; id'et er indsatsens faste navn.")
        doc = state.document.with_meta(key, value)
        return self.save_indsats(indsats_id, doc.to_bytes(), state.base, force=force)

    def set_field(
        self,
        indsats_id: str,
        field: str,
        text: str,
        base: str | None = None,
        *,
        force: bool = False,
    ) -> SaveResult:
        if field not in FIELDS:
            raise InvalidInput(f"'{field}' er ikke et af felterne: {', '.join(FIELDS)}.")
        state = self.edit_state(indsats_id, base)
        doc = state.document.with_field(field, text)
        return self.save_indsats(indsats_id, doc.to_bytes(), state.base, force=force)

    # ------------------------------------------------------------------ creating and deleting
    def create_indsats(
        self,
        indsats_id: str,
        titel: str,
        kategori: str,
        faggrupper: Sequence[str] = (),
        *,
        force: bool = False,
    ) -> SaveResult:
        """A new indsats from the template; no `faggrupper`: the repository's default ones
        (only a godkender or admin may choose others)."""
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

        groups = self.new_indsats_groups(faggrupper)
        text = new_indsats_text(indsats_id, titel.strip(), kategori.strip(), groups)
        refuse_personal_data({path: (None, text.encode())}, force=force)
        message = f"{titel.strip()}: ny indsats\n\nIndsats: {indsats_id}\n"
        return save_files(
            self.repo, {path: text.encode()}, base=head, author=author, message=message
        )

    def delete_indsats(self, indsats_id: str, base: str | None = None) -> SaveResult:
        from sn_tui.store.save import save_files

        author = self.writer()
        state = self.edit_state(indsats_id, base)
        titel = str(state.document.meta.get("titel") or indsats_id)
        message = f"{titel}: slettet\n\nIndsats: {indsats_id}\n"
        path = indsats_path(indsats_id)
        return save_files(self.repo, {path: None}, base=state.base, author=author, message=message)
