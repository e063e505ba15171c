"""16 processes x 50 saves on one repository, half of them on one indsats: every save is either
committed (and findable in Git with its text) or reported as a conflict; git fsck stays clean."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env, git, make_repo

WORKER = Path(__file__).parent / "stress_worker.py"
IDS = tuple(f"indsats-{n}" for n in range(9))
SAVES = 50


@pytest.mark.slow
def test_sixteen_writers_lose_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo.git", bare=True, ids=IDS)
    procs = []
    for p in range(16):
        shared = p < 8  # half on indsats-0, pairs of them on the same field
        indsats_id = IDS[0] if shared else IDS[p - 7]
        field = p % 4 if shared else 0
        login = "ole" if p % 2 else "mette"
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    str(WORKER),
                    str(repo),
                    login,
                    indsats_id,
                    str(field),
                    str(SAVES),
                    str(p),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=cli_env(),
            )
        )
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
        lines = [json.loads(line) for line in out.splitlines()]
        assert len(lines) == SAVES
        outcomes.extend(lines)
    saved = [o for o in outcomes if o["status"] == "saved"]
    conflicts = [o for o in outcomes if o["status"] == "conflict"]
    assert len(saved) + len(conflicts) == 16 * SAVES
    history = set(git(repo, "rev-list", "main").split())
    for outcome in saved:
        assert outcome["commit"] in history
        changed = git(repo, "show", outcome["commit"], "--format=", "--unified=0")
        assert outcome["text"] in changed, outcome
    assert len(history) == 2 + len({o["commit"] for o in saved})
    assert not [o for o in outcomes if o["status"] == "unchanged"]

    def writer(outcome: dict[str, str]) -> int:
        return int(outcome["text"].split("skriver ")[1].split(")")[0])

    assert not [o for o in conflicts if writer(o) >= 8]  # alone on an indsats: never a conflict
    git(repo, "fsck", "--strict")
    print(f"{len(saved)} gemt, {len(conflicts)} konflikter")
