"""Three-way merge of one file, field by field and key by key."""

from __future__ import annotations

import pytest

from conftest import indsats_text
from sn_tui.domain.document import Document
from sn_tui.domain.merge import WHOLE_FILE, MergeConflict, merge_documents

BASE = indsats_text("x").encode()


def edit(data: bytes, old: str, new: str) -> bytes:
    assert old.encode() in data
    return data.replace(old.encode(), new.encode(), 1)


def test_different_fields_and_keys_combine() -> None:
    mine = edit(BASE, "Tekst om formål for Familiebehandling.", "Mit formål.")
    mine = edit(mine, "budget_kr: 4500000", "budget_kr: 1")
    theirs = edit(BASE, "Tekst om indhold for Familiebehandling.", "Deres indhold.")
    theirs = edit(theirs, "forventet_antal: 60", "forventet_antal: 70")
    merged = merge_documents(BASE, mine, theirs)
    assert merged is not None
    doc = Document.parse(merged)
    assert doc.field("Formål") == "Mit formål." and doc.field("Indhold") == "Deres indhold."
    assert doc.meta["økonomi"] == {"budget_kr": 1, "forventet_antal": 70}
    assert b"# skal godkende" in merged


def test_whitespace_only_change_on_my_side_yields_to_theirs() -> None:
    mine = edit(
        BASE, "Tekst om formål for Familiebehandling.", "Tekst om formål\nfor Familiebehandling."
    )
    theirs = edit(BASE, "Tekst om formål for Familiebehandling.", "Deres formål.")
    merged = merge_documents(BASE, mine, theirs)
    assert merged is not None and Document.parse(merged).field("Formål") == "Deres formål."


def test_text_before_the_first_field_merges_too() -> None:
    prefix = b"---\n"
    text = indsats_text("x").encode()
    base = text.replace(b"---\n\n## Form", b"---\nIndledning.\n\n## Form", 1)
    assert base != text and base.startswith(prefix)
    mine = base.replace(b"Indledning.", b"Ny indledning.")
    theirs = edit(base, "Tekst om indhold for Familiebehandling.", "Deres.")
    merged = merge_documents(base, mine, theirs)
    assert merged is not None
    doc = Document.parse(merged)
    assert doc.preamble.strip() == "Ny indledning." and doc.field("Indhold") == "Deres."


def test_same_field_both_sides_conflicts_with_three_texts() -> None:
    mine = edit(BASE, "Tekst om formål for Familiebehandling.", "Mit.")
    theirs = edit(BASE, "Tekst om formål for Familiebehandling.", "Deres.")
    with pytest.raises(MergeConflict) as err:
        merge_documents(BASE, mine, theirs)
    [conflict] = err.value.conflicts
    assert (conflict.name, conflict.mine, conflict.theirs) == ("Formål", "Mit.", "Deres.")


def test_identical_changes_are_no_conflict_and_deletions_are() -> None:
    same = edit(BASE, "Tekst om formål for Familiebehandling.", "Samme.")
    assert merge_documents(BASE, same, same) == same
    with pytest.raises(MergeConflict) as err:
        merge_documents(BASE, None, same)
    assert err.value.conflicts[0].name == WHOLE_FILE
    assert merge_documents(BASE, None, BASE) is None
