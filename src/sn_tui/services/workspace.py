"""The services the CLI and the TUI share: one person working in one content repository.

Neither front end touches Git directly; they open a `Workspace` (from their --repo and --user
arguments) and call its methods (the TUI from workers). Each use case lives in a module of its
own, as a mixin over `services.session.Session`:

- `session`: who is working (adgang.yml, writer, steering roles), `main`'s head
- `reading`: snapshots, indsatser, files, history, adopted versions, the overview
- `reviewing`: the reviews (`services.reviews`), their database opened on first use
- `editing`: the state an edit starts from, saves, conflicted saves, new and deleted indsatser
- `checking`: the structure, legal and language rules at a revision or on one edited file
- `adoption`: adopting `main` as a version, who may, the adopted tags' integrity
- `comparing`: two versions compared and rendered; one commit's changes to a file
- `syncing`: the Git remote, fetched from and pushed to
- `importing`: an existing serviceniveau read from Word files, web pages and Markdown
- `people`: adgang.yml and faggrupper.yml changed by an admin; the state of the rights
- `restoring`: deleted indsatser listed and brought back
- `datagrundlag`: the numbers per indsats and year, imported from the økonomisystem

Here, besides the joining: where the repository and the login come from, and writing what a
front end exports to the user's own file.

Saving, adopting and checking import their machinery when first used: a command that only
reads (`list`, `diff`, the TUI's first screen) does not pay for the rules or the writers.
"""

from __future__ import annotations

import os
from pathlib import Path

from sn_tui.domain.fields import ADGANG_FILE, SERVICENIVEAU_FILE
from sn_tui.i18n import t
from sn_tui.services.adoption import Adopting
from sn_tui.services.agenda import Agendas
from sn_tui.services.checking import Checking
from sn_tui.services.compared import resolve_repo_path
from sn_tui.services.comparing import Comparing
from sn_tui.services.datagrundlag.service import Datagrundlag
from sn_tui.services.editing import Editing
from sn_tui.services.errors import InvalidInput
from sn_tui.services.importing.service import Importing
from sn_tui.services.people import People
from sn_tui.services.reading import Reading
from sn_tui.services.restoring import Restoring
from sn_tui.services.reviewing import Reviewing
from sn_tui.services.syncing import Syncing
from sn_tui.store.repo import ContentRepo


def resolve_login(arg: str | None, fallback: str | None = None) -> str:
    """--user, else $SN_USER, else `fallback` (the demo's own person), else the OS login.
    Over SSH the OS login (or the forced command's --user) decides: a client cannot choose
    its identity through the environment."""
    if arg:
        return arg
    if os.environ.get("SN_USER") and not os.environ.get("SSH_CONNECTION"):
        return os.environ["SN_USER"]
    if fallback:
        return fallback
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ukendt"


def write_atomically(target: Path, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file beside it, renamed into place."""
    if not target.parent.is_dir():
        raise InvalidInput(f"Mappen {target.parent} findes ikke; filen kan ikke skrives.")
    if target.is_dir():
        raise InvalidInput(f"{target} er en mappe; angiv et filnavn.")
    tmp = target.with_name(f".{target.name}.sn-tui-{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as exc:
        raise InvalidInput(
            f"Filen {target} kunne ikke skrives ({exc.strerror or type(exc).__name__})."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


class Workspace(
    Agendas,
    Adopting,
    Importing,
    Datagrundlag,
    People,
    Restoring,
    Checking,
    Comparing,
    Editing,
    Reviewing,
    Syncing,
    Reading,
):
    """A content repository opened by one person (login): every use case."""

    @classmethod
    def open(
        cls, repo_arg: str | None = None, user_arg: str | None = None, db_url: str | None = None
    ) -> Workspace:
        path = resolve_repo_path(repo_arg)
        repo = ContentRepo.open(path)
        if not _holds_a_serviceniveau(repo):
            repo.close()
            raise InvalidInput(t("remote.not_content", path=path))
        return cls(repo, resolve_login(user_arg), db_url)


def _holds_a_serviceniveau(repo: ContentRepo) -> bool:
    """Whether `main` has the files every content repository has: an ordinary Git repository
    is never taken for one (nor synced, nor pushed from)."""
    head = repo.head()
    return head is not None and all(
        repo.blob_id(head, name) is not None for name in (SERVICENIVEAU_FILE, ADGANG_FILE)
    )
