"""Hypothesis strategies: field texts of an indsats, and random edits of them."""

from __future__ import annotations

from hypothesis import strategies as st

from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import FIELDS

WORDS = st.sampled_from(
    [
        "barnet",
        "familien",
        "støtte",
        "indsats",
        "§",
        "32,",
        "stk.",
        "1",
        "4.500.000",
        "kr.",
        "og",
        "i",
        "særlige",
        "behov",
        "ø",
        "–",
        "(jf.",
        "lov)",
        "**vigtigt**",
    ]
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=12)
FIELD = st.lists(PARAGRAPH, min_size=0, max_size=4)
Structure = list[list[list[str]]]  # field -> paragraph -> word


def render(paragraphs: list[list[str]], bullets: bool) -> str:
    if bullets:
        return "\n".join("- " + " ".join(words) for words in paragraphs)
    return "\n\n".join(" ".join(words) for words in paragraphs)


def indsats(structure: Structure, bullets: list[bool]) -> Indsats:
    fields = {name: render(structure[k], bullets[k]) for k, name in enumerate(FIELDS)}
    return Indsats("x", "X", "K", (), None, None, fields)


@st.composite
def edited(draw: st.DrawFn) -> tuple[Structure, Structure, list[bool]]:
    before: Structure = [draw(FIELD) for _ in FIELDS]
    bullets = [draw(st.booleans()) for _ in FIELDS]
    after = [[list(p) for p in field] for field in before]
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["insert", "delete", "replace", "move", "new"]))
        f = draw(st.integers(0, len(FIELDS) - 1))
        paragraphs = after[f]
        if kind == "new" or not paragraphs:
            paragraphs.insert(draw(st.integers(0, len(paragraphs))), draw(PARAGRAPH))
            continue
        p = draw(st.integers(0, len(paragraphs) - 1))
        words = paragraphs[p]
        if kind == "insert":
            words.insert(draw(st.integers(0, len(words))), draw(WORDS))
        elif kind == "delete" and len(words) > 1:
            del words[draw(st.integers(0, len(words) - 1))]
        elif kind == "replace":
            words[draw(st.integers(0, len(words) - 1))] = draw(WORDS)
        elif kind == "move":
            target = after[draw(st.integers(0, len(FIELDS) - 1))]
            moved = paragraphs.pop(p)
            target.insert(draw(st.integers(0, len(target))), moved)
    return before, after, bullets
