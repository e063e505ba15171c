"""The services the TUI's versions and compare screens share with the CLI: the version in force,
who may adopt, refusals that carry the check's errors, atomic writing, Danish dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import git
from sn_tui.domain.danish import parse_date
from sn_tui.domain.snapshot import Adoption
from sn_tui.domain.versions import in_force
from sn_tui.services.errors import CheckFailed, InvalidInput, ReadOnly
from sn_tui.services.workspace import Workspace, write_atomically
from sn_tui.store.repo import RepoError

OpenAs = Callable[[str], Workspace]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-12", dt.date(2026, 3, 12)),
        ("12.3.2026", dt.date(2026, 3, 12)),
        (" 01-04-2026 ", dt.date(2026, 4, 1)),
        ("1/4/2026", dt.date(2026, 4, 1)),
        ("31.2.2026", None),
        ("2026-3-12", None),
        ("i morgen", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_the_version_in_force_is_the_latest_to_take_effect() -> None:
    early = Adoption("vedtaget/2026-01-10", dt.date(2026, 1, 10), ikraft=dt.date(2026, 2, 1))
    late = Adoption("vedtaget/2026-05-10", dt.date(2026, 5, 10))
    assert in_force([late, early], dt.date(2026, 1, 31)) is None
    assert in_force([late, early], dt.date(2026, 2, 1)) == early
    assert in_force([late, early], dt.date(2026, 5, 9)) == early
    assert in_force([late, early], dt.date(2026, 5, 10)) == late


def test_write_atomically_leaves_the_whole_file_or_nothing(tmp_path: Path) -> None:
    target = tmp_path / "sammenligning.md"
    target.write_text("gammel")
    write_atomically(target, b"ny")
    assert target.read_bytes() == b"ny"
    assert [p.name for p in tmp_path.iterdir()] == ["sammenligning.md"]
    with pytest.raises(InvalidInput, match="findes ikke; filen kan ikke skrives"):
        write_atomically(tmp_path / "nej" / "x.md", b"x")
    with pytest.raises(InvalidInput, match="er en mappe"):
        write_atomically(tmp_path, b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["sammenligning.md"]


def test_only_a_godkender_or_admin_may_adopt(workspace: OpenAs) -> None:
    assert workspace("ole").adopter().login == "ole"
    with pytest.raises(ReadOnly, match="godkender eller admin"):
        workspace("mette").adopter()
    with pytest.raises(ReadOnly, match=r"står ikke i adgang\.yml"):
        workspace("fremmed").adopter()


def test_refusal_for_check_errors_carries_the_errors(workspace: OpenAs, repo_path: Path) -> None:
    ws = workspace("ole")
    ws.create_indsats("tom", "Tom indsats", "Støttende indsatser")
    with pytest.raises(CheckFailed) as refused:
        ws.adopt(date=dt.date(2026, 3, 12), udvalg="BUU", punkt="4", confirmed=True)
    errors = refused.value.errors
    assert errors and all(f.severity == "error" for f in errors)
    assert f"før de {len(errors)} fejl" in str(refused.value)
    assert git(repo_path, "tag", "-l") == ""


def test_compare_and_render_are_the_cli_services(workspace: OpenAs) -> None:
    ws = workspace("ole")
    tag = ws.adopt(date=dt.date(2026, 3, 12), udvalg="BUU", punkt="4", confirmed=True)
    ws.set_meta("familiebehandling", "økonomi.budget_kr", 5_000_000)
    comparison = ws.compare("2026-03-12", "main")
    assert comparison.a.label == tag and comparison.summary.changed == 1
    text = ws.render_comparison(comparison, "md").decode()
    assert "4.500.000 kr. → 5.000.000 kr., +11 %" in text


def test_resolving_versions_together_is_resolving_each(workspace: OpenAs, repo_path: Path) -> None:
    ws = workspace("ole")
    annotated = ws.adopt(date=dt.date(2026, 3, 12), udvalg="BUU", punkt="4", confirmed=True)
    ws.set_meta("familiebehandling", "økonomi.budget_kr", 5_000_000)
    git(repo_path, "tag", "vedtaget/2026-04-01", "main")  # a lightweight tag, made by hand
    names = [annotated, "2026-03-12", "2026-04-01", "main", "vedtaget/2099-01-01"]
    together = ws.repo.resolve_all(names[:-1])
    assert together == [ws.repo.resolve(n) for n in names[:-1]]
    assert together[0].adoption is not None and together[0].adoption.udvalg == "BUU"
    assert [r.commit for r in together] == [
        git(repo_path, "rev-parse", f"{n}^{{commit}}").strip()
        for n in (annotated, annotated, "vedtaget/2026-04-01", "main")
    ]
    assert together[2].commit == git(repo_path, "rev-parse", "main").strip()
    with pytest.raises(RepoError):
        ws.repo.resolve_all(names)
