"""The comparison engine: what a reader of a comparison is told changed, and what not."""

from __future__ import annotations

import datetime as dt

from diff_builders import adopted, draft, make_indsats, make_serviceniveau, make_snapshot
from sn_tui.domain.diff.compare import compare, field_diff
from sn_tui.domain.diff.types import Op, text_a, text_b
from sn_tui.domain.diff.words import word_diff

A_REV = adopted(dt.date(2025, 3, 12))
B_REV = draft(dt.datetime(2026, 2, 1, 9, 30, tzinfo=dt.UTC))


def kinds(ops: tuple[Op, ...] | list[Op]) -> list[str]:
    return [op.kind for op in ops]


def test_identical_versions_have_no_changes() -> None:
    items = [make_indsats("familiebehandling"), make_indsats("kontaktperson", titel="Kontakt")]
    comp = compare(make_snapshot(A_REV, items), make_snapshot(B_REV, items))
    assert (comp.added, comp.removed, comp.changed) == ((), (), ())
    assert [i.id for i in comp.unchanged] == ["familiebehandling", "kontaktperson"]
    assert comp.document is None
    assert comp.summary.unchanged == 2


def test_added_removed_changed_and_unchanged_are_counted() -> None:
    a = [make_indsats("a", titel="Aflastning"), make_indsats("b", titel="Behandling")]
    a.append(make_indsats("c", titel="Café"))
    b = [
        make_indsats("b", titel="Behandling", fields={"Formål": "Et nyt formål."}),
        make_indsats("c", titel="Café"),
        make_indsats("d", titel="Døgnophold"),
    ]
    comp = compare(make_snapshot(A_REV, a), make_snapshot(B_REV, b))
    assert [i.id for i in comp.added] == ["d"]
    assert [i.id for i in comp.removed] == ["a"]
    assert [c.id for c in comp.changed] == ["b"]
    assert [i.id for i in comp.unchanged] == ["c"]
    s = comp.summary
    assert (s.added, s.removed, s.changed, s.unchanged) == (1, 1, 1, 1)


def test_a_moved_file_is_a_change_not_removal_and_addition() -> None:
    before = make_indsats("stoette", path="indsatser/stoette.md")
    after = make_indsats("stoette", path="indsatser/gammel/stoette.md")
    comp = compare(make_snapshot(A_REV, [before]), make_snapshot(B_REV, [after]))
    assert comp.added == () and comp.removed == ()
    [change] = comp.changed
    assert change.path_changed
    assert change.fields == () and change.meta == ()


def test_only_the_edited_field_is_reported_word_by_word() -> None:
    a = make_indsats("x")
    b = make_indsats("x", fields={"Omfang/varighed": "Typisk 3-9 måneder, med opfølgning."})
    [change] = field_diff(a, b)
    assert change.name == "Omfang/varighed"
    assert text_a(change.ops) == "Typisk 3-6 måneder."
    assert text_b(change.ops) == "Typisk 3-9 måneder, med opfølgning."
    assert ("delete", "6") in [(op.kind, op.text) for op in change.ops]
    assert ("insert", "9") in [(op.kind, op.text) for op in change.ops]
    assert change.ops[0] == Op("equal", "Typisk 3-")


def test_a_replaced_phrase_is_one_deletion_and_one_insertion() -> None:
    ops = word_diff(
        "Vi tilbyder hurtig hjælp i dag.", "Vi tilbyder grundig faglig vurdering i dag."
    )
    assert kinds(ops) == ["equal", "delete", "insert", "equal"]
    assert ops[1].text == "hurtig hjælp"
    assert ops[2].text == "grundig faglig vurdering"


def test_numbers_with_thousands_separators_change_as_one_word() -> None:
    ops = word_diff("Budget 4.500.000 kr.", "Budget 5.000.000 kr.")
    assert [(o.kind, o.text) for o in ops if o.kind != "equal"] == [
        ("delete", "4.500.000"),
        ("insert", "5.000.000"),
    ]


