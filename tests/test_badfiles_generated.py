"""Issue 16 §8: generated bad repositories, each committed with plain git, read by every command.

A few hundred seeds of `badfiles_cases` (every kind of spoil several times over, in chunks
that pytest-xdist spreads over the cores): documented exit codes only, a sentence that names
the file, every good indsats in every output and the spoiled one shown or named, no command
over two seconds, and nothing written into the repository. `bench/badfiles.py` runs 10,000.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from badfiles_cases import KINDS, Case, own_database, problems, repository_files, run_commands

CHUNKS = 8
SEEDS = range(6 * len(KINDS))  # every kind six times, with different random choices


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_bad_repositories_keep_every_promise(chunk: int, tmp_path: Path) -> None:
    found: list[str] = []
    with own_database(tmp_path):
        for seed in SEEDS[chunk::CHUNKS]:
            case = Case(seed)
            repo = case.build(tmp_path)
            before = repository_files(repo)
            found += problems(case, run_commands(repo, tmp_path))
            after = repository_files(repo)
            if after != before:
                changed = sorted(p for p in {*before, *after} if before.get(p) != after.get(p))
                found.append(f"{case.kind} (seed {seed}): wrote into the repository: {changed}")
            shutil.rmtree(repo)
    assert not found, "\n".join(found[:20])


def test_the_checker_names_each_kind_of_spoil(tmp_path: Path) -> None:
    """The generator itself: every kind spoils something `check` reports as an error, so the
    test above cannot pass on repositories that were never bad."""
    from badfiles_cases import run_cli

    missed = []
    with own_database(tmp_path):
        for seed, kind in enumerate(KINDS):
            if kind in (
                "huge-field",
                "emphasis-run",
                "law-references",
                "control-chars",
                "broken-lines",
            ):
                continue  # readable on purpose: they test the bounds, not the reading
            case = Case(seed)
            result = run_cli(case.build(tmp_path), "check")
            if result.code != 1 or not any(p in result.out for p in case.spoiled):
                missed.append(kind)
    assert not missed
