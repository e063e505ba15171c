"""The legal checks measured on real published texts (tests/legal_corpus/, see its README).

Every line a jurist would flag (`skal`) must be found, per kind at least 80 % of the time;
false alarms may be at most one per two indsatser; and no finding may tell a kommune to rename
a term or a reference that is correct ("wrong legal advice"). The test prints the figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import indsats_report, serviceniveau_report
from sn_tui.domain.document import Document

CORPUS = Path(__file__).parent / "legal_corpus"
JUDGED = (
    "forældet-henvisning",
    "forældet-term",
    "minimumskriterie",
    "automatik",
    "manglende-individuel-vurdering",
    "pladsholder",
    "persondata",
)
ADVICE = ("forældet-henvisning", "forældet-term")  # findings that tell a kommune to rename
MIN_RECALL = 0.8
MAX_FALSE_ALARMS_PER_INDSATS = 0.5


@dataclass
class Line:
    text: str
    must: frozenset[str]
    tolerated: frozenset[str]
    must_not: frozenset[str]


@dataclass
class Score:
    expected: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    false_alarms: dict[str, list[str]] = field(default_factory=dict)
    wrong_advice: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def _expectations() -> dict[str, list[Line]]:
    data = yaml.safe_load((CORPUS / "forventninger.yml").read_text(encoding="utf-8"))
    return {
        stem: [
            Line(
                row["tekst"],
                frozenset(row.get("skal", [])),
                frozenset(row.get("tåles", [])),
                frozenset(row.get("maa_ikke", [])),
            )
            for row in rows
        ]
        for stem, rows in data.items()
    }


def _findings(path: Path) -> list[Finding]:
    doc = Document.parse(path.read_bytes())
    report = serviceniveau_report if "serviceniveau" in path.stem else indsats_report
    return [f for f in report(path.name, doc).findings if f.kind in JUDGED]


def _line_numbers(text: str, lines: list[Line], stem: str) -> dict[int, Line]:
    rows = text.splitlines()
    out: dict[int, Line] = {}
    for line in lines:
        at = [n for n, row in enumerate(rows, start=1) if line.text in row]
        assert len(at) == 1, f"{stem}: »{line.text}« is on {len(at)} lines, not one"
        out[at[0]] = line
    return out


def evaluate() -> Score:
    score = Score()
    expectations = _expectations()
    files = sorted(CORPUS.glob("*.md"))
    assert {f.stem for f in files} == set(expectations) | {"README"}
    for path in files:
        if path.stem == "README":
            continue
        by_line = _line_numbers(
            path.read_text(encoding="utf-8"), expectations[path.stem], path.stem
        )
        got: set[tuple[int, str]] = set()
        alarms: list[str] = []
        for f in _findings(path):
            got.add((f.line, f.kind))
            line = by_line.get(f.line)
            if line is not None and f.kind in line.must | line.tolerated:
                continue
            alarms.append(f"{f.line} {f.kind}: {f.message}")
            if line is not None and f.kind in line.must_not and f.kind in ADVICE:
                score.wrong_advice.append(f"{path.stem}:{f.line}: {f.message}")
        score.false_alarms[path.stem] = alarms
        for number, line in by_line.items():
            for kind in line.must:
                score.expected[kind] += 1
                if (number, kind) in got:
                    score.found[kind] += 1
                else:
                    score.missed.append(f"{path.stem}:{number} {kind}: {line.text}")
    return score


def _report(score: Score) -> str:
    rows = ["recall per kind:"]
    for kind in JUDGED:
        if score.expected[kind]:
            share = score.found[kind] / score.expected[kind]
            rows.append(f"  {kind:32} {score.found[kind]:3}/{score.expected[kind]:<3} {share:.0%}")
    rows.append("false alarms per indsats:")
    for stem, alarms in score.false_alarms.items():
        rows.append(f"  {stem:42} {len(alarms)}")
        rows.extend(f"      {a}" for a in alarms)
    rows.extend(f"missed: {m}" for m in score.missed)
    rows.extend(f"wrong legal advice: {w}" for w in score.wrong_advice)
    return "\n".join(rows)


@pytest.fixture(scope="module")
def score() -> Score:
    result = evaluate()
    print(_report(result))
    return result


def test_the_corpus_has_twelve_indsatser_from_six_kommuner(score: Score) -> None:
    indsatser = [s for s in score.false_alarms if not s.startswith("skabelon")]
    assert len(indsatser) >= 12
    assert len({s.split("-")[0] for s in indsatser}) >= 6


@pytest.mark.parametrize("kind", JUDGED)
def test_recall_per_kind_is_at_least_80_percent(score: Score, kind: str) -> None:
    if not score.expected[kind]:
        pytest.skip(f"no line of the corpus must have {kind}")
    assert score.found[kind] / score.expected[kind] >= MIN_RECALL, _report(score)


def test_at_most_one_false_alarm_per_two_indsatser(score: Score) -> None:
    alarms = sum(len(a) for a in score.false_alarms.values())
    assert alarms <= MAX_FALSE_ALARMS_PER_INDSATS * len(score.false_alarms), _report(score)


def test_no_wrong_legal_advice(score: Score) -> None:
    assert score.wrong_advice == [], _report(score)
