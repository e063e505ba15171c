"""The import use case: read the sources, map them to a plan, and carry the plan out as one
commit by the logged-in redaktør, then check the result.

An indsats that exists already is updated as a field-wise save would be: only the fields the
source has text for, the title, and the kategori, faggrupper and økonomi where the source or the
command gives them; every other byte of the file stays. Forord and Principper go into
serviceniveau.md. Nothing is written when anything is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.fields import (
    DOCUMENT_SECTIONS,
    FAGGRUPPER_FILE,
    ID_PATTERN,
    SERVICENIVEAU_FILE,
)
from sn_tui.i18n import t, text_in
from sn_tui.services.checking import Checking
from sn_tui.services.editing import new_indsats_text
from sn_tui.services.errors import InvalidInput
from sn_tui.services.importing.folder import IMPORT_SETTINGS, ImportFolder, read_settings
from sn_tui.services.importing.sources import read_source

if TYPE_CHECKING:
    from sn_tui.domain.importing.synonyms import Synonyms
    from sn_tui.services.importing.plan import ImportPlan, PlannedIndsats
    from sn_tui.services.outcomes import Imported

# The mapping, the synonyms and the plan are imported by the methods that use them: every
# start of the TUI and every command loads this module (`Workspace` is made of the use cases),
# and only an import needs them.

_PERSONAL_DATA = "persondata-"


class Importing(ImportFolder, Checking):
    """Bringing an existing serviceniveau in from Word files, web pages and Markdown files."""

    # ------------------------------------------------------------------ the plan
    def import_plan(
        self,
        paths: Sequence[Path],
        kategori: str = "",
        faggrupper: Sequence[str] = (),
        *,
        only_new: bool = False,
    ) -> ImportPlan:
        """What importing `paths` would do; InvalidInput (nothing read further) on bad input."""
        from sn_tui.domain.importing.ids import slug, unique
        from sn_tui.domain.importing.mapping import map_source
        from sn_tui.services.importing.plan import ImportPlan, PlannedIndsats

        if not paths:
            raise InvalidInput(t("import.error.no_sources"))
        head = self.repo.head()
        settings = read_settings(self.repo, head)
        synonyms = self._synonyms(settings)
        groups = self._groups(head, settings, faggrupper)
        plan = ImportPlan(
            [p.name for p in paths],
            [],
            faggrupper=groups,
            faggrupper_given=bool(faggrupper),
            base=head,
        )
        existing = self.repo.indsatser(head) if head else {}
        by_title = {_title_key(e.titel): e.id for e in existing.values() if e.titel}
        taken: set[str] = set()
        for path in paths:
            source = read_source(path)
            mapped = map_source(source, synonyms)
            if not mapped.indsatser and not mapped.document:
                raise InvalidInput(t("import.error.no_indsats", name=path.name))
            for code, count in source.notices:
                plan.notices.append(t(f"import.notice.{code}", count=count, name=path.name))
            for name, texts in mapped.document.items():
                joined = "\n\n".join(texts)
                plan.document[name] = (
                    f"{plan.document[name]}\n\n{joined}" if name in plan.document else joined
                )
            plan.outside.extend((path.name, text) for text in mapped.outside)
            plan.guidance += mapped.guidance
            for found in mapped.indsatser:
                wanted = str(found.meta.get("id") or "")
                if not _valid_id(wanted):  # a revised Word file names an indsats by its title
                    wanted = by_title.get(_title_key(found.titel)) or slug(found.titel)
                ident = unique(wanted, taken)
                taken.add(ident)
                exists = ident in existing
                kind = found.kategori or str(found.meta.get("kategori") or "") or kategori.strip()
                plan.indsatser.append(PlannedIndsats(found, ident, exists, kind))
        if only_new:
            clash = [p.id for p in plan.indsatser if p.exists]
            if clash:
                raise InvalidInput(t("import.error.exists", count=len(clash), ids=", ".join(clash)))
        return plan

    def _synonyms(self, settings: dict[str, Any]) -> Synonyms:
        import yaml

        from sn_tui.domain.importing.synonyms import SynonymError, Synonyms
        from sn_tui.services.provisioning import data_dir

        shipped = yaml.safe_load((data_dir() / "import" / "synonymer.yml").read_text("utf-8"))
        own = settings.get("synonymer") or {}
        try:
            if not isinstance(own, dict):
                raise SynonymError("synonymer")
            return Synonyms([shipped, own])
        except SynonymError as exc:
            raise InvalidInput(
                t("import.error.synonyms", file=IMPORT_SETTINGS, where=str(exc))
            ) from None

    def _groups(
        self, head: str | None, settings: dict[str, Any], given: Sequence[str]
    ) -> tuple[str, ...]:
        known = [g.id for g in self.repo.faggrupper(head)]
        if given:
            unknown = [g for g in given if g not in known]
            if unknown:
                raise InvalidInput(
                    t("import.error.groups", groups=", ".join(unknown), file=FAGGRUPPER_FILE)
                )
            return tuple(given)
        default = settings.get("faggrupper")
        if isinstance(default, list) and default:
            return tuple(str(g) for g in default)
        return tuple(known)

    # ------------------------------------------------------------------ carrying it out
    def run_import(self, plan: ImportPlan, *, force: bool = False) -> Imported:
        """One commit with every file of `plan`, by the logged-in redaktør; then `check`.

        Texts with personal data (CPR numbers and the like) are refused unless `force`."""
        from sn_tui.services.outcomes import Imported
        from sn_tui.store.save import save_files

        author = self.writer()
        head = plan.base
        files: dict[str, bytes] = {}
        for planned in plan.indsatser:
            old = self.repo.read(head, planned.path) if head else None
            files[planned.path] = self._indsats_bytes(plan, planned, old)
        if plan.document:
            old = self.repo.read(head, SERVICENIVEAU_FILE) if head else None
            doc = Document.parse(old or b"")
            for name in DOCUMENT_SECTIONS:
                if plan.document.get(name):
                    doc = doc.with_field(name, plan.document[name])
            files[SERVICENIVEAU_FILE] = doc.to_bytes()
        if not force:
            self._refuse_personal_data(files, head)
        created = sum(not p.exists for p in plan.indsatser)
        updated = len(plan.indsatser) - created
        result = save_files(
            self.repo, files, base=head, author=author, message=_message(plan, created, updated)
        )
        if not result.changed:
            return Imported(None, 0, 0, [])
        wrote = set(result.paths)
        findings = [f for f in self.check_report().findings if f.path in wrote]
        return Imported(result.commit, created, updated, findings)

    def _indsats_bytes(self, plan: ImportPlan, planned: PlannedIndsats, old: bytes | None) -> bytes:
        found = planned.found
        if old is None:
            text = new_indsats_text(planned.id, found.titel, planned.kategori, plan.faggrupper)
            doc = Document.parse(text)
        else:
            try:
                doc = Document.parse(old)
                doc.meta  # noqa: B018 - a broken frontmatter is found here, not mid-splice
            except (DocumentError, FrontmatterError) as exc:
                raise InvalidInput(
                    t("import.error.broken_target", path=planned.path, detail=str(exc))
                ) from None
            if plan.faggrupper_given:
                doc = doc.with_meta("faggrupper", list(plan.faggrupper))
            if planned.kategori:
                doc = doc.with_meta("kategori", planned.kategori)
            if found.titel:
                doc = doc.with_meta("titel", found.titel)
        for key, value in found.meta.items():  # a Markdown source's own frontmatter
            if key != "id" and not (key == "faggrupper" and plan.faggrupper_given):
                doc = doc.with_meta(key, value)
        budget, antal = found.economy()
        if budget is not None:
            doc = doc.with_meta(["økonomi", "budget_kr"], budget)
        if antal is not None:
            doc = doc.with_meta(["økonomi", "forventet_antal"], antal)
        for name, text in planned.fields.items():
            doc = doc.with_field(name, text)
        return doc.to_bytes()

    def _refuse_personal_data(self, files: dict[str, bytes], head: str | None) -> None:
        from sn_tui.domain.checks.runner import run_checks

        checked = dict(files)
        faggrupper = self.repo.read(head, FAGGRUPPER_FILE) if head else None
        if faggrupper is not None:
            checked[FAGGRUPPER_FILE] = faggrupper
        report = run_checks(checked, only=["persondata"])
        bad = [
            f
            for f in report.findings
            if f.severity == "error" and f.code.startswith(_PERSONAL_DATA) and f.path in files
        ]
        if bad:
            where = ", ".join(sorted({f.path for f in bad}))
            raise InvalidInput(t("import.error.personal_data", count=len(bad), paths=where))


def _title_key(titel: str) -> str:
    return " ".join(titel.casefold().split())


def _valid_id(text: str) -> bool:
    import re

    return bool(text) and re.fullmatch(ID_PATTERN, text) is not None


def _message(plan: ImportPlan, created: int, updated: int) -> str:
    """The commit message, in Danish like every commit: what came in, from which files."""
    subject = text_in(
        "da", "import.commit.subject", sources=", ".join(plan.sources), created=created,
        updated=updated,
    )  # fmt: skip
    lines = [subject, ""]
    lines += [text_in("da", "import.commit.source", name=name) for name in plan.sources]
    lines += [f"Indsats: {p.id}" for p in plan.indsatser]
    return "\n".join(lines) + "\n"
