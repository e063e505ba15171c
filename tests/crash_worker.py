"""A save loop for the crash test: one indsats saved over and over, each edit drafted first.

Run as `python crash_worker.py REPO LOGIN ID FIRST LAST`. It prints `ready` once open; then for
each edit number from FIRST to LAST it does what the editor does: the draft goes to the
database, then the save goes to Git, then the draft is discarded, and only then is
`done N COMMIT` printed. After LAST it drafts
one more edit, prints `drafted N` and waits, like a user who typed and has not saved. The test
kills it with SIGKILL wherever it happens to be.
"""

from __future__ import annotations

import sys
import time

from sn_tui.domain.fields import indsats_path
from sn_tui.services.workspace import Workspace

FIELD = "Indhold"


def edit_text(number: int) -> str:
    return f"Udgave {number} af indholdet."


def edited(workspace: Workspace, indsats_id: str, number: int) -> tuple[str, bytes]:
    state = workspace.edit_state(indsats_id)
    assert state.base is not None
    return state.base, state.document.with_field(FIELD, edit_text(number)).to_bytes()


def main(repo: str, login: str, indsats_id: str, first: int, last: int) -> None:
    workspace = Workspace.open(repo, login)
    live = workspace.reviews.live
    live.draft(login, indsats_id)  # the database is open and migrated
    print("ready", flush=True)
    for number in range(first, last + 1):
        base, data = edited(workspace, indsats_id, number)
        live.save_draft(login, indsats_id, base, data.decode())
        result = workspace.save_indsats(indsats_id, data, base, f"Udgave {number}")
        live.discard_draft(login, indsats_id)
        commit = result.commit or workspace.repo.head()
        print(f"done {number} {commit}", flush=True)
    base, data = edited(workspace, indsats_id, last + 1)
    live.save_draft(login, indsats_id, base, data.decode())
    print(f"drafted {last + 1} {indsats_path(indsats_id)}", flush=True)
    while True:
        time.sleep(60)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
