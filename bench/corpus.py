"""Generate a large, reproducible content repository for benchmarks.

Default size is ten times any kommune: 1,000 indsatser of about 3 KB, 2,000 commits and 50 adopted
versions, written in one `git fast-import` stream and repacked (PERF-NOTES: reads are ~3x slower
straight after fast-import). Same seed, same repository, byte for byte. `add_reviews` adds
reviews by the 12 faggrupper to the repository's own review database (SQLite in `.git/`);
`long_field` gives one indsats a field of about 20 KB.

    python bench/corpus.py /tmp/korpus [--indsatser 1000 --commits 2000 --tags 50 --seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sn_tui.domain.fields import FIELDS

GROUPS = (
    "myndighed",
    "familiebehandling",
    "ppr",
    "sundhedspleje",
    "dagtilbud",
    "skole",
    "jura",
    "oekonomi",
    "leverandoer",
    "handicap",
    "ungeindsats",
    "sekretariat",
)
CATEGORIES = (
    "Forebyggende indsatser",
    "Støttende indsatser",
    "Økonomisk støtte",
    "Anbringelse",
    "Børn med funktionsnedsættelse",
    "Ungestøtte",
)
LAW = (
    "§ 30, stk. 1, nr. 2, i barnets lov",
    "§ 32, stk. 1, nr. 3, i barnets lov",
    "§ 32, stk. 1, nr. 5, i barnets lov",
    "§ 32, stk. 1, nr. 7, i barnets lov",
    "§ 35, stk. 3, i barnets lov",
    "§ 46 i barnets lov",
    "§ 86 i barnets lov",
    "§§ 113-116 i barnets lov",
)
WORDS = [
    "barnet",
    "familien",
    "indsatsen",
    "støtte",
    "hverdagen",
    "forældrene",
    "samarbejde",
    "skolen",
    "netværket",
    "trivsel",
    "udvikling",
    "rådgiveren",
    "vurdering",
    "behov",
    "mål",
    "opfølgning",
    "leverandøren",
    "kommunen",
    "tilbud",
    "samtaler",
    "forløb",
    "hjemmet",
    "fritiden",
    "relationer",
    "ressourcer",
    "rammer",
    "kontakt",
    "ugentligt",
    "løbende",
    "konkret",
    "individuel",
    "faglig",
    "helhedsorienteret",
    "tidlig",
    "forebyggende",
    "inddragelse",
    "børnefaglig",
    "plan",
    "dokumentation",
    "kvalitet",
    "kompetencer",
    "uddannelse",
    "sundhed",
    "tryghed",
    "stabilitet",
    "overgang",
    "voksenliv",
]


@dataclass
class Corpus:
    """What was generated, for the benchmark to pick its versions from."""

    path: Path
    ids: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    commits: int = 0


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(7, 16))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _field_text(rng: random.Random, name: str) -> str:
    if name == "Lovhjemmel":
        return rng.choice(LAW)
    return "\n\n".join(_paragraph(rng, rng.randint(2, 3)) for _ in range(2))


def _edit(rng: random.Random, text: str) -> str:
    """An edit as people make them: a sentence rewritten, added or removed, a word changed."""
    paragraphs = text.split("\n\n")
    n = rng.randrange(len(paragraphs))
    sentences = paragraphs[n].split(". ")
    kind = rng.random()
    i = rng.randrange(len(sentences))
    if kind < 0.4:
        sentences[i] = _sentence(rng).rstrip(".")
    elif kind < 0.7:
        sentences.insert(i, _sentence(rng).rstrip("."))
    elif kind < 0.85 and len(sentences) > 1:
        del sentences[i]
    else:
        words = sentences[i].split()
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        sentences[i] = " ".join(words)
    paragraphs[n] = ". ".join(sentences)
    if not paragraphs[n].endswith("."):
        paragraphs[n] += "."
    return "\n\n".join(paragraphs)


def _indsats(rng: random.Random, ident: str, n: int, fields: dict[str, str], budget: int) -> bytes:
    groups = sorted(rng.sample(GROUPS, 6))
    head = (
        f"---\nid: {ident}\ntitel: Indsats {n:04d} {rng.choice(WORDS)}\n"
        f"kategori: {CATEGORIES[n % len(CATEGORIES)]}\n"
        f"faggrupper: [{', '.join(groups)}]\n"
        f"økonomi:\n  budget_kr: {budget}\n  forventet_antal: {rng.randint(5, 200)}\n---\n"
    )
    return (head + "".join(f"\n## {k}\n\n{v}\n" for k, v in fields.items())).encode()


def _static_files() -> dict[str, bytes]:
    groups = "".join(f"- id: {g}\n  navn: {g.capitalize()}\n" for g in GROUPS)
    people = "personer:\n" + "".join(
        f"  person{n:02d}:\n    navn: Person {n:02d}\n    email: person{n:02d}@korpus.dk\n"
        f"    faggrupper: [{GROUPS[n % len(GROUPS)]}]\n    roller: [redaktør, godkender]\n"
        for n in range(30)
    )
    serviceniveau = (
        "---\nkommune: Korpus Kommune\ntitel: Serviceniveau\n---\n\n## Forord\n\nForord.\n\n"
        "## Principper for indsatsen\n\nDer foretages altid en konkret og individuel vurdering.\n"
    )
    return {
        "faggrupper.yml": groups.encode(),
        "adgang.yml": people.encode(),
        "serviceniveau.md": serviceniveau.encode(),
    }


def generate(
    path: Path, *, indsatser: int = 1000, commits: int = 2000, tags: int = 50, seed: int = 1
) -> Corpus:
    """Write the repository at `path` (a new folder) and return what it holds."""
    rng = random.Random(seed)
    path.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    ids = [f"indsats-{n:04d}" for n in range(indsatser)]
    texts = {i: {f: _field_text(rng, f) for f in FIELDS} for i in ids}
    budgets = {i: rng.randrange(100_000, 20_000_000, 1000) for i in ids}
    state_rng = {i: random.Random(f"{seed}-{i}") for i in ids}
    start = dt.datetime(2021, 1, 4, 9, tzinfo=dt.UTC)
    tag_every = max(commits // max(tags, 1), 1)
    out: list[bytes] = []
    corpus = Corpus(path, ids)

    def blob(data: bytes) -> None:
        out.append(b"data %d\n" % len(data) + data + b"\n")

    for c in range(commits):
        when = int((start + dt.timedelta(hours=9 * c)).timestamp())
        author = f"Person {c % 30:02d} <person{c % 30:02d}@korpus.dk> {when} +0000"
        if c == 0:
            changed = ids
            message = b"Korpus: alle indsatser"
        else:
            changed = rng.sample(ids, rng.choice((1, 1, 2, 3)))
            for ident in changed:
                name = rng.choice(FIELDS[:-1])
                texts[ident][name] = _edit(rng, texts[ident][name])
                if rng.random() < 0.3:
                    budgets[ident] = int(budgets[ident] * rng.uniform(0.9, 1.15)) // 1000 * 1000
            message = f"Ændret {', '.join(changed)}".encode()
        out.append(b"commit refs/heads/main\n")
        out.append(b"mark :%d\n" % (c + 1))
        out.append(f"author {author}\ncommitter {author}\n".encode())
        blob(message)
        if c == 0:
            for name, data in _static_files().items():
                out.append(f"M 100644 inline {name}\n".encode())
                blob(data)
        for ident in changed:
            n = int(ident.rsplit("-", 1)[1])
            data = _indsats(state_rng[ident], ident, n, texts[ident], budgets[ident])
            state_rng[ident] = random.Random(f"{seed}-{ident}")  # same groups every version
            out.append(f"M 100644 inline indsatser/{ident}.md\n".encode())
            blob(data)
        out.append(b"\n")
        if (c + 1) % tag_every == 0 and len(corpus.tags) < tags:
            day = (start + dt.timedelta(hours=9 * c)).date()
            name = f"vedtaget/{day.isoformat()}"
            msg = (
                f"Vedtaget.\n\nVedtaget-af: Person 00 <person00@korpus.dk>\n"
                f"Udvalg: Børne- og Ungeudvalget\nMoededato: {day}\nDagsordenpunkt: {c % 17 + 1}\n"
                f"Ikrafttraeden: {day + dt.timedelta(days=14)}\n"
            ).encode()
            out.append(f"tag {name}\nfrom :{c + 1}\ntagger {author}\n".encode())
            blob(msg)
            corpus.tags.append(name)
    subprocess.run(
        ["git", "-C", str(path), "fast-import", "--quiet"], input=b"".join(out), check=True
    )
    subprocess.run(["git", "-C", str(path), "repack", "-adfq"], check=True)
    subprocess.run(["git", "-C", str(path), "reset", "-q", "--hard", "main"], check=True)
    corpus.commits = commits
    return corpus


def add_reviews(corpus: Corpus, count: int, rng: random.Random) -> None:
    """`count` reviews of today's indsatser on `main`; a fifth judged the first version's text."""
    from review_matrix import fill
    from sn_tui.services.reviews import database_url
    from sn_tui.store.repo import ContentRepo

    repo = ContentRepo.open(corpus.path)
    head = repo.head()
    assert head is not None
    first = repo.tree_entries(corpus.tags[0]) if corpus.tags else {}
    indsatser = sorted(repo.indsatser(head).values(), key=lambda i: i.id)
    fill(
        database_url(None, repo.git_dir),
        indsatser,
        count,
        rng,
        old_blob=lambda indsats: first.get(indsats.path, "0" * 40),
    )
    repo.close()


def long_field(corpus: Corpus, size: int = 20_000, seed: int = 1) -> str:
    """Save a version of the first indsats whose Indhold is `size` bytes or more; its id."""
    from sn_tui.domain.document import Document
    from sn_tui.domain.entry import Person
    from sn_tui.store.repo import ContentRepo
    from sn_tui.store.save import save_files

    rng = random.Random(seed)
    paragraphs: list[str] = []
    while sum(len(p.encode()) + 2 for p in paragraphs) < size:
        paragraphs.append(_paragraph(rng, 3))
    ident = corpus.ids[0]
    path = f"indsatser/{ident}.md"
    repo = ContentRepo.open(corpus.path)
    head = repo.head()
    doc = Document.parse(repo.read(str(head), path) or b"")
    person = Person("person01", "Person 01", "person01@korpus.dk")
    data = doc.with_field("Indhold", "\n\n".join(paragraphs)).to_bytes()
    save_files(repo, {path: data}, base=head, author=person, message=f"Langt felt i {ident}\n")
    repo.close()
    return ident


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--indsatser", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--tags", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = generate(
        args.path, indsatser=args.indsatser, commits=args.commits, tags=args.tags, seed=args.seed
    )
    counts = f"{len(corpus.ids)} indsatser, {corpus.commits} commits, {len(corpus.tags)} tags"
    print(f"{counts} i {args.path}")


if __name__ == "__main__":
    main()