PARAS = [
    "Første afsnit handler om formålet med indsatsen.",
    "Andet afsnit beskriver samarbejdet med forældrene.",
    "Tredje afsnit nævner opfølgning hver tredje måned.",
]


def test_a_paragraph_moved_within_a_field_is_shown_as_moved() -> None:
    a = make_indsats("x", fields={"Indhold": "\n\n".join(PARAS)})
    b = make_indsats("x", fields={"Indhold": "\n\n".join([PARAS[1], PARAS[2], PARAS[0]])})
    [change] = field_diff(a, b)
    moved_from = [op for op in change.ops if op.kind == "moved-from"]
    moved_to = [op for op in change.ops if op.kind == "moved-to"]
    assert [op.text for op in moved_from] == [PARAS[0]]
    assert [op.text for op in moved_to] == [PARAS[0]]
    assert moved_from[0].move is not None and moved_to[0].move is not None
    assert moved_from[0].move.id == moved_to[0].move.id
    assert (moved_from[0].move.section, moved_from[0].move.paragraph) == ("Indhold", 3)
    assert (moved_to[0].move.section, moved_to[0].move.paragraph) == ("Indhold", 1)
    # the moved words are not also reported as deleted and inserted
    assert not any("formålet" in op.text for op in change.ops if op.kind in ("insert", "delete"))


def test_a_nearly_identical_paragraph_moved_to_another_field_keeps_its_edit() -> None:
    moved = "Familien får tilbudt et opfølgende møde efter tre måneder."
    edited = "Familien får tilbudt et opfølgende møde efter seks måneder."
    a = make_indsats("x", fields={"Formål": f"Kort formål.\n\n{moved}", "Indhold": "Samtaler."})
    b = make_indsats("x", fields={"Formål": "Kort formål.", "Indhold": f"Samtaler.\n\n{edited}"})
    changes = {c.name: c for c in field_diff(a, b)}
    assert set(changes) == {"Formål", "Indhold"}
    [src] = [op for op in changes["Formål"].ops if op.kind == "moved-from"]
    [dst] = [op for op in changes["Indhold"].ops if op.kind == "moved-to"]
    assert src.move is not None and src.move.section == "Indhold" and src.move.paragraph == 2
    assert dst.move is not None and dst.move.section == "Formål" and dst.move.paragraph == 2
    assert [(c.kind, c.text) for c in dst.changes if c.kind != "equal"] == [
        ("delete", "tre"),
        ("insert", "seks"),
    ]
    assert text_a(dst.changes) == moved and text_b(dst.changes) == edited


def test_a_bullet_moved_in_a_list_is_a_move() -> None:
    a = make_indsats("x", fields={"Indhold": "- Hjemmebesøg hos familien\n- Netværksmøder"})
    b = make_indsats("x", fields={"Indhold": "- Netværksmøder\n- Hjemmebesøg hos familien"})
    [change] = field_diff(a, b)
    assert "moved-to" in kinds(change.ops) and "moved-from" in kinds(change.ops)
    assert text_a(change.ops) == a.fields["Indhold"]
    assert text_b(change.ops) == b.fields["Indhold"]


def test_short_different_paragraphs_are_not_taken_for_moves() -> None:
    a = make_indsats("x", fields={"Formål": "Ja.", "Indhold": "Samtaler."})
    b = make_indsats("x", fields={"Formål": "Samtaler.", "Indhold": "Nej."})
    ops = [op for c in field_diff(a, b) for op in c.ops]
    moves = [op for op in ops if op.kind.startswith("moved")]
    assert [op.text for op in moves] == ["Samtaler.", "Samtaler."]  # the identical one only


