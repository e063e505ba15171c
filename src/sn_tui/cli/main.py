"""`sn-tui`'s entry point: read the command line, run the command, and turn every failure into
one sentence on stderr with its exit code (see `sn_tui.cli.exits`), never a traceback.

`SN_DEBUG=1` shows the traceback instead. Everything printed shows control characters inert
(`sn_tui.cli.inert_output`). The output is Danish: the CLI never sets another
language in the catalogue (`--lang` is the TUI's).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sn_tui.cli.exits import EXIT_CONFLICT, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, UsageError
from sn_tui.cli.inert_output import inert_output
from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.domain.errors import FieldsConflict


def main(argv: Sequence[str] | None = None) -> int:
    with inert_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    try:
        if _first(argv) == "diff":  # answered from the cache without building the parser
            from sn_tui.cli.commands.comparing import quick_diff

            quick = quick_diff(sys.argv[1:] if argv is None else argv)
            if quick is not None:
                return quick
        from sn_tui.cli.command_line import parse_command_line
        from sn_tui.cli.commands import handler

        args = parse_command_line(argv)
        return handler(args.command)(args)
    except UsageError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: nothing went wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        return _failure(exc)


def _first(argv: Sequence[str] | None) -> str | None:
    words = sys.argv[1:] if argv is None else argv
    return words[0] if words else None


def _failure(exc: Exception) -> int:
    """A conflict with its fields, a refused adoption with its errors, else one sentence."""
    from sn_tui.domain.errors import FieldsConflict
    from sn_tui.services.errors import CheckFailed

    if isinstance(exc, FieldsConflict):
        return _conflict(exc)
    if isinstance(exc, CheckFailed):  # the sentence, then the errors to fix as `check` shows them
        code = _fail(str(exc))
        for finding in exc.errors:
            print(finding.format(), file=sys.stderr)
        return code
    if os.environ.get("SN_DEBUG"):
        raise  # still inside main's `except`: the original traceback
    return _fail(_sentence(exc))


def _sentence(exc: Exception) -> str:
    from sn_tui.domain.errors import ToolFailure, UserError

    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, ToolFailure):
        return t("cli.git_failed")
    if isinstance(exc, OSError):
        return t("cli.file_failed", reason=exc.strerror or exc, filename=exc.filename)
    return t("cli.unexpected", kind=type(exc).__name__)


def _fail(message: str) -> int:
    print(f"sn-tui: {message}", file=sys.stderr)
    return EXIT_ERROR


def _conflict(exc: FieldsConflict) -> int:
    from sn_tui.cli.conflicts import print_conflicts

    print(f"sn-tui: {t('cli.conflict', message=exc)}", file=sys.stderr)
    print_conflicts(exc.conflicts)
    return EXIT_CONFLICT
