"""Keys that arrive in one read across a change of screen or focus are applied in order.

A key bound on a screen (escape closes the editor, ctrl+s asks for the message) used to run
only after the keys that came with it in the same read had reached the focused field: over
SSH, escape followed at once by `v` typed the `v` into the indsats' text, and ctrl+s followed by
the message's first letters put those letters into the field (Textualize/textual#6605).
"""

from __future__ import annotations

from pathlib import Path

from test_edit_save import PATH, open_fast_kontaktperson
from textual.command import CommandInput, CommandPalette
from tui_support import file_at, settle

from keys_sequences import burst
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.dialogs.save_message import SaveMessageScreen
from sn_tui.tui.screens.versions.versions import VersionsScreen
from sn_tui.tui.widgets.indsats_list import IndsatsList
from sn_tui.tui.widgets.text_entry import SnInput


async def test_escape_and_a_key_in_one_read_leave_the_text_alone(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_fast_kontaktperson(pilot)
        await burst(pilot, ["escape", "v"])  # type: ignore[arg-type]
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)  # not a "v" in the text, kept as a draft
        assert not editor.dirty
        assert app.screen_stack[0].query_one(IndsatsList).current_id == "fast-kontaktperson"


async def test_ctrl_s_and_the_message_in_one_read_go_to_the_message(repo_path: Path) -> None:
    before = file_at(repo_path, "main", PATH)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_fast_kontaktperson(pilot)
        await pilot.press("end", *" Også om aftenen.")
        await burst(pilot, ["ctrl+s", *"Aften"])  # type: ignore[arg-type]
        await settle(pilot)
        assert isinstance(app.screen, SaveMessageScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert not editor.dirty
    after = file_at(repo_path, "main", PATH).decode()
    assert "Også om aftenen." in after and "aftenen.Aften" not in after
    assert before != after.encode()


async def test_the_filter_key_and_the_words_in_one_read_filter_on_the_words(
    repo_path: Path,
) -> None:
    """A fast typist's "/kontakt": "k" is not a key of the list, but the filter's first letter."""
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, ["slash", *"kontakt"])  # type: ignore[arg-type]
        await settle(pilot)
        assert app.screen.query_one("#filter", SnInput).value == "kontakt"
        assert app.screen.query_one(IndsatsList).current_id == "fast-kontaktperson"


async def test_a_burst_into_the_command_palette_is_applied_in_order(repo_path: Path) -> None:
    """The palette's field is Textual's own: the app keeps its keys in order too."""
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, ["ctrl+p", *"versx", "backspace", "i"])  # type: ignore[arg-type]
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).value == "versi"


async def test_keys_behind_ctrl_q_end_with_the_app(repo_path: Path) -> None:
    """A fast typist's last keys after ctrl+q are dropped, not handed to a closing screen."""
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, ["down", "escape", "ctrl+q", *["down", "up"] * 20])  # type: ignore[arg-type]
    assert app.return_code == 0
