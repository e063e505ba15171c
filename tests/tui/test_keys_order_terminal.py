"""Typed text arrives intact through a real terminal (issue 16 §1).

sn-tui runs in tmux; 200 seeded random sequences of printable and bound keys (backspace,
arrows, home, end, delete, ctrl+w …) go into a field, each as one `send-keys` burst, so many
keys arrive in one read as over SSH. After every 50 the field is saved, and the committed text
must be what the same keys give typed one at a time into the same kind of field (the pilot).
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from keys_tmux import start
from test_keys_order import typed
from tui_support import git

from keys_sequences import sequences, tmux_args
from sn_tui.domain.document import Document, normalise
from sn_tui.tui.widgets.text_area import SnTextArea
from tmux_support import Tmux, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

SEED, COUNT, PER_SAVE = 16, 200, 50
START = "Formål for anbringelse i plejefamilie."


def expected_after_each_save() -> list[str]:
    """The field's text at each save, the keys typed one at a time from the same start."""
    keys = sequences(SEED, COUNT, multiline=True)
    texts = []
    for end in range(PER_SAVE, COUNT + 1, PER_SAVE):
        typed_so_far = [k for seq in keys[:end] for k in seq]
        texts.append(
            asyncio.run(
                typed(lambda: SnTextArea(START, soft_wrap=True), typed_so_far, at_once=False)
            )
        )
    # Short lines: the editor (about 110 columns here) soft-wraps nothing, so home and end
    # mean the same in the terminal as in the pilot's field.
    assert max(len(line) for text in texts for line in text.splitlines()) < 80
    return texts


def committed_field(repo_path: Path) -> str:
    data = git(repo_path, "show", "main:indsatser/plejefamilie.md").encode()
    return Document.parse(data).field("Formål") or ""


def test_bursts_of_keys_through_tmux_are_saved_as_typed(repo_path: Path) -> None:
    expected = expected_after_each_save()
    tmux = Tmux(repo_path.parent / "tmux.sock")
    start(tmux, repo_path.parent, "--repo", str(repo_path), "--user", "mette")
    try:
        wait_for(lambda: "Fast kontaktperson" in tmux.screen(), "the overview", show=tmux)
        tmux.keys("Enter")
        wait_for(lambda: START in tmux.screen(), "the fields", show=tmux)
        keys = sequences(SEED, COUNT, multiline=True)
        differences = []
        for batch, want in enumerate(expected):
            for seq in keys[batch * PER_SAVE : (batch + 1) * PER_SAVE]:
                tmux.keys(*tmux_args(seq))
            head = git(repo_path, "rev-parse", "main").strip()
            tmux.keys("C-s")
            wait_for(lambda: "Gem ændringerne" in tmux.screen(), "the save dialog", show=tmux)
            tmux.keys(f"Runde {batch + 1}", literal=True)
            tmux.keys("Enter")
            wait_for(
                lambda: git(repo_path, "rev-parse", "main").strip() != head,  # noqa: B023
                "the commit",
                show=tmux,
            )
            if committed_field(repo_path) != normalise(want):
                differences.append(batch)
        assert differences == []
    finally:
        tmux.run("kill-server")
