"""The service methods the front ends call instead of reading the repository themselves:
opening facts, one indsats at a revision, a file's history and one commit's changes, and an
editor's save that conflicts and is finished with the user's choices."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sn_tui.domain.fields import FIELDS
from sn_tui.services.errors import NotFound
from sn_tui.services.outcomes import Conflicted, Saved
from sn_tui.services.workspace import Workspace

OpenAs = Callable[[str], Workspace]
FB_ID = "familiebehandling"
FB = f"indsatser/{FB_ID}.md"


def test_opening_facts_name_the_person_and_groups_at_one_head(workspace: OpenAs) -> None:
    facts = workspace("mette").opening_facts()
    assert facts.head == workspace("ole").head()
    assert facts.person is not None and facts.person.navn == "Mette Prøve"
    assert workspace("ukendt").opening_facts().person is None


def test_one_indsats_at_a_revision_with_its_text(workspace: OpenAs) -> None:
    ws = workspace("ole")
    first = str(ws.head())
    ws.set_field(FB_ID, "Formål", "Nyt formål.")
    revision, entry = ws.indsats_at(FB_ID, first)
    assert revision.commit == first == ws.resolve(first).commit
    assert entry.fields["Formål"].startswith("Tekst om formål")
    assert ws.read_blob(entry.blob) == ws.edit_state(FB_ID, first).data
    with pytest.raises(NotFound, match="findes ikke i main"):
        ws.indsats_at("findes-ikke")


def test_history_and_what_one_commit_changed(workspace: OpenAs) -> None:
    ws = workspace("mette")
    ws.set_field(FB_ID, "Indhold", "Nyt indhold.")
    newest, created = ws.file_history(FB)
    assert (newest.author, created.author) == ("Mette Prøve", "Ole Test")
    changes = ws.commit_changes(newest.commit, FB, FIELDS)
    assert [f.name for f in changes.fields] == ["Indhold"]
    assert not changes.meta and not changes.created and not changes.deleted
    assert ws.commit_changes(created.commit, FB, FIELDS).created


def test_a_conflicted_save_is_finished_with_the_chosen_text(workspace: OpenAs) -> None:
    mine, theirs = workspace("mette"), workspace("ole")
    state = mine.edit_state(FB_ID)
    assert state.data is not None
    theirs.set_field(FB_ID, "Formål", "Deres formål.")
    edited = state.document.with_field("Formål", "Mit formål.").with_field("Indhold", "Mit.")
    outcome = mine.save_edit(FB_ID, edited.to_bytes(), state.base, "min note")
    assert isinstance(outcome, Conflicted)
    assert [c.name for c in outcome.conflicts] == ["Formål"]
    assert outcome.theirs == theirs.head() != state.base
    finished = mine.finish_save(outcome, {"Formål": "Begges formål."})
    assert isinstance(finished, Saved) and finished.changed
    saved = mine.edit_state(FB_ID).document
    assert finished.data == mine.edit_state(FB_ID).data
    assert (saved.field("Formål"), saved.field("Indhold")) == ("Begges formål.", "Mit.")
    assert mine.file_history(FB)[0].subject == "Familiebehandling: min note"
