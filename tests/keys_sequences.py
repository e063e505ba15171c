"""Seeded random key sequences for text fields, and the ways a test sends them.

A sequence mixes printable characters with keys that text fields bind (backspace, arrows,
home, end, delete, ctrl+w …). The same sequence can be sent as one burst (all keys in one read,
as over SSH), one key at a time through the pilot, or through tmux (`tmux_args`).
"""

from __future__ import annotations

import random
import unicodedata

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot

# No '#' (a heading in a field), no ';' (tmux's command separator), no '?' (the help key).
PRINTABLE = "abcdefghijklmnopqrstuvwxyzæøåABCÆØÅ0123456789 .,-"

# Textual's key name -> the name tmux `send-keys` sends it by.
BOUND = {
    "backspace": "BSpace",
    "delete": "DC",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "ctrl+a": "C-a",
    "ctrl+e": "C-e",
    "ctrl+d": "C-d",
    "ctrl+k": "C-k",
    "ctrl+u": "C-u",
    "ctrl+w": "C-w",
}


def sequences(seed: int, count: int, *, multiline: bool) -> list[list[str]]:
    """`count` sequences of 4–16 keys, about one in three bound; with `multiline` each starts
    on a new line (enter), so the lines of a field stay short and nothing soft-wraps."""
    rng = random.Random(seed)
    bound = sorted(BOUND)
    result = []
    for _ in range(count):
        keys = ["enter"] if multiline else []
        for _ in range(rng.randint(4, 16)):
            keys.append(rng.choice(bound) if rng.random() < 0.35 else rng.choice(PRINTABLE))
        result.append(keys)
    return result


def tmux_args(keys: list[str]) -> list[str]:
    """The arguments of one `tmux send-keys` call that types `keys`."""
    names = {**BOUND, "enter": "Enter", " ": "Space"}
    return [names.get(key, key) for key in keys]


def key_event(key: str) -> events.Key:
    """The Key event the terminal driver makes for `key` (as the pilot's `press` does)."""
    name = _character_to_key(key) if len(key) == 1 else key
    unicode_name = _get_unicode_name_from_key(REPLACED_KEYS.get(name, name))
    try:
        char: str | None = unicodedata.lookup(unicode_name)
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(name, char)


async def burst(pilot: Pilot[object], keys: list[str]) -> None:
    """All of `keys` queued before the app handles the first: one read from the terminal."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        event = key_event(key)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settled(pilot)


async def one_by_one(pilot: Pilot[object], keys: list[str]) -> None:
    """`keys` typed one at a time, each handled (bubbling included) before the next."""
    for key in keys:
        await burst(pilot, [key])


async def settled(pilot: Pilot[object]) -> None:
    """Until no message is queued anywhere: a bound key bubbles through several queues.
    (Not `pilot.press`: it waits for the CPU to go idle, slow on a shared machine.)"""
    app = pilot.app
    while True:
        await pilot._wait_for_screen()
        if all(
            node._message_queue.empty() for node in [app, *app.screen.walk_children()]
        ) and not getattr(app, "keys_pending", False):  # sn-tui's app hands keys on one by one
            return
