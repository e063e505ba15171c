"""Test data for the TUI tests: a small content repository with fixed dates and people.

Commits carry fixed dates (`when=`) so history screens and snapshots are the same every run.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from sn_tui.domain.entry import Person
from sn_tui.domain.fields import FIELDS
from sn_tui.domain.versions import adoption_message
from sn_tui.services.provisioning import init_repository
from sn_tui.store.adopt import create_adoption_tag
from sn_tui.store.save import save_files

TZ = dt.timezone(dt.timedelta(hours=1))
WHEN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=TZ)
LATER = dt.datetime(2026, 3, 20, 14, 30, tzinfo=TZ)

OLE = Person("ole", "Ole Test", "ole@testrup.dk", ("myndighed",), ("redaktør", "admin"))
METTE = Person("mette", "Mette Prøve", "mette@testrup.dk", ("ppr",), ("redaktør",))

ADGANG = """\
personer:
  ole:
    navn: Ole Test
    email: ole@testrup.dk
    faggrupper: [myndighed]
    roller: [redaktør, godkender, admin]
  mette:
    navn: Mette Prøve
    email: mette@testrup.dk
    faggrupper: [ppr]
    roller: [redaktør]
"""

INDSATSER = (
    ("familiebehandling", "Familiebehandling", "Støttende indsatser", "§ 32, stk. 1, nr. 5"),
    ("fast-kontaktperson", "Fast kontaktperson", "Støttende indsatser", "§ 32, stk. 1, nr. 3"),
    ("aflastning", "Støtteophold", "Støttende indsatser", "§ 32, stk. 1, nr. 7"),
    ("plejefamilie", "Anbringelse i plejefamilie", "Anbringelser", "§ 43, stk. 1, nr. 1"),
    ("oekonomisk-stoette", "Økonomisk støtte til efterskole", "Økonomisk støtte", "§ 35"),
)


# Plain words keep every text below the readability (LIX) warning of `sn-tui check`.
PLAIN = "Vi ser på det hver uge, og vi taler med barnet og de voksne om det, der skal ske nu."

SERVICENIVEAU = """\
---
kommune: Testrup Kommune
titel: Serviceniveau for børn og unge med særlige behov
---

## Forord

Her står, hvad vi vil gøre for børn og unge, og hvad de kan få hjælp til.

## Principper for indsatsen

Vi laver altid en konkret og individuel vurdering af, hvad det enkelte barn har brug for.
Vi taler med barnet og med de voksne om, hvad der er bedst.
"""


def _field_text(name: str, titel: str, lov: str) -> str:
    if name == "Lovhjemmel":
        return f"{lov} i barnets lov."
    if name == "Kvalitetskrav til leverandør":
        return f"{name} for {titel.lower()}. {PLAIN}"
    return f"{name} for {titel.lower()}."


def indsats_text(indsats_id: str, titel: str, kategori: str, lov: str) -> str:
    body = "".join(f"\n## {name}\n\n{_field_text(name, titel, lov)}\n" for name in FIELDS)
    return (
        "---\n"
        f"id: {indsats_id}\n"
        f"titel: {titel}\n"
        f"kategori: {kategori}\n"
        "faggrupper: [myndighed, ppr]  # skal godkende\n"
        "økonomi:\n"
        "  budget_kr: 4500000\n"
        "  forventet_antal: 60\n"
        "---\n" + body
    )


def make_repo(path: Path) -> Path:
    """Five indsatser, adopted on 5 March 2026, then one changed and one added (fixed dates)."""
    repo = init_repository(path, "Testrup Kommune", "ole")
    files: dict[str, bytes | None] = {
        "adgang.yml": ADGANG.encode(),
        "serviceniveau.md": SERVICENIVEAU.encode(),
    }
    for ident, titel, kategori, lov in INDSATSER[:4]:
        files[f"indsatser/{ident}.md"] = indsats_text(ident, titel, kategori, lov).encode()
    first = save_files(
        repo, files, base=repo.head(), author=OLE, message="Testdata\n", when=WHEN
    ).commit
    assert first is not None
    message = adoption_message(
        vedtaget_af="Ole Test <ole@testrup.dk>",
        udvalg="Børne- og Ungeudvalget",
        moededato=dt.date(2026, 3, 5),
        dagsordenpunkt="7",
        ikraft=None,
        review_summary="ingen reviews",
    )
    create_adoption_tag(repo, first, "vedtaget/2026-03-05", message, OLE, WHEN)
    ident, titel, kategori, lov = INDSATSER[0]
    changed = indsats_text(ident, titel, kategori, lov).replace(
        "Indhold for familiebehandling.", "Indhold for familiebehandling, også i weekenden."
    )
    ident5, titel5, kategori5, lov5 = INDSATSER[4]
    save_files(
        repo,
        {
            f"indsatser/{ident}.md": changed.encode(),
            f"indsatser/{ident5}.md": indsats_text(ident5, titel5, kategori5, lov5).encode(),
        },
        base=first,
        author=METTE,
        message="Familiebehandling: weekender; ny indsats om efterskole\n",
        when=LATER,
    )
    subprocess.run(["git", "-C", str(path), "reset", "-q", "--hard"], check=True)
    repo.close()
    return path


def git(path: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(path), *args], capture_output=True, text=True, check=True
    ).stdout


def screen_text(app: App[object]) -> str:
    """The terminal's text as the user sees it now (for assertions on what is on screen)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def until(
    pilot: Pilot[object], condition: Callable[[], bool], what: str = "", seconds: float = 10
) -> None:
    """Let timers, messages and workers run until `condition` holds (fails after `seconds`)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}\n{screen_text(pilot.app)}")
        await pilot.pause(0.05)


async def checked(pilot: Pilot[object]) -> None:
    """Wait until the editor shows `check`'s findings for the text as it is now."""
    from sn_tui.tui.screens.indsats.editor import EditorScreen

    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    await until(
        pilot, lambda: screen.checked is not None and screen.checked == screen.current_bytes()
    )


async def on_screen(pilot: Pilot[object], *texts: str) -> None:
    """Wait until every one of `texts` is on the screen (a change is painted a frame later)."""
    await until(
        pilot, lambda: all(t in screen_text(pilot.app) for t in texts), f"{texts!r} on screen"
    )


async def settle(pilot: Pilot[object]) -> None:
    """Let messages and workers (Git runs in threads) finish, twice over for chained work."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    while getattr(pilot.app, "keys_pending", False):  # sn-tui's app hands keys on one by one
        await pilot.pause()
    await pilot.pause()


def file_at(path: Path, rev: str, name: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(path), "show", f"{rev}:{name}"], capture_output=True, check=True
    ).stdout


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The lines that differ (unified diff body without context)."""
    import difflib

    diff = difflib.unified_diff(
        before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0
    )
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def notices(app: App[object]) -> list[str]:
    """The messages the app has notified (run_test keeps toasts off screen)."""
    return [n.message for n in app._notifications]
