"""How long a committee document takes: a comparison of N indsatser with about M changes
rendered as DOCX and as PDF (issue 21's targets: 60 indsatser, 500 changes, DOCX < 2 s,
PDF < 10 s). Prints p50 and p95 over the runs, in milliseconds.

    python bench/paper_documents.py [--indsatser 60] [--changes 500] [--runs 9]

The two versions are built in memory (no Git), the same each time (fixed seed); the PDF is
made by whichever renderer `--format pdf` would use (WeasyPrint, else LibreOffice).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import shutil
import statistics
import time

from small_corpus import WORDS as CORPUS_WORDS
from sn_tui.domain.diff.compare import compare
from sn_tui.domain.diff.types import Comparison
from sn_tui.domain.entry import Indsats, Serviceniveau
from sn_tui.domain.fields import FIELDS, indsats_path
from sn_tui.domain.snapshot import Adoption, Revision, Snapshot
from sn_tui.export import render_comparison

# The small corpus' words and a few more; the bold one puts inline markup into the documents.
WORDS = [*CORPUS_WORDS, "samtaler", "forløb", "**tryghed**", "omfang"]


def text(rng: random.Random, paragraphs: int) -> str:
    out = []
    for k in range(paragraphs):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 45)))
        out.append(f"- {words}." if k % 3 == 2 else f"{words.capitalize()}.")
    return "\n\n".join(out)


def indsats(ident: str, fields: dict[str, str], budget: int) -> Indsats:
    body = "".join(f"## {name}\n\n{fields[name]}\n\n" for name in FIELDS)
    head = (
        f"---\nid: {ident}\ntitel: Indsats {ident}\nkategori: Støttende indsatser\n"
        f"faggrupper: [myndighed]\nøkonomi:\n  budget_kr: {budget}\n  forventet_antal: 40\n---\n\n"
    )
    return Indsats.parse(head + body, path=indsats_path(ident))


def edit(rng: random.Random, field: str) -> str:
    words = field.split(" ")
    k = rng.randrange(len(words))
    words[k] = rng.choice(WORDS)
    return " ".join(words)


def versions(count: int, changes: int, seed: int = 21) -> Comparison:
    rng = random.Random(seed)
    a_entries, b_entries = [], []
    # A replaced word is a deletion and an insertion; some replacements repeat a word or join.
    edits = math.ceil(changes * 0.52)
    for n in range(count):
        ident = f"indsats-{n:03d}"
        fields = {name: text(rng, 3) for name in FIELDS}
        a_entries.append(indsats(ident, fields, 1_000_000 + n * 10_000))
        edited = dict(fields)
        for _ in range(edits // count + (1 if n < edits % count else 0)):
            name = rng.choice(FIELDS)
            edited[name] = edit(rng, edited[name])
        b_entries.append(indsats(ident, edited, 1_050_000 + n * 10_000))
    doc = Serviceniveau.parse(
        "---\nkommune: Bench Kommune\ntitel: Serviceniveau\n---\n\n## Forord\n\nForord.\n"
    )
    day = dt.date(2026, 3, 12)
    rev_a = Revision("vedtaget/2025-03-12", "a" * 40, adoption=_adopted(dt.date(2025, 3, 12)))
    rev_b = Revision("vedtaget/2026-03-12", "b" * 40, adoption=_adopted(day))
    return compare(
        Snapshot(rev_a, doc, {i.id: i for i in a_entries}),
        Snapshot(rev_b, doc, {i.id: i for i in b_entries}),
    )


def _adopted(day: dt.date) -> Adoption:
    return Adoption(tag=f"vedtaget/{day.isoformat()}", date=day, vedtaget_af="Bench <b@x.dk>")


def change_count(comp: Comparison) -> int:
    return sum(
        1
        for change in comp.changed
        for field in change.fields
        for op in field.ops
        if op.kind != "equal"
    )


def timed(comp: Comparison, fmt: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_comparison(comp, fmt)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indsatser", type=int, default=60)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    comp = versions(args.indsatser, args.changes)
    print(f"Sammenligning: {len(comp.changed)} ændrede indsatser, {change_count(comp)} ændringer")
    chosen = os.environ.get("SN_PDF_RENDERER") or (
        "libreoffice" if shutil.which("soffice") else "weasyprint"
    )
    print(f"PDF gennem {chosen} (SN_PDF_RENDERER vælger)")
    render_comparison(comp, "pdf")  # the renderer's own first-use set-up is not the document's
    for fmt, target in (("docx", 2000), ("pdf", 10000)):
        times = timed(comp, fmt, args.runs)
        median = statistics.median(times)
        print(
            f"{fmt}: p50 {median:.0f} ms, p95 {p95(times):.0f} ms over {args.runs} kørsler "
            f"(mål < {target} ms: {'nået' if p95(times) < target else 'ikke nået'})"
        )


if __name__ == "__main__":
    main()
