"""Working together: the ref stamp, who changed what, presence with names, and drafts."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import git, indsats_text
from sn_tui.domain.drafts import DraftPart, draft_parts
from sn_tui.domain.merge import WHOLE_FILE
from sn_tui.services.collaboration import DOCUMENT_KEY, Collaboration, key_path
from sn_tui.services.workspace import Workspace

PATH = "indsatser/familiebehandling.md"


def test_key_paths() -> None:
    assert key_path("familiebehandling") == PATH
    assert key_path(DOCUMENT_KEY) == "serviceniveau.md"


def test_the_main_stamp_changes_exactly_when_main_moves(
    workspace: Callable[[str], Workspace], repo_path: Path
) -> None:
    ws = workspace("ole")
    before = ws.repo.main_stamp()
    assert any(before)
    assert ws.repo.main_stamp() == before
    ws.set_field("familiebehandling", "Formål", "Nyt formål.")
    moved = ws.repo.main_stamp()
    assert moved != before
    git(repo_path, "pack-refs", "--all")  # main now lives in packed-refs only
    packed = ws.repo.main_stamp()
    assert packed != moved
    ws.set_field("familiebehandling", "Formål", "Igen nyt.")
    assert ws.repo.main_stamp() != packed


def test_main_moved_says_who_changed_what_but_not_my_own_saves(
    workspace: Callable[[str], Workspace], repo_path: Path
) -> None:
    mette, ole = workspace("mette"), workspace("ole")
    start = mette.repo.head()
    ole.set_field("familiebehandling", "Formål", "Oles formål.")
    mette.set_field("fast-kontaktperson", "Formål", "Mettes formål.")
    ole.set_meta("fast-kontaktperson", "titel", "Kontaktperson")
    move = Collaboration(mette).main_moved(start, mette.repo.head())
    assert move.paths == {PATH, "indsatser/fast-kontaktperson.md"}
    assert [(c.author, c.paths) for c in move.changes] == [
        ("Ole Test", (PATH, "indsatser/fast-kontaktperson.md"))
    ]
    assert move.titles[PATH] == "Familiebehandling"
    assert move.titles["indsatser/fast-kontaktperson.md"] == "Kontaktperson"
    assert move.authors_of(PATH) == ["Ole Test"]


def test_a_deleted_indsats_is_named_by_its_old_titel(
    workspace: Callable[[str], Workspace],
) -> None:
    mette, ole = workspace("mette"), workspace("ole")
    start = mette.repo.head()
    ole.delete_indsats("familiebehandling")
    move = Collaboration(mette).main_moved(start, mette.repo.head())
    assert move.titles == {PATH: "Familiebehandling"}


def test_presence_has_names_and_one_line_per_person(
    workspace: Callable[[str], Workspace],
) -> None:
    ole_a, ole_b = Collaboration(workspace("ole")), Collaboration(workspace("ole"))
    mette, stranger = Collaboration(workspace("mette")), Collaboration(workspace("fremmed"))
    ole_a.beat("familiebehandling", editing=False)
    ole_b.beat("familiebehandling", editing=True)  # Ole again, in a second session
    stranger.beat("familiebehandling", editing=False)
    mette.beat(None, editing=False)
    seen = mette.beat("fast-kontaktperson", editing=True)
    people = seen["familiebehandling"]
    assert [(p.navn, p.editing) for p in people] == [("Ole Test", True), ("fremmed", False)]
    assert "fast-kontaktperson" not in seen  # my own session is not someone else
    assert ole_a.presence()["fast-kontaktperson"][0].navn == "Mette Prøve"
    mette.leave()
    assert "fast-kontaktperson" not in ole_a.presence()


def test_a_session_whose_process_died_on_this_host_is_not_present(
    workspace: Callable[[str], Workspace],
) -> None:
    mette = Collaboration(workspace("mette"))
    gone = subprocess.Popen(["true"])
    gone.wait()  # reaped: no process has this id now
    for session, login, pid in (("død", "ole", gone.pid), ("levende", "fremmed", os.getpid())):
        mette.live.beat(session, login, host=mette.host, pid=pid, indsats_id="familiebehandling")
    mette.live.beat("andet-sted", "ole", host="en-anden-vært", pid=gone.pid, indsats_id="x")
    seen = mette.presence()
    assert [p.login for p in seen["familiebehandling"]] == ["fremmed"]
    assert [p.login for p in seen["x"]] == ["ole"]  # another host: its heartbeat decides


def test_a_draft_is_offered_only_when_it_says_something_new(
    workspace: Callable[[str], Workspace],
) -> None:
    ws = workspace("mette")
    collab = Collaboration(ws)
    head = ws.repo.head()
    assert head is not None
    saved = ws.repo.read(head, PATH)
    assert saved is not None
    assert collab.find_draft("familiebehandling", head, saved) is None

    collab.save_draft("familiebehandling", head, saved)  # nothing typed yet
    assert collab.find_draft("familiebehandling", head, saved) is None
    assert ws.reviews.live.draft("mette", "familiebehandling") is None  # thrown away

    draft = indsats_text("familiebehandling", Formål="Fra kladden.").encode()
    collab.save_draft("familiebehandling", head, draft)
    offer = collab.find_draft("familiebehandling", head, saved)
    assert offer is not None
    assert (offer.base, offer.base_data, offer.saved_moved) == (head, saved, False)
    assert offer.parts == [
        DraftPart("Formål", "Fra kladden.", "Tekst om formål for Familiebehandling.")
    ]
    assert collab.waiting_drafts() == [("familiebehandling", "Familiebehandling")]


def test_a_draft_knows_when_the_saved_text_moved_or_its_base_is_gone(
    workspace: Callable[[str], Workspace],
) -> None:
    ws, ole = workspace("mette"), workspace("ole")
    collab = Collaboration(ws)
    base = ws.repo.head()
    assert base is not None
    draft = indsats_text("familiebehandling", Formål="Fra kladden.").encode()
    collab.save_draft("familiebehandling", base, draft)
    ole.set_field("familiebehandling", "Indhold", "Oles indhold.")
    head = ws.repo.head()
    saved = ws.repo.read(head or "", PATH)
    offer = collab.find_draft("familiebehandling", head, saved)
    assert offer is not None and offer.saved_moved and offer.base == base
    assert [p.name for p in offer.parts] == ["Formål"]  # Ole's Indhold is not the draft's

    collab.save_draft("familiebehandling", "0" * 40, draft)  # a commit that does not exist
    offer = collab.find_draft("familiebehandling", head, saved)
    assert offer is not None and offer.base is None and not offer.saved_moved
    assert {p.name for p in offer.parts} == {"Formål", "Indhold"}  # against the saved text


def test_draft_parts_name_frontmatter_keys_and_fall_back_to_the_whole_file() -> None:
    base = indsats_text("x").encode()
    draft = base.replace(b"budget_kr: 4500000", b"budget_kr: 5000000")
    assert draft_parts(base, draft, base) == [
        DraftPart("frontmatter:økonomi.budget_kr", "5000000", "4500000")
    ]
    broken = b"---\ntitel: [\n---\n"
    assert draft_parts(base, broken, base) == [
        DraftPart(WHOLE_FILE, broken.decode(), base.decode())
    ]
