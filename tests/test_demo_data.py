"""Demo data (`data/demo/commits/`): every commit yields a valid, lawful, readable serviceniveau.

The commits are replayed in directory-name order into an in-memory tree (path -> bytes), the
way `sn-tui demo` builds its repository, and each resulting tree is checked as a user of the
demo would notice: files that parse, the eight fields in order, known faggrupper, people who
exist, adopted versions that really differ, and text that follows barnets lov.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from sn_tui.domain.document import Document
from sn_tui.domain.entry import Indsats, Serviceniveau, parse_adgang, parse_faggrupper
from sn_tui.domain.fields import (
    ADGANG_FILE,
    DOCUMENT_SECTIONS,
    FAGGRUPPER_FILE,
    FIELDS,
    ID_PATTERN,
    INDSATS_DIR,
    SERVICENIVEAU_FILE,
)

COMMITS_DIR = Path(__file__).resolve().parents[1] / "data" / "demo" / "commits"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
AUTHOR_ROLES = {"redaktør", "admin"}
ADOPTER_ROLES = {"godkender", "admin"}
COMMIT_KEYS = {"dato", "forfatter", "besked", "slet", "vedtag"}
ADOPTION_KEYS = {"dato", "udvalg", "punkt", "moededato", "ikraft", "af"}

# Terms replaced by barnets lov (1 January 2024), matched case-insensitively.
OUTDATED_TERMS = ("handleplan", "aflastning", "efterværn", "serviceloven", "foranstaltning")
# Wording that reads as a minimum criterion, a cap or an automatic trigger ...
CUT_OFF = re.compile(
    r"\b(kun hvis|højst|maksimalt|aldrig|altid|ydes ikke|bevilges automatisk|udløser)\b",
    re.IGNORECASE,
)
# ... unless the same sentence says it is a guideline.
SOFTENED = re.compile(r"som udgangspunkt|typisk|vejledende", re.IGNORECASE)
PERSONAL_DATA = (
    re.compile(r"\b\d{6}-?\d{4}\b"),  # CPR number
    re.compile(r"[\w.+-]+@[\w-]+\.\w+"),  # e-mail address
    re.compile(r"\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b"),  # Danish phone number
)


@dataclass
class Step:
    """The repository after one demo commit."""

    name: str
    info: dict[str, Any]
    tree: dict[str, bytes]
    written: set[str] = field(default_factory=set)

    @property
    def when(self) -> dt.datetime:
        value = self.info["dato"]
        assert isinstance(value, dt.datetime), f"{self.name}: 'dato' skal være et tidspunkt"
        return value

    def indsatser(self) -> dict[str, Indsats]:
        return {
            path: Indsats.parse(data, path)
            for path, data in sorted(self.tree.items())
            if path.startswith(f"{INDSATS_DIR}/") and path.endswith(".md")
        }


def replay() -> Iterator[Step]:
    tree: dict[str, bytes] = {}
    for folder in sorted(p for p in COMMITS_DIR.iterdir() if p.is_dir()):
        info = yaml.safe_load((folder / "commit.yml").read_text(encoding="utf-8"))
        written = {
            f.relative_to(folder).as_posix(): f.read_bytes()
            for f in sorted(folder.rglob("*"))
            if f.is_file() and f.name != "commit.yml"
        }
        for gone in info.get("slet") or []:
            assert gone in tree, f"{folder.name}: sletter {gone}, som ikke findes"
            del tree[gone]
        tree.update(written)
        yield Step(folder.name, info, dict(tree), set(written))


STEPS = list(replay())
FINAL = STEPS[-1]
ADOPTED = [s for s in STEPS if s.info.get("vedtag")]


def people_at(step: Step) -> dict[str, set[str]]:
    adgang = parse_adgang(step.tree[ADGANG_FILE])
    return {login: set(p.roller) for login, p in adgang.personer.items()}


def bodies(step: Step) -> dict[str, str]:
    """The Markdown text a reader sees (no frontmatter), per file."""
    out: dict[str, str] = {}
    for path, data in step.tree.items():
        if path.endswith(".md"):
            doc = Document.parse(data)
            out[path] = doc.text[doc.body_start :]
    return out


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def lix(text: str) -> float:
    words = re.findall(r"[A-Za-zÆØÅæøåé]+", text)
    long_words = [w for w in words if len(w) > 6]
    return len(words) / max(len(sentences(text)), 1) + 100 * len(long_words) / max(len(words), 1)


def test_commits_are_ordered_folders_with_valid_commit_yml() -> None:
    assert len(STEPS) >= 20
    assert all(re.fullmatch(r"\d{3}-[a-z0-9-]+", s.name) for s in STEPS)
    for step in STEPS:
        info = step.info
        assert set(info) <= COMMIT_KEYS, f"{step.name}: ukendte nøgler {set(info) - COMMIT_KEYS}"
        assert isinstance(info["forfatter"], str) and info["forfatter"]
        assert isinstance(info["besked"], str) and info["besked"].strip()
        assert step.when.utcoffset() == step.when.astimezone(COPENHAGEN).utcoffset(), (
            f"{step.name}: {step.when} har ikke dansk tids forskydning"
        )
        assert isinstance(info.get("slet", []), list)
        assert step.written or info.get("slet"), f"{step.name}: commit uden ændringer"
    times = [s.when for s in STEPS]
    assert times == sorted(times), "commit-datoerne skal komme i rækkefølge"
    assert times[0].date() <= dt.date(2024, 11, 30) and times[-1].date() >= dt.date(2026, 10, 1)


def test_authors_and_adopters_exist_with_the_right_role_at_that_commit() -> None:
    for step in STEPS:
        people = people_at(step)
        author = step.info["forfatter"]
        assert author in people, f"{step.name}: forfatteren {author} står ikke i adgang.yml"
        assert people[author] & AUTHOR_ROLES, f"{step.name}: {author} er ikke redaktør"
        adopt = step.info.get("vedtag")
        if adopt:
            assert people.get(adopt["af"], set()) & ADOPTER_ROLES, f"{step.name}: {adopt['af']}"
    assert len({s.info["forfatter"] for s in STEPS}) >= 5


def test_adoptions_are_complete_and_in_order() -> None:
    assert len(ADOPTED) >= 3
    previous: dt.date | None = None
    for step in ADOPTED:
        adopt = step.info["vedtag"]
        assert set(adopt) == ADOPTION_KEYS, f"{step.name}: {set(adopt) ^ ADOPTION_KEYS}"
        for key in ("dato", "moededato", "ikraft"):
            assert isinstance(adopt[key], dt.date), f"{step.name}: vedtag.{key} er ikke en dato"
        assert isinstance(adopt["udvalg"], str) and adopt["udvalg"].strip()
        assert isinstance(adopt["punkt"], str) and adopt["punkt"].strip()
        assert step.when.date() <= adopt["dato"] < adopt["ikraft"]
        assert previous is None or previous < adopt["dato"]
        previous = adopt["dato"]
    last_adopted = ADOPTED[-1].info["vedtag"]["dato"]
    assert any(s.when.date() > last_adopted for s in STEPS), (
        "der skal være udkast efter den sidste vedtagelse"
    )


@pytest.mark.parametrize("step", STEPS, ids=[s.name for s in STEPS])
def test_every_commit_leaves_a_valid_repository(step: Step) -> None:
    groups = {g.id for g in parse_faggrupper(step.tree[FAGGRUPPER_FILE])}
    assert all(re.fullmatch(ID_PATTERN, g) for g in groups)
    adgang = parse_adgang(step.tree[ADGANG_FILE])
    for person in adgang.personer.values():
        assert set(person.faggrupper) <= groups, person.login
        assert set(person.roller) <= {"redaktør", "godkender", "admin"}, person.login
        assert person.email.endswith("@eksempel.dk"), person.login
    serviceniveau = Serviceniveau.parse(step.tree[SERVICENIVEAU_FILE])
    assert serviceniveau.kommune == "Eksempel Kommune"
    assert Document.parse(step.tree[SERVICENIVEAU_FILE]).section_titles() == list(DOCUMENT_SECTIONS)
    assert all(serviceniveau.sections.values())
    for path, indsats in step.indsatser().items():
        stem = path.removeprefix(f"{INDSATS_DIR}/").removesuffix(".md")
        assert indsats.id == stem, path
        assert re.fullmatch(ID_PATTERN, indsats.id), path
        assert indsats.titel and indsats.kategori, path
        assert Document.parse(step.tree[path]).section_titles() == list(FIELDS), path
        assert all(indsats.fields[name] for name in FIELDS), path
        assert indsats.faggrupper and set(indsats.faggrupper) <= groups, path
        okonomi = indsats.meta["økonomi"]
        assert type(okonomi["budget_kr"]) is int and okonomi["budget_kr"] > 0, path
        assert type(okonomi["forventet_antal"]) is int and okonomi["forventet_antal"] > 0, path


def test_the_final_tree_is_a_full_serviceniveau() -> None:
    assert len(FINAL.indsatser()) >= 14
    assert len(parse_faggrupper(FINAL.tree[FAGGRUPPER_FILE])) >= 6
    adgang = parse_adgang(FINAL.tree[ADGANG_FILE])
    assert len(adgang.personer) >= 10
    roles = [r for p in adgang.personer.values() for r in p.roller]
    assert roles.count("godkender") >= 2 and "admin" in roles
    members = [g for p in adgang.personer.values() for g in p.faggrupper]
    assert sum(members.count(g) >= 2 for g in set(members)) >= 3
    assert adgang.regler.get("forbyd_egen_godkendelse") is True
    principles = Serviceniveau.parse(FINAL.tree[SERVICENIVEAU_FILE]).sections
    text = " ".join(principles.values())
    for phrase in ("konkret og individuel vurdering", "faglige og økonomiske hensyn", "vejledende"):
        assert phrase in text
    assert "minimumskriterier" in text


def test_consecutive_adoptions_differ_in_indsatser_and_budgets() -> None:
    for before, after in pairwise(ADOPTED):
        old = {i.id: i for i in before.indsatser().values()}
        new = {i.id: i for i in after.indsatser().values()}
        assert set(old) != set(new), (
            f"{before.name} -> {after.name}: ingen ny eller fjernet indsats"
        )
        changed = [k for k in set(old) & set(new) if old[k].budget_kr != new[k].budget_kr]
        assert len(changed) >= 2, f"{before.name} -> {after.name}: budgetterne er uændrede"
        reworded = [k for k in set(old) & set(new) if old[k].fields != new[k].fields]
        assert reworded, f"{before.name} -> {after.name}: ingen tekst er ændret"
    last = ADOPTED[-1].indsatser()
    draft = FINAL.indsatser()
    assert set(draft) - set(last), "udkastet efter sidste vedtagelse har ingen ny indsats"
    assert sum(draft[p].fields != last[p].fields for p in set(draft) & set(last)) >= 2


@pytest.mark.parametrize("step", STEPS, ids=[s.name for s in STEPS])
def test_text_follows_barnets_lov_and_avoids_cut_off_wording(step: Step) -> None:
    for path, body in bodies(step).items():
        lowered = body.lower()
        for term in OUTDATED_TERMS:
            assert term not in lowered, f"{step.name} {path}: forældet begreb '{term}'"
        assert "SEL " not in body and "lov om social service" not in lowered, path
        for sentence in sentences(body):
            if CUT_OFF.search(sentence):
                assert SOFTENED.search(sentence), f"{step.name} {path}: '{sentence}'"
        for pattern in PERSONAL_DATA:
            assert not pattern.search(body), f"{step.name} {path}: persondata {pattern.pattern}"


def test_every_indsats_cites_barnets_lov_and_reads_easily() -> None:
    for path, indsats in FINAL.indsatser().items():
        assert "barnets lov" in indsats.lovhjemmel, path
        assert re.search(r"§§? \d+", indsats.lovhjemmel), path
        prose = "\n".join(indsats.fields[name] for name in FIELDS if name != "Lovhjemmel")
        assert lix(prose) < 50, f"{path}: LIX {lix(prose):.0f}"
