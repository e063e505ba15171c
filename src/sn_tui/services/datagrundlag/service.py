"""The datagrundlag of the content repository: the years on file at any revision, an
økonomisystem's file imported as one year (a plan first, then one commit by the logged-in
redaktør), and the figures the screens, exports and JSON show.

Nothing is written while any row has a problem: every problem is listed, file, row and column.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sn_tui.cache.digest import sha1_hex
from sn_tui.i18n import t, text_in
from sn_tui.services.errors import InvalidInput
from sn_tui.services.session import Session

if TYPE_CHECKING:
    from sn_tui.domain.datagrundlag.reading import Problem
    from sn_tui.domain.datagrundlag.view import DatagrundlagView
    from sn_tui.services.outcomes import DatagrundlagImport

# The sheet reading, the view and the column mapping are imported by the methods that use
# them: every start of the TUI and every command loads this module (`Workspace` is made of the
# use cases), and only the datagrundlag's own screen and commands need them.


class ImportRefused(InvalidInput):
    """The file has problems; `problems` holds one Danish sentence each. Nothing was written."""

    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__(t("datagrundlag.error.refused", name=name, count=len(problems)))
        self.problems = problems


class Datagrundlag(Session):
    """The numbers behind the økonomiske rammer, per indsats and year."""

    def _facts(self, commit: str) -> dict[str, tuple[str, str, int | None, int | None]]:
        """id -> (titel, kategori, budget_kr, forventet_antal) at `commit`; kept in the user's
        parse cache by the indsatser's blob ids, so the screen does not parse every indsats."""
        entries = self.repo.tree_entries(commit)
        key = f"datagrundlag-facts:{sha1_hex(repr(sorted(entries.items())).encode())}"
        hit, data = self.repo.cached(key)
        if hit:
            return {ident: tuple(values) for ident, values in data.items()}
        facts = {
            i: (e.titel, e.kategori, e.budget_kr, e.forventet_antal)
            for i, e in self.repo.indsatser(commit).items()
        }
        self.repo.remember(key, {i: list(v) for i, v in facts.items()})
        return facts

    def datagrundlag_view(self, rev: str = "main") -> DatagrundlagView:
        """The numbers at `rev` (an adopted version carries its own) with what they are set
        against: titles, kategorier, the frontmatter budgets and the kommune's threshold."""
        from sn_tui.domain.datagrundlag.figures import threshold_of
        from sn_tui.domain.datagrundlag.view import DatagrundlagView

        commit = self.repo.resolve(rev).commit if rev != "main" else self.repo.head()
        if commit is None:
            return DatagrundlagView({}, {}, {}, {}, threshold_of({}))
        facts = self._facts(commit)
        serviceniveau = self.repo.serviceniveau(commit)
        return DatagrundlagView(
            years=self.repo.datagrundlag(commit),
            titles={i: f[0] for i, f in facts.items()},
            kategorier={i: f[1] for i, f in facts.items()},
            budgets={i: (f[2], f[3]) for i, f in facts.items()},
            threshold=threshold_of(serviceniveau.meta if serviceniveau else {}),
        )

    # ------------------------------------------------------------------ import
    def datagrundlag_import_plan(
        self,
        path: Path,
        aar: int,
        *,
        sheet: str | None = None,
        kilde: str = "",
        today: dt.date | None = None,
    ) -> DatagrundlagImport:
        """What importing `path` as year `aar` would do; `ImportRefused` listing every problem."""
        from sn_tui.domain.datagrundlag.reading import Known, read_sheet
        from sn_tui.domain.datagrundlag.table import COLUMNS_FILE, to_csv, year_path
        from sn_tui.services.datagrundlag.columns import read_columns, with_columns
        from sn_tui.services.datagrundlag.sources import read_table
        from sn_tui.services.outcomes import Change, DatagrundlagImport

        this_year = (today or dt.date.today()).year
        if aar > this_year:
            raise InvalidInput(t("datagrundlag.error.future", aar=aar, this_year=this_year))
        if aar < 1970:
            raise InvalidInput(t("datagrundlag.error.old", aar=aar))
        head = self.repo.head()
        table = read_table(path, sheet)
        columns = read_columns(self.repo.read(head, COLUMNS_FILE) if head else None)
        years = self.repo.datagrundlag(head) if head else {}
        indsatser = self.repo.indsatser(head) if head else {}
        functions: dict[str, set[str]] = {}
        for rows in years.values():
            for row in rows:
                if row.kontoplan:
                    functions.setdefault(row.indsats, set()).add(row.kontoplan)
        known = [
            Known(i, e.titel, tuple(sorted(functions.get(i, set()) | _own_functions(e.meta))))
            for i, e in indsatser.items()
        ]
        reading = read_sheet(
            table,
            known,
            columns=columns.kolonner,
            keys=columns.noegler,
            kilde=kilde or f"{path.name} ({dt.date.today().isoformat()})",
        )
        if reading.problems:
            raise ImportRefused(path.name, [_sentence(table.name, p) for p in reading.problems])
        old = {r.indsats: r for r in years.get(aar, [])}
        new = {r.indsats: r for r in reading.rows}
        changes = [
            Change(
                ident,
                "ny" if ident not in old else "fjernet" if ident not in new else
                "uændret" if old[ident] == new[ident] else "ændret",
                old.get(ident),
                new.get(ident),
            )
            for ident in sorted(old.keys() | new.keys())
        ]  # fmt: skip
        plan = DatagrundlagImport(path.name, aar, reading.rows, changes, reading.columns, head)
        plan.files[year_path(aar)] = to_csv(reading.rows)
        saved = with_columns(
            self.repo.read(head, COLUMNS_FILE) if head else None, columns, reading.columns
        )
        if saved is not None:
            plan.files[COLUMNS_FILE] = saved
        return plan

    def run_datagrundlag_import(self, plan: DatagrundlagImport) -> str | None:
        """One commit with the year's file (and the column mapping), by the logged-in
        redaktør; None when nothing changed."""
        from sn_tui.store.save import save_files

        author = self.writer()
        counts = {s: sum(c.state == s for c in plan.changes) for s in ("ny", "ændret", "fjernet")}
        message = text_in(
            "da", "datagrundlag.commit", aar=plan.aar, source=plan.source, rows=len(plan.rows),
            new=counts["ny"], changed=counts["ændret"], removed=counts["fjernet"],
        )  # fmt: skip
        files: dict[str, bytes | None] = dict(plan.files)
        result = save_files(self.repo, files, base=plan.base, author=author, message=message)
        return result.commit if result.changed else None


def _own_functions(meta: Any) -> set[str]:
    """An indsats may name its kontoplan function in its frontmatter (`kontoplan: 5.28.21`)."""
    value = meta.get("kontoplan") if hasattr(meta, "get") else None
    if isinstance(value, list):
        return {str(v) for v in value}
    return {str(value)} if value else set()


def _sentence(source: str, problem: Problem) -> str:
    where = source
    if problem.row is not None:
        where += t("datagrundlag.where.row", row=problem.row)
    if problem.column:
        where += t("datagrundlag.where.column", column=problem.column)
    params = dict(problem.params)
    if problem.code == "missing_column":  # our column, named as the user knows it
        params["column"] = t(f"datagrundlag.column.{params['column']}")
    return t(f"datagrundlag.problem.{problem.code}", where=where, **params)
