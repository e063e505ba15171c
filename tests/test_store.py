"""The Git store on real repositories, bare and with `main` checked out."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli_env, git, make_repo
from sn_tui.domain.entry import Person
from sn_tui.services.errors import ReadOnly
from sn_tui.services.workspace import Workspace
from sn_tui.store.repo import ContentRepo, UnknownRevision
from sn_tui.store.save import SaveConflict, WorktreeDirty, save_files

FB = "indsatser/familiebehandling.md"


@pytest.fixture(params=["bare", "worktree"])
def any_repo(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", bare=request.param == "bare")


def test_reads_any_revision_without_a_working_tree(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    first = ws.repo.head()
    ws.set_field("familiebehandling", "Formål", "Nyt formål.")
    snap_now = ws.snapshot("main")
    snap_then = ws.snapshot(str(first))
    assert snap_now.indsatser["familiebehandling"].fields["Formål"] == "Nyt formål."
    assert snap_then.indsatser["familiebehandling"].fields["Formål"].startswith("Tekst om formål")
    assert set(snap_now.indsatser) == {"familiebehandling", "fast-kontaktperson"}
    assert snap_now.serviceniveau is not None
    assert snap_now.serviceniveau.kommune == "Testrup Kommune"
    with pytest.raises(UnknownRevision):
        ws.snapshot("vedtaget/1999-01-01")
    ws.close()


def test_history_of_one_entry(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "mette")
    ws.set_field("familiebehandling", "Indhold", "Nyt indhold.")
    ws.set_field("fast-kontaktperson", "Indhold", "Andet.")
    history = ws.repo.history(FB)
    assert [c.author for c in history] == ["Mette Prøve", "Ole Test"]
    assert history[0].subject == "Familiebehandling: ændret Indhold"
    ws.close()


def test_save_commits_only_the_edited_lines_with_the_person_as_author(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "mette")
    before = ws.repo.read(str(ws.repo.head()), FB)
    assert before is not None
    ws.set_meta("familiebehandling", "økonomi.budget_kr", 5000000)
    diff = git(any_repo, "diff", "HEAD~1", "HEAD", "--unified=0", "--", FB)
    changed = [
        ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))
    ]
    assert changed == ["-  budget_kr: 4500000", "+  budget_kr: 5000000"]
    assert (
        git(any_repo, "log", "-1", "--format=%an <%ae>").strip() == "Mette Prøve <mette@testrup.dk>"
    )
    assert "Indsats: familiebehandling" in git(any_repo, "log", "-1", "--format=%B")
    ws.close()


def test_unchanged_save_makes_no_commit(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    head = ws.repo.head()
    state = ws.edit_state("familiebehandling")
    assert state.data is not None
    result = ws.save_indsats("familiebehandling", state.data, state.base)
    assert not result.changed and ws.repo.head() == head
    ws.close()


def test_replay_when_someone_else_saved_another_file(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    base = ws.repo.head()
    ws.set_field("fast-kontaktperson", "Formål", "Deres ændring.")
    result = ws.set_field("familiebehandling", "Formål", "Min ændring.", base=base)
    assert result.changed and result.merged
    snap = ws.snapshot()
    assert snap.indsatser["fast-kontaktperson"].fields["Formål"] == "Deres ændring."
    assert snap.indsatser["familiebehandling"].fields["Formål"] == "Min ændring."
    ws.close()


def test_merge_field_by_field_when_the_same_file_changed(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    base = ws.repo.head()
    ws.set_field("familiebehandling", "Indhold", "Deres indhold.")
    ws.set_meta("familiebehandling", "økonomi.forventet_antal", 70)
    ws.set_field("familiebehandling", "Formål", "Mit formål.", base=base)
    ws.set_meta("familiebehandling", "økonomi.budget_kr", 1, base=base)
    entry = ws.snapshot().indsatser["familiebehandling"]
    assert entry.fields["Indhold"] == "Deres indhold."
    assert entry.fields["Formål"] == "Mit formål."
    assert (entry.budget_kr, entry.forventet_antal) == (1, 70)
    ws.close()


def test_same_field_changed_on_both_sides_is_a_conflict_with_all_three(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    base = ws.repo.head()
    ws.set_field("familiebehandling", "Formål", "Deres formål.")
    head = ws.repo.head()
    with pytest.raises(SaveConflict) as err:
        ws.set_field("familiebehandling", "Formål", "Mit formål.", base=base)
    conflict = err.value.conflicts[0]
    assert (conflict.name, conflict.mine, conflict.theirs) == (
        "Formål",
        "Mit formål.",
        "Deres formål.",
    )
    assert conflict.base is not None and conflict.base.startswith("Tekst om formål")
    assert err.value.theirs_commit == head
    assert ws.repo.head() == head  # nothing written
    ws.close()


def test_both_sides_changing_the_same_key_is_a_conflict(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    base = ws.repo.head()
    ws.set_meta("familiebehandling", "økonomi.budget_kr", 2)
    with pytest.raises(SaveConflict) as err:
        ws.set_meta("familiebehandling", "økonomi.budget_kr", 3, base=base)
    assert err.value.conflicts[0].name == "frontmatter:økonomi.budget_kr"
    assert (err.value.conflicts[0].mine, err.value.conflicts[0].theirs) == ("3", "2")
    ws.close()


def test_deleted_by_them_while_edited_by_me_is_a_conflict(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    base = ws.repo.head()
    ws.delete_indsats("familiebehandling")
    with pytest.raises(SaveConflict):
        ws.set_field("familiebehandling", "Formål", "Mit.", base=base)
    ws.close()


def test_worktree_and_index_stay_in_step(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    ws.set_field("familiebehandling", "Formål", "Synligt i arbejdsmappen.")
    assert git(repo_path, "status", "--porcelain") == ""
    assert "Synligt i arbejdsmappen." in (repo_path / FB).read_text(encoding="utf-8")
    ws.create_indsats("ny-indsats", "Ny indsats", "Test", ["ppr"])
    ws.delete_indsats("fast-kontaktperson")
    assert git(repo_path, "status", "--porcelain") == ""
    assert (repo_path / "indsatser/ny-indsats.md").exists()
    assert not (repo_path / "indsatser/fast-kontaktperson.md").exists()
    ws.close()


def test_refuses_to_overwrite_uncommitted_changes(repo_path: Path) -> None:
    (repo_path / FB).write_text("lokal ændring\n", encoding="utf-8")
    ws = Workspace.open(str(repo_path), "ole")
    head = ws.repo.head()
    with pytest.raises(WorktreeDirty, match="ikke er committet"):
        ws.set_field("familiebehandling", "Formål", "x")
    assert ws.repo.head() == head
    assert (repo_path / FB).read_text(encoding="utf-8") == "lokal ændring\n"
    ws.set_field("fast-kontaktperson", "Formål", "Andre filer kan stadig gemmes.")
    ws.close()


def test_unknown_login_reads_but_cannot_write(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "fremmed")
    assert ws.person() is None
    assert ws.snapshot().indsatser
    with pytest.raises(ReadOnly, match=r"står ikke i adgang\.yml"):
        ws.set_field("familiebehandling", "Formål", "x")
    ws.close()


def test_stale_lock_file_does_not_block(any_repo: Path) -> None:
    repo = ContentRepo.open(any_repo)
    lock = repo.git_dir / "sn-tui-main.lock"
    lock.write_text("efterladt af en dræbt proces")
    me = Person("ole", "Ole Test", "ole@testrup.dk")
    data = repo.read(str(repo.head()), FB)
    assert data is not None
    result = save_files(
        repo,
        {FB: data.replace(b"Tekst om form", b"Ny tekst om form")},
        base=repo.head(),
        author=me,
        message="x\n",
    )
    assert result.changed
    repo.close()


def test_fsck_clean_after_saves(any_repo: Path) -> None:
    ws = Workspace.open(str(any_repo), "ole")
    for n in range(5):
        ws.set_meta("familiebehandling", "økonomi.forventet_antal", n)
    git(any_repo, "fsck", "--strict")
    ws.close()


@pytest.mark.parametrize("object_format", ["sha1", "sha256"])
def test_commits_are_valid_git_objects_in_both_formats(tmp_path: Path, object_format: str) -> None:
    import subprocess

    path = tmp_path / "r"
    subprocess.run(
        ["git", "init", "-q", "-b", "main", f"--object-format={object_format}", str(path)],
        check=True,
    )
    repo = ContentRepo.open(path)
    assert repo.writes_objects_directly == (object_format == "sha1")
    me = Person("ole", "Ole Æbelø", "ole@testrup.dk")
    first = save_files(
        repo, {FB: b"a\n", "serviceniveau.md": b"s\n"}, base=None, author=me, message="1"
    )
    second = save_files(
        repo, {FB: None, "indsatser/ny.md": b"n\n"}, base=first.commit, author=me, message="2"
    )
    assert repo.files(str(second.commit)).keys() == {"serviceniveau.md", "indsatser/ny.md"}
    assert git(path, "log", "--format=%an|%s").splitlines() == ["Ole Æbelø|2", "Ole Æbelø|1"]
    git(path, "fsck", "--strict")
    assert git(path, "status", "--porcelain") == ""
    repo.close()


def test_parse_cache_is_used_and_never_stale(repo_path: Path, own_cache: Path) -> None:
    from sn_tui.cache import parsed as cache

    ws = Workspace.open(str(repo_path), "ole")
    blobs = list(ws.repo.tree_entries(str(ws.repo.head())).values())
    ws.snapshot()
    ws.close()
    path = cache.cache_path(ContentRepo.open(repo_path).git_dir)
    assert path.exists() and path.is_relative_to(own_cache)
    cached = cache.ParseCache(path).get_many(blobs)
    assert {e.id for e in cached.values()} == {"familiebehandling", "fast-kontaktperson"}
    ws = Workspace.open(str(repo_path), "ole")
    ws.set_field("familiebehandling", "Formål", "Efter cachen.")
    assert ws.snapshot().indsatser["familiebehandling"].fields["Formål"] == "Efter cachen."
    blobs = list(ws.repo.tree_entries(str(ws.repo.head())).values())
    ws.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_text("{ødelagt", encoding="utf-8")
    ws = Workspace.open(str(repo_path), "ole")
    assert ws.snapshot().indsatser["familiebehandling"].fields["Formål"] == "Efter cachen."
    ws.close()
    assert len(cache.ParseCache(path).get_many(blobs)) == 2  # rebuilt, not left broken


def test_a_new_parse_cache_deletes_what_older_versions_left(repo_path: Path) -> None:
    from sn_tui.cache import parsed as cache

    path = cache.cache_path(ContentRepo.open(repo_path).git_dir)
    repo_part = path.name.rsplit("-", 1)[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    left = [path.parent / f"{repo_part}.json", path.parent / f"{repo_part}-0ld57amp.sqlite3"]
    other_repo = path.parent / "indsatser-0123456789abcdef-0ld57amp.sqlite3"
    for old in [*left, other_repo]:
        old.write_text("gammel", encoding="utf-8")
    ws = Workspace.open(str(repo_path), "ole")
    ws.snapshot()
    ws.close()
    assert path.exists()
    assert not any(old.exists() for old in left)
    assert other_repo.exists()  # another repository's cache is left alone


def test_parse_cache_keeps_dates_and_drops_the_oldest_rows(tmp_path: Path) -> None:
    import datetime as dt

    from sn_tui.cache import parsed as cache
    from sn_tui.domain.entry import Indsats

    store = cache.ParseCache(tmp_path / "c.sqlite3")
    meta = {"id": "a", "titel": "A", "revideret": dt.date(2026, 3, 12)}
    first = Indsats.from_parts(meta, {"Formål": "Tekst."}, "indsatser/a.md", "1" * 40)
    store.put_many([first])
    assert store.get_many(["1" * 40, "2" * 40]) == {"1" * 40: first}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache, "MAX_ENTRIES", 2)
        store.put_many(
            Indsats.from_parts(meta, {}, "indsatser/a.md", str(n) * 40) for n in range(2, 5)
        )
    assert sorted(store.get_many([str(n) * 40 for n in range(1, 5)])) == ["3" * 40, "4" * 40]
    store.close()


def test_changes_since_says_who_changed_what(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    before = ws.repo.head()
    Workspace.open(str(repo_path), "mette").set_field("familiebehandling", "Formål", "Nyt.")
    ws.set_meta("fast-kontaktperson", "titel", "Kontaktperson")
    changes = ws.repo.changes_since(before, str(ws.repo.head()))
    assert [(c.author, paths) for c, paths in changes] == [
        ("Mette Prøve", ["indsatser/familiebehandling.md"]),
        ("Ole Test", ["indsatser/fast-kontaktperson.md"]),
    ]
    ws.close()


def test_small_files_are_read_through_the_cache_and_never_stale(
    repo_path: Path, own_cache: Path
) -> None:
    import subprocess
    import sys

    ws = Workspace.open(str(repo_path), "ole")
    head = str(ws.repo.head())
    assert ws.repo.adgang(head).person("ole") is not None
    groups = ws.repo.faggrupper(head)
    document = ws.repo.serviceniveau(head)
    ws.close()
    # Once cached, a new process reads them without loading the YAML parser at all.
    script = (
        "import sys; from pathlib import Path; from sn_tui.store.repo import ContentRepo; "
        f"r = ContentRepo.open(Path({str(repo_path)!r})); h = r.head(); "
        "print(r.adgang(h).person('ole').navn, len(r.faggrupper(h)), r.serviceniveau(h).kommune,"
        " 'yaml' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=cli_env()
    ).stdout.split()
    assert out == ["Ole", "Test", str(len(groups)), *document.kommune.split(), "False"]
    ws = Workspace.open(str(repo_path), "ole")
    assert ws.repo.serviceniveau(head) == document
    git(repo_path, "config", "user.email", "t@t")
    (repo_path / "adgang.yml").write_text("personer:\n  ny:\n    navn: Ny\n", encoding="utf-8")
    git(repo_path, "commit", "-qam", "adgang")
    new_head = str(ws.repo.head())
    assert ws.repo.adgang(new_head).person("ole") is None
    assert ws.repo.adgang(new_head).person("ny") is not None
    assert ws.repo.adgang(head).person("ole") is not None
    ws.close()


def test_overview_rows_come_from_the_cache_only_for_the_same_files(
    repo_path: Path, own_cache: Path
) -> None:
    from sn_tui.domain.overview import build_rows

    ws = Workspace.open(str(repo_path), "ole")
    head = str(ws.repo.head())
    fresh = ws.overview_rows(head, None)[0]
    assert fresh == build_rows(ws.repo.indsatser(head).values(), None, index=False)
    ws.close()
    ws = Workspace.open(str(repo_path), "ole")
    assert ws.overview_rows(head, None)[0] == fresh  # read back from the cache
    adopted = {row.path: "0" * 40 for row in fresh}  # every file differs from the adopted one
    assert {row.changed for row in ws.overview_rows(head, adopted)[0]} == {"changed"}
    ws.set_meta("familiebehandling", "titel", "Familiebehandling i hjemmet")
    titles = {row.titel for row in ws.overview_rows(str(ws.repo.head()), None)[0]}
    assert "Familiebehandling i hjemmet" in titles
    ws.close()