def test_frontmatter_changes_key_by_key() -> None:
    a = make_indsats("x", faggrupper=("myndighed", "skole"), extra_meta="noter:\n  intern: gammel")
    b = make_indsats(
        "x",
        titel="Familiebehandling og rådgivning",
        faggrupper=("myndighed", "ppr"),
        budget_kr=5_000_000,
        extra_meta="noter:\n  intern: ny",
    )
    comp = compare(make_snapshot(A_REV, [a]), make_snapshot(B_REV, [b]))
    [change] = comp.changed
    by_key = {m.key: m for m in change.meta}
    assert list(by_key) == ["titel", "faggrupper", "økonomi.budget_kr", "noter.intern"]
    assert by_key["faggrupper"].added_items == ("ppr",)
    assert by_key["faggrupper"].removed_items == ("skole",)
    assert (by_key["økonomi.budget_kr"].before, by_key["økonomi.budget_kr"].after) == (
        4_500_000,
        5_000_000,
    )
    assert by_key["noter.intern"].kind == "changed"


def test_added_and_removed_frontmatter_keys() -> None:
    a = make_indsats("x", forventet_antal=None)
    b = make_indsats("x", budget_kr=None)
    [change] = compare(make_snapshot(A_REV, [a]), make_snapshot(B_REV, [b])).changed
    assert [(m.key, m.kind) for m in change.meta] == [
        ("økonomi.budget_kr", "removed"),
        ("økonomi.forventet_antal", "added"),
    ]


def test_summary_totals_before_and_after() -> None:
    a = [make_indsats("a", budget_kr=1_000_000, forventet_antal=10), make_indsats("b")]
    b = [
        make_indsats("a", budget_kr=1_500_000, forventet_antal=12),
        make_indsats("b"),
        make_indsats("c", budget_kr=None, forventet_antal=None),
    ]
    s = compare(make_snapshot(A_REV, a), make_snapshot(B_REV, b)).summary
    assert (s.before.budget_kr, s.after.budget_kr) == (5_500_000, 6_000_000)
    assert (s.before.forventet_antal, s.after.forventet_antal) == (50, 52)


def test_forord_and_principper_are_diffed_like_fields() -> None:
    old = make_serviceniveau(forord="Jeg er glad for at præsentere serviceniveauet.")
    new = make_serviceniveau(
        forord="Jeg er stolt af at præsentere serviceniveauet.", kommune="Ny Kommune"
    )
    comp = compare(make_snapshot(A_REV, [], old), make_snapshot(B_REV, [], new))
    assert comp.document is not None
    [section] = comp.document.sections
    assert section.name == "Forord"
    assert text_b(section.ops) == new.sections["Forord"]
    assert [m.key for m in comp.document.meta] == ["kommune"]
    assert comp.kommune == "Ny Kommune"


def test_changed_indsatser_come_in_reading_order() -> None:
    names = [("z", "Ø-indsats", "B"), ("y", "Aflastning", "B"), ("x", "Zebra", "A")]
    a = [make_indsats(i, titel=t, kategori=k) for i, t, k in names]
    b = [make_indsats(i, titel=t, kategori=k, budget_kr=1) for i, t, k in names]
    comp = compare(make_snapshot(A_REV, a), make_snapshot(B_REV, b))
    assert [c.id for c in comp.changed] == ["x", "y", "z"]


def test_danish_sort_key_puts_aeoeaa_last_and_accents_with_their_letter() -> None:
    import unicodedata

    from sn_tui.domain.danish import sort_key

    words = ["Åbo", "zebra", "Ære", "Øster", "ebbe", "Éclair", "Zoo", "ärlig", "Ödemark", "abe"]
    assert sorted(words, key=sort_key) == [
        "abe", "ebbe", "Éclair", "zebra", "Zoo", "Ære", "ärlig", "Ödemark", "Øster", "Åbo"
    ]  # fmt: skip
    for text in ("ﬁnale", "İzmir", "Straße", "ǅ", "e\u0301", "Familiebehandling"):
        expected = "".join(
            {"æ": "\U0010fff1", "ä": "\U0010fff1", "ø": "\U0010fff2", "ö": "\U0010fff2"}.get(
                ch, "\U0010fff3" if ch == "å" else unicodedata.normalize("NFD", ch)[0]
            )
            for ch in text.casefold()
        )
        assert sort_key(text) == expected
