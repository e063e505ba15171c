"""A daily start shows the overview without loading what its first paint does not need
(issue 23): the YAML parser (adgang.yml comes from the parse cache), the import, datagrundlag
and adoption machinery that `Workspace` is made of, every subcommand's parser, the writing
machinery and what the use cases give back.

The TUI runs in a fresh interpreter as `sn-tui` starts it (its command line read, the start
prepared, then the app), driven through Textual's pilot, since this interpreter has long since
imported everything. The first start fills the user's parse cache; the second is a daily start.
"""

from __future__ import annotations

from pathlib import Path

from fresh_tui import run_fresh

CHILD = """
import asyncio, json, sys
from sn_tui.cli.command_line import parse_command_line
from sn_tui.tui.startup import prepare

args = parse_command_line(["--repo", sys.argv[1], "--user", "mette", "--db", sys.argv[2]])
start = prepare(args.repo, args.user, args.db)
from sn_tui.tui.app import make_app
from sn_tui.tui.widgets.indsats_list import IndsatsList

async def main():
    ready = asyncio.Event()
    at_ready = {}

    def shown():
        at_ready["modules"] = sorted(sys.modules)
        ready.set()

    app = make_app(args.repo, args.user, db_url=args.db, on_ready=shown, start=start)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(ready.wait(), 60)
        await app.workers.wait_for_complete()  # the index, the review column, the check
        await pilot.pause()
        rows = app.screen.rows
        listed = app.screen.query_one(IndsatsList).row_count
        app.exit()
    print(json.dumps({
        "modules": at_ready["modules"],
        "listed": listed,
        "rows": [[r.id, r.titel, r.changed, r.review, r.errors, r.warnings] for r in rows],
    }))

asyncio.run(main())
"""

DEFERRED = [
    "yaml",
    "argparse",  # the TUI's command line is read without it (`cli.command_line`)
    "_hashlib",  # OpenSSL: the start's SHA-1s are `cache.digest`'s
    "sqlalchemy",
    "sn_tui.domain.importing.mapping",
    "sn_tui.domain.importing.synonyms",
    "sn_tui.domain.importing.blocks",
    "sn_tui.services.importing.plan",
    "sn_tui.domain.datagrundlag.reading",
    "sn_tui.domain.datagrundlag.table",  # the rows of datagrundlag/<år>.csv
    "sn_tui.domain.datagrundlag.view",
    "sn_tui.services.datagrundlag.columns",
    "sn_tui.services.adoption_summary",
    "sn_tui.domain.reviews.matrix",
    # what saving, a conflict, an export and a commit's history need; what the use cases give
    # back (a dataclass costs ~0.5 ms to create) and the check's findings
    "sn_tui.store.save",
    "sn_tui.store.lock",
    "sn_tui.domain.merge",
    "sn_tui.services.exports",
    "sn_tui.services.outcomes",
    "sn_tui.domain.history",
    "sn_tui.domain.checks.findings",
    "csv",  # datagrundlag files are read and written by their screen and commands
]


def test_a_daily_start_shows_the_overview_without_what_its_first_paint_does_not_need(
    repo_path: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'reviews.db'}"
    first = run_fresh(CHILD, repo_path, url)  # fills the parse cache
    daily = run_fresh(CHILD, repo_path, url)
    loaded = set(daily["modules"])  # type: ignore[call-overload]
    assert [name for name in DEFERRED if name in loaded] == []
    # the same overview as the first start: rows, review column and check results
    assert daily["rows"] == first["rows"]
    assert daily["listed"] == 2
    ids = [row[0] for row in daily["rows"]]  # type: ignore[attr-defined]
    assert sorted(ids) == ["familiebehandling", "fast-kontaktperson"]
    assert all(row[4] is not None for row in daily["rows"])  # type: ignore[attr-defined]
    assert all(row[3] for row in daily["rows"])  # type: ignore[attr-defined]
