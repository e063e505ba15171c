"""How a command ends: its exit codes, and the error it raises for bad input on the command line.

1 = `check` found errors, 2 = the command could not be carried out, 3 = a save conflicted.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_CONFLICT = 3
EXIT_INTERRUPTED = 130  # as a shell reports a process stopped by Ctrl-C


class UsageError(Exception):
    """Bad input on the command line; the message is a sentence for the user."""
