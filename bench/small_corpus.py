"""A generated content repository of N indsatser (two commits and one adopted version).

Small and quick on purpose, for start-up timing; `make_corpus(path, 1000)` takes a few seconds.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
from pathlib import Path

from sn_tui.domain.entry import Person
from sn_tui.domain.fields import FIELDS, indsats_path
from sn_tui.domain.versions import adoption_message
from sn_tui.services.provisioning import init_repository
from sn_tui.store.adopt import create_adoption_tag
from sn_tui.store.save import save_files

KATEGORIER = (
    "Forebyggende indsatser",
    "Støttende indsatser",
    "Anbringelser",
    "Økonomisk støtte",
    "Børn med funktionsnedsættelse",
    "Ungestøtte",
)
WORDS = [
    "barnet",
    "familien",
    "indsatsen",
    "støtte",
    "vurdering",
    "konkret",
    "individuel",
    "hjemmet",
    "skolen",
    "netværket",
    "rådgiveren",
    "leverandøren",
    "opfølgning",
    "mål",
    "plan",
    "uger",
    "timer",
    "forældrene",
    "trivsel",
    "udvikling",
    "samarbejde",
    "behov",
    "tilbud",
    "aftale",
    "ophold",
    "kontakt",
]
BOT = Person("bench", "Bench Bruger", "bench@example.org", (), ("redaktør", "admin"))
WHEN = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def indsats_text(rng: random.Random, n: int) -> str:
    """About 3.7 KB: frontmatter and eight fields of generated sentences."""
    titel = f"Indsats {n:04d} {rng.choice(WORDS)}"

    def sentences(count: int) -> str:
        return " ".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."
            for _ in range(count)
        )

    body = "".join(
        f"\n## {name}\n\n"
        + (f"§ {rng.randint(28, 116)} i barnets lov." if name == "Lovhjemmel" else sentences(5))
        + "\n"
        for name in FIELDS
    )
    return (
        f"---\nid: indsats-{n:04d}\ntitel: {titel}\nkategori: {KATEGORIER[n % len(KATEGORIER)]}\n"
        "faggrupper: [myndighed, ppr]\n"
        f"økonomi:\n  budget_kr: {rng.randint(1, 90) * 100000}\n"
        f"  forventet_antal: {rng.randint(1, 200)}\n---\n{body}"
    )


def make_corpus(path: Path, count: int, seed: int = 1) -> Path:
    """A repository with `count` indsatser, adopted, then a tenth of them changed."""
    rng = random.Random(seed)
    repo = init_repository(path, "Bench Kommune", BOT.login)
    texts = {indsats_path(f"indsats-{n:04d}"): indsats_text(rng, n) for n in range(count)}
    first = save_files(
        repo,
        {p: t.encode() for p, t in texts.items()},
        base=repo.head(),
        author=BOT,
        message="Alle indsatser\n",
        when=WHEN,
    ).commit
    assert first is not None
    message = adoption_message(
        vedtaget_af=f"{BOT.navn} <{BOT.email}>",
        udvalg="Børne- og Ungeudvalget",
        moededato=WHEN.date(),
        dagsordenpunkt="1",
        ikraft=None,
        review_summary="ingen reviews",
    )
    create_adoption_tag(repo, first, "vedtaget/2026-01-05", message, BOT, WHEN)
    changed = {
        p: (t + "\nTilføjet efter vedtagelsen.\n").encode() for p, t in list(texts.items())[::10]
    }
    save_files(repo, changed, base=first, author=BOT, message="Rettelser\n", when=WHEN)
    subprocess.run(["git", "-C", str(path), "reset", "-q", "--hard"], check=True)
    subprocess.run(["git", "-C", str(path), "repack", "-adq"], check=True)
    repo.close()
    return path
