"""The entry model is lossless: unchanged files round-trip byte for byte, and an edit of one
field or key changes only that field's or key's lines."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sn_tui.domain.document import DELETE, Document, DocumentError, FrontmatterError, normalise
from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import FIELDS

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.md"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_round_trips_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    assert Document.parse(data).to_bytes() == data


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_edit_of_one_field_changes_only_its_lines(path: Path) -> None:
    data = path.read_bytes()
    doc = Document.parse(data)
    for title in doc.section_titles():
        edited = doc.with_field(title, "Ny tekst\nover to linjer")
        assert edited.field(title) == "Ny tekst\nover to linjer"
        for other in doc.section_titles():
            if other != title:
                assert edited.field(other) == doc.field(other)
        assert edited.meta == doc.meta
        assert edited.bom == doc.bom and edited.newline == doc.newline
        changed = _changed_lines(data, edited.to_bytes())
        sec = doc.section(title)
        assert sec is not None
        last = doc.line_of_offset(sec.end)
        assert all(sec.line < n <= last for n in changed), (title, changed)


def _changed_lines(a: bytes, b: bytes) -> list[int]:
    """1-based lines of `a` that the edit replaced or removed."""
    old = a.decode("utf-8-sig").splitlines()
    new = b.decode("utf-8-sig").splitlines()
    lines: list[int] = []
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes():
        if tag != "equal":
            lines.extend(range(i1 + 1, max(i2, i1 + 1) + 1))
    return lines


def test_meta_edit_keeps_comments_quoting_and_other_keys() -> None:
    data = (Path(__file__).parent / "corpus" / "comments-and-unknown-keys.md").read_bytes()
    doc = Document.parse(data)
    edited = doc.with_meta("økonomi.budget_kr", 5000000)
    old_lines = data.decode().splitlines()
    new_lines = edited.to_bytes().decode().splitlines()
    diff = [(o, n) for o, n in zip(old_lines, new_lines, strict=True) if o != n]
    assert diff == [
        ("    budget_kr: 4500000      # 2026-tal", "    budget_kr: 5000000      # 2026-tal")
    ]
    assert edited.meta["økonomi"]["note"] == "ukendt nøgle i økonomi"


def test_meta_edit_of_block_list_keeps_its_style() -> None:
    doc = Document.parse(Path(__file__).parent.joinpath("corpus", "crlf.md").read_bytes())
    edited = doc.with_meta("faggrupper", ["ppr", "skole"])
    assert "faggrupper:\r\n  - ppr\r\n  - skole\r\n" in edited.text
    assert edited.meta["faggrupper"] == ["ppr", "skole"]


def test_new_and_deleted_keys() -> None:
    doc = Document.parse(b"---\nid: a\n\xc3\xb8konomi:\n  budget_kr: 1\n# slut\n---\n")
    added = doc.with_meta("økonomi.forventet_antal", 3)
    assert added.meta["økonomi"] == {"budget_kr": 1, "forventet_antal": 3}
    assert "# slut" in added.text
    gone = added.with_meta("økonomi.budget_kr", DELETE)
    assert gone.meta["økonomi"] == {"forventet_antal": 3}
    created = Document.parse(b"## Formal\n\nx\n").with_meta("titel", "Ny")
    assert created.meta == {"titel": "Ny"}
    assert created.field("Formal") == "x"


def test_unchanged_value_is_no_edit() -> None:
    data = (Path(__file__).parent / "corpus" / "comments-and-unknown-keys.md").read_bytes()
    doc = Document.parse(data)
    assert doc.with_meta("titel", "Enkelt citeret: med kolon").to_bytes() == data
    assert doc.with_field("Formål", "  Flere tomme linjer før og efter.\n").to_bytes() == data


def test_fenced_code_does_not_split_sections() -> None:
    doc = Document.parse(
        (Path(__file__).parent / "corpus" / "comments-and-unknown-keys.md").read_bytes()
    )
    assert doc.section_titles() == ["Formål", "Indhold", "Lovhjemmel"]
    assert "## Ikke en overskrift" in (doc.field("Indhold") or "")


def test_unreadable_files_say_where() -> None:
    with pytest.raises(DocumentError) as err:
        Document.parse(b"---\nid: a\n\n## Formal\n")
    assert err.value.code == "fm_unclosed"
    with pytest.raises(DocumentError) as err:
        Document.parse(b"---\nid: a\n---\n\n\xff\n")
    assert err.value.code == "not_utf8" and err.value.line == 5
    with pytest.raises(FrontmatterError) as yerr:
        Document.parse(b"---\nid: a\ntitel: [x\n---\n").meta  # noqa: B018
    assert yerr.value.line in (3, 4)


def test_indsats_reads_the_eight_fields() -> None:
    text = "---\nid: x\ntitel: X\nkategori: K\nfaggrupper: [a]\n"
    text += "økonomi: {budget_kr: 10, forventet_antal: 4}\n---\n"
    text += "".join(f"\n## {f}\n\n{f} tekst\n" for f in FIELDS)
    entry = Indsats.parse(text.encode(), "indsatser/x.md")
    assert list(entry.fields) == list(FIELDS)
    assert entry.fields["Lovhjemmel"] == "Lovhjemmel tekst"
    assert (entry.budget_kr, entry.forventet_antal, entry.pris_pr_barn) == (10, 4, 2)


# ---------------------------------------------------------------------- property tests
_word = st.text(alphabet="abcæøå ÆØÅ.,§-0123456789", min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
_line = (
    st.lists(_word, min_size=1, max_size=6)
    .map(" ".join)
    .filter(lambda s: not s.lstrip().startswith(("#", "-", "`", "~", ".")))
)
_paragraph = st.lists(_line, min_size=1, max_size=3).map("\n".join)
_field_text = st.lists(_paragraph, min_size=0, max_size=3).map("\n\n".join)
_blank = st.sampled_from(["", "\n", "\n\n", "  \n", "\n\n\n"])
_scalar = st.one_of(
    st.integers(min_value=-(10**9), max_value=10**9),
    _word,
    st.booleans(),
    st.sampled_from(["ja", "no", "1.5", "'citeret'", "2026-03-12"]),
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    titles = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=8, unique=True))
    titel = draw(st.sampled_from(["X", '"Citeret"', "Med æøå"]))
    meta_lines = ["id: x", f"titel: {titel}"]
    if draw(st.booleans()):
        meta_lines.append("# en kommentar")
    meta_lines += ["økonomi:", f"{draw(st.sampled_from(['  ', '    ']))}budget_kr: 12  # kr"]
    parts = ["---", *meta_lines, "---", ""]
    text = nl.join(parts)
    for title in titles:
        text += f"## {title}{nl}{draw(_blank).replace(chr(10), nl)}"
        text += draw(_field_text).replace("\n", nl)
        text += draw(_blank).replace("\n", nl) + nl
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    data = text.encode()
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data, titles


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents())
def test_property_round_trip(doc_and_titles: tuple[bytes, list[str]]) -> None:
    data, titles = doc_and_titles
    doc = Document.parse(data)
    assert doc.to_bytes() == data
    assert doc.section_titles() == titles


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(), st.data())
def test_property_field_edit_is_local(
    doc_and_titles: tuple[bytes, list[str]], data: st.DataObject
) -> None:
    raw, titles = doc_and_titles
    doc = Document.parse(raw)
    title = data.draw(st.sampled_from(titles))
    value = data.draw(_field_text)
    edited = doc.with_field(title, value)
    assert edited.field(title) == normalise(value)
    assert edited.section_titles() == titles
    for other in titles:
        sec_old, sec_new = doc.section(other), edited.section(other)
        assert sec_old is not None and sec_new is not None
        if other != title:
            assert doc.text[sec_old.start : sec_old.end] == edited.text[sec_new.start : sec_new.end]
    assert edited.frontmatter_text == doc.frontmatter_text
    assert edited.bom == doc.bom


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(), _scalar)
def test_property_meta_edit_is_local(
    doc_and_titles: tuple[bytes, list[str]], value: object
) -> None:
    raw, _titles = doc_and_titles
    doc = Document.parse(raw)
    edited = doc.with_meta("økonomi.budget_kr", value)
    assert edited.meta["økonomi"]["budget_kr"] == value
    assert {k: v for k, v in edited.meta.items() if k != "økonomi"} == {
        k: v for k, v in doc.meta.items() if k != "økonomi"
    }
    old_lines = doc.text.splitlines()
    new_lines = edited.text.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert all("budget_kr" in old_lines[i] for i in changed)
    assert (
        edited.text[doc.body_start :] == doc.text[doc.body_start :]
        or doc.body_start != edited.body_start
    )


_KEYS = ["id", "titel", "økonomi", "budget_kr", "yes", "Null", "1", "a-b", "_x", "é", "k"]
_WORDS = [
    "Familiebehandling", "Støttende indsatser", "a b", "yes", "No", "null", "NULL", "on", "y",
    "~", "3", "0", "007", "-5", "+5", "1_000", "1.5", "2026-03-12", "x:y", "a #b", "'q'", '"q"',
    "[a, b]", "[]", "[a,]", "[ a ,b ]", "[yes, 3]", "[[a]]", "{a: b}", "&x", "*x", "!t", "|",
    "é", "\xa0x", "ø-å", "Hvad?", "a - b", "x,y", "", "  ", "Tab\there", "e1", ".inf", "0x1F",
]  # fmt: skip


@st.composite
def _frontmatter(draw: st.DrawFn) -> str:
    """Mostly plain lines (which the simple reader takes), with some of everything else."""
    plain = draw(st.booleans())
    lines = []
    for _ in range(draw(st.integers(0, 7))):
        tricky = not plain or draw(st.integers(0, 9)) == 0
        indent = draw(st.sampled_from(["", "", "  ", "    ", " ", "\t"] if tricky else ["", "  "]))
        key = draw(st.sampled_from(_KEYS))
        sep = draw(st.sampled_from([": ", ":", ":  ", " : ", ":\t"] if tricky else [": "]))
        value = draw(st.sampled_from(_WORDS))
        tail = draw(st.sampled_from(["", "", " ", "  # note"] if tricky else ["", " "]))
        lines.append(draw(st.sampled_from([f"{indent}{key}{sep}{value}{tail}", f"{key}:", ""])))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"] if plain else ["\n"]))


def _strictly_equal(a: object, b: object) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_strictly_equal(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(_strictly_equal(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    return a == b


@settings(max_examples=600)
@given(_frontmatter())
def test_the_simple_frontmatter_reader_agrees_with_pyyaml_or_declines(text: str) -> None:
    import yaml

    from sn_tui.domain.simple_yaml import load_simple

    simple = load_simple(text)
    if simple is None:
        return
    assert _strictly_equal(simple, yaml.load(text, Loader=yaml.CSafeLoader)), text


def test_the_simple_frontmatter_reader_reads_a_plain_indsats() -> None:
    from sn_tui.domain.simple_yaml import load_simple

    text = (
        "id: familiebehandling\ntitel: Familiebehandling\nkategori: Støttende indsatser\n"
        "faggrupper: [myndighed, ppr]\nøkonomi:\n  budget_kr: 4500000\n  forventet_antal: 60\n"
    )
    assert load_simple(text) == {
        "id": "familiebehandling",
        "titel": "Familiebehandling",
        "kategori": "Støttende indsatser",
        "faggrupper": ["myndighed", "ppr"],
        "økonomi": {"budget_kr": 4500000, "forventet_antal": 60},
    }
    assert load_simple(text.replace("Familiebehandling", "yes")) is None  # YAML: True
    assert load_simple("id: \xa0x\n") is None  # YAML keeps a no-break space; str.strip does not
