"""The shared repository refuses what adgang.yml does not allow: real git over real SSH, the
pusher known from the key's forced command, whatever a commit's author says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import make_repo, run_cli
from remote_hosts import Shared, commit_edit, git_in, remote_rev, start_shared

pytestmark = pytest.mark.slow


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Shared]:
    found = start_shared(tmp_path)
    yield found
    found.server.stop()


def _refused(proc_stderr: str, sentence: str) -> None:
    assert f"remote: sn-tui: {sentence}" in proc_stderr, proc_stderr


GIVE_ROLE = ("adgang.yml", "roller: [redaktør]", "roller: [redaktør, godkender]")
DROP_GROUP = ("indsatser/familiebehandling.md", "faggrupper: [myndighed, ppr]", "faggrupper: [ppr]")


def test_a_redaktor_cannot_give_herself_a_role_even_as_another_author(shared: Shared) -> None:
    mette = shared.clone("mette")
    before = remote_rev(shared, "main")
    commit = commit_edit(mette, *GIVE_ROLE, author="Ole Test <ole@testrup.dk>")
    proc = git_in(mette, "push", "origin", "main")
    assert proc.returncode != 0
    _refused(proc.stderr, f"Commit {commit[:10]} ændrer adgang.yml, og det må kun en admin.")
    assert remote_rev(shared, "main") == before


def test_only_admins_change_faggrupper_yml_and_an_admin_may(shared: Shared) -> None:
    mette, ole = shared.clone("mette"), shared.clone("ole")
    text = (mette / "faggrupper.yml").read_text(encoding="utf-8")
    refused = commit_edit(mette, "faggrupper.yml", text, text + "# ny linje\n")
    proc = git_in(mette, "push", "origin", "main")
    _refused(proc.stderr, f"Commit {refused[:10]} ændrer faggrupper.yml, og det må kun en admin.")
    commit = commit_edit(ole, "faggrupper.yml", text, text + "# ny linje\n")
    assert git_in(ole, "push", "origin", "main").returncode == 0
    assert remote_rev(shared, "main") == commit


def test_required_faggrupper_change_only_by_a_godkender(shared: Shared) -> None:
    mette, ole = shared.clone("mette"), shared.clone("ole")
    commit = commit_edit(mette, *DROP_GROUP)
    proc = git_in(mette, "push", "origin", "main")
    _refused(
        proc.stderr,
        f"Commit {commit[:10]} ændrer, hvilke faggrupper der skal godkende 'familiebehandling', "
        "og det må kun en godkender eller admin.",
    )
    # the same redaktør's text changes go through; a godkender may change the groups
    path = "indsatser/familiebehandling.md"
    text_change = commit_edit(ole, path, "Tekst om formål", "Ny tekst om formål")
    assert git_in(ole, "push", "origin", "main").returncode == 0
    assert remote_rev(shared, "main") == text_change
    git_in(mette, "reset", "-q", "--hard", "origin/main")
    assert git_in(mette, "pull", "-q", "origin", "main").returncode == 0
    mine = commit_edit(mette, path, "Tekst om indhold", "Mettes tekst om indhold")
    assert git_in(mette, "push", "origin", "main").returncode == 0
    assert remote_rev(shared, "main") == mine
    assert git_in(ole, "pull", "-q", "origin", "main").returncode == 0
    regrouped = commit_edit(ole, *DROP_GROUP)
    assert git_in(ole, "push", "origin", "main").returncode == 0
    assert remote_rev(shared, "main") == regrouped


def test_adopted_tags_new_only_by_a_godkender_and_never_moved_or_deleted(shared: Shared) -> None:
    mette, ole = shared.clone("mette"), shared.clone("ole")
    assert git_in(mette, "tag", "-a", "vedtaget/2026-07-01", "-m", "Vedtaget").returncode == 0
    proc = git_in(mette, "push", "origin", "vedtaget/2026-07-01")
    _refused(
        proc.stderr,
        "Kun en godkender eller admin må vedtage en version (vedtaget/2026-07-01); "
        "det er 'mette' ikke.",
    )
    assert remote_rev(shared, "refs/tags/vedtaget/2026-07-01") == ""
    assert git_in(ole, "tag", "-a", "vedtaget/2026-07-01", "-m", "Vedtaget").returncode == 0
    assert git_in(ole, "push", "origin", "vedtaget/2026-07-01").returncode == 0
    adopted = remote_rev(shared, "refs/tags/vedtaget/2026-07-01")
    assert adopted
    commit_edit(ole, "indsatser/familiebehandling.md", "Tekst om formål", "Senere formål")
    assert git_in(ole, "push", "origin", "main").returncode == 0
    git_in(ole, "tag", "-f", "-a", "vedtaget/2026-07-01", "-m", "Flyttet")
    moved = git_in(ole, "push", "-f", "origin", "vedtaget/2026-07-01")
    _refused(moved.stderr, "Den vedtagne version vedtaget/2026-07-01 findes allerede og må ikke")
    deleted = git_in(ole, "push", "origin", ":refs/tags/vedtaget/2026-07-01")
    _refused(deleted.stderr, "Den vedtagne version vedtaget/2026-07-01 må ikke slettes.")
    assert remote_rev(shared, "refs/tags/vedtaget/2026-07-01") == adopted


def test_main_only_moves_forward_and_other_refs_are_refused(shared: Shared) -> None:
    ole = shared.clone("ole")
    commit_edit(ole, "indsatser/familiebehandling.md", "Tekst om formål", "Nyt formål")
    assert git_in(ole, "push", "origin", "main").returncode == 0
    head = remote_rev(shared, "main")
    proc = git_in(ole, "push", "-f", "origin", "HEAD~1:main")
    _refused(proc.stderr, "main må kun bygge videre på remotens main")
    gone = git_in(ole, "push", "origin", ":main")
    assert gone.returncode != 0 and remote_rev(shared, "main") == head
    other = git_in(ole, "push", "origin", "HEAD:refs/heads/andet")
    _refused(other.stderr, "Kun main og vedtagne versioner (vedtaget/…) kan sendes")


def test_a_login_not_in_adgang_cannot_push_but_can_fetch(shared: Shared) -> None:
    fremmed = shared.clone("fremmed")  # fetching (clone) works for a reader
    commit_edit(fremmed, "indsatser/familiebehandling.md", "Tekst om formål", "Fremmed tekst")
    proc = git_in(fremmed, "push", "origin", "main")
    _refused(proc.stderr, "Login 'fremmed' står ikke i adgang.yml og må ikke sende ændringer.")


def test_check_warns_when_the_shared_repository_has_no_hook(tmp_path: Path) -> None:
    unguarded = start_shared(tmp_path / "a", hook=False)
    unguarded.server.stop()
    proc = run_cli("check", "--repo", str(unguarded.repo), SN_USER="ole")
    assert "har ingen sn-tui-hook" in proc.stderr
    guarded = start_shared(tmp_path / "b")
    guarded.server.stop()
    proc = run_cli("check", "--repo", str(guarded.repo), SN_USER="ole")
    assert "sn-tui-hook" not in proc.stderr


def test_ssh_setup_hook_updates_its_own_hook_and_leaves_another_alone(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "delt.git", bare=True)
    for program in ("/opt/gammel/sn-tui", "/usr/bin/sn-tui"):
        proc = run_cli("ssh-setup", "hook", "--repo", str(repo), "--sn-tui", program)
        assert proc.returncode == 0, proc.stderr
    hook = repo / "hooks" / "pre-receive"
    assert f"exec /usr/bin/sn-tui hook pre-receive --repo {repo}" in hook.read_text()
    hook.write_text("#!/bin/sh\nexec andet-vaerktoej\n", encoding="utf-8")
    proc = run_cli("ssh-setup", "hook", "--repo", str(repo), "--sn-tui", "/usr/bin/sn-tui")
    assert proc.returncode == 2
    assert proc.stderr == (
        f"sn-tui: Der findes allerede en anden pre-receive-hook i {hook}; "
        "flyt den, før sn-tui installerer sin.\n"
    )
    assert hook.read_text() == "#!/bin/sh\nexec andet-vaerktoej\n"


def test_groups_changed_through_a_broken_frontmatter_are_still_refused(shared: Shared) -> None:
    mette = shared.clone("mette")
    path = "indsatser/familiebehandling.md"
    commit_edit(mette, path, "faggrupper: [myndighed, ppr]", "faggrupper: [myndighed, ppr")
    tip = commit_edit(mette, path, "faggrupper: [myndighed, ppr", "faggrupper: [ppr]")
    proc = git_in(mette, "push", "origin", "main")
    _refused(proc.stderr, f"Commit {tip[:10]} ændrer, hvilke faggrupper der skal godkende")


def test_a_merge_that_brings_in_an_admins_change_is_not_blamed_on_the_merger(
    shared: Shared,
) -> None:
    ole, mette = shared.clone("ole"), shared.clone("mette")
    person = "  ny:\n    navn: Ny Person\n    roller: [redaktør]\n"
    commit_edit(ole, "adgang.yml", "regler:", person + "regler:")
    assert git_in(ole, "push", "origin", "main").returncode == 0
    commit_edit(mette, "indsatser/familiebehandling.md", "Tekst om formål", "Mettes formål")
    pulled = git_in(mette, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert pulled.returncode == 0, pulled.stderr
    assert git_in(mette, "rev-list", "--parents", "-n1", "HEAD").stdout.count(" ") == 2  # a merge
    proc = git_in(mette, "push", "origin", "main")
    assert proc.returncode == 0, proc.stderr
    assert remote_rev(shared, "main") == git_in(mette, "rev-parse", "HEAD").stdout.strip()
