"""One writer process for the stress test: N read-modify-write saves, each outcome reported.

Prints one JSON line per save: {"n", "status": "saved"|"conflict", "commit", "text"}
("unchanged" only if the text was already there, which unique texts rule out).
"""

from __future__ import annotations

import json
import sys

from sn_tui.domain.fields import FIELDS
from sn_tui.services.workspace import Workspace
from sn_tui.store.save import SaveConflict


def main() -> None:
    repo, login, indsats_id, field_index, count, writer = sys.argv[1:7]
    ws = Workspace.open(repo, login)
    field = FIELDS[int(field_index)]
    for n in range(int(count)):
        state = ws.edit_state(indsats_id)
        text = f"{login} (skriver {writer}) gemning {n} i {field}."
        data = state.document.with_field(field, text).to_bytes()
        try:
            result = ws.save_indsats(indsats_id, data, state.base)
        except SaveConflict:
            print(json.dumps({"n": n, "status": "conflict", "text": text}), flush=True)
            continue
        status = "saved" if result.changed else "unchanged"
        print(
            json.dumps({"n": n, "status": status, "commit": result.commit, "text": text}),
            flush=True,
        )
    ws.close()


if __name__ == "__main__":
    main()
