"""Keys that arrive in one read are applied in the order they were typed (issue 16 §1).

Fast, through the pilot: a burst of keys queued at once must give the same text as the same
keys pressed one at a time. The tmux test (test_keys_order_terminal.py) does it end to end.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Input, TextArea

from keys_sequences import burst, one_by_one, sequences
from sn_tui.tui.widgets.text_area import SnTextArea
from sn_tui.tui.widgets.text_entry import SnInput

SRC = Path(__file__).resolve().parents[2] / "src" / "sn_tui"


class OneField(App[None]):
    def __init__(self, make: Callable[[], Input | TextArea]) -> None:
        super().__init__()
        self.make = make

    def compose(self) -> ComposeResult:
        yield self.make()


async def typed(make: Callable[[], Input | TextArea], keys: list[str], *, at_once: bool) -> str:
    """The field's text after `keys`, sent in one burst or one at a time."""
    app = OneField(make)
    async with app.run_test(size=(200, 30)) as pilot:
        field = app.query_one(Widget)
        assert isinstance(field, Input | TextArea)
        field.focus()
        await pilot.pause()
        if at_once:
            await burst(pilot, keys)  # type: ignore[arg-type]
        else:
            await one_by_one(pilot, keys)  # type: ignore[arg-type]
        return field.text if isinstance(field, TextArea) else field.value


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["backspace", "d"], "abd"),
        (["left", "X"], "abXc"),
        (["home", "delete", "Z"], "Zbc"),
        (["ctrl+w", "n", "y"], "ny"),
    ],
)
async def test_a_burst_into_an_input_is_applied_in_order(keys: list[str], expected: str) -> None:
    assert await typed(lambda: SnInput("abc", select_on_focus=False), keys, at_once=True) == (
        expected
    )


async def test_a_burst_into_a_text_area_is_applied_in_order() -> None:
    keys = ["end", "backspace", "d", "left", "X", "enter", "e"]
    area = lambda: SnTextArea("abc", soft_wrap=True, tab_behavior="focus")  # noqa: E731
    assert await typed(area, keys, at_once=True) == "abX\ned"


async def test_textual_itself_still_reorders_so_the_workaround_is_needed() -> None:
    """When this fails, Textual applies keys in order itself (Textualize/textual#6605 fixed):
    remove sn_tui/tui/widgets/text_entry.py and use Input and TextArea again."""
    keys = ["backspace", "d"]
    assert await typed(lambda: Input("abc", select_on_focus=False), keys, at_once=True) == "abc"


@pytest.mark.parametrize("seed", range(4))
async def test_random_bursts_give_what_the_keys_give_one_at_a_time(seed: int) -> None:
    def titel() -> SnInput:
        return SnInput("Familiebehandling", select_on_focus=False)

    for keys in sequences(seed, 10, multiline=False):
        keys = [k for k in keys if k != "enter"]
        at_once = await typed(titel, keys, at_once=True)
        one_at_a_time = await typed(titel, keys, at_once=False)
        assert at_once == one_at_a_time, keys
    keys = [k for seq in sequences(seed, 10, multiline=True) for k in seq]
    at_once = await typed(lambda: SnTextArea("Formål.", soft_wrap=True), keys, at_once=True)
    one_at_a_time = await typed(lambda: SnTextArea("Formål.", soft_wrap=True), keys, at_once=False)
    assert at_once == one_at_a_time


def test_every_text_field_of_the_app_keeps_keys_in_order() -> None:
    """No screen or widget composes Textual's own Input or TextArea: they reorder keys."""
    offenders = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name | ast.Attribute)
                and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
                in ("Input", "TextArea")
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []
