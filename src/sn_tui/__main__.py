"""Allow `python -m sn_tui`."""

from sn_tui.cli import main

raise SystemExit(main())
