"""Allow `python -m sn_tui`."""

from sn_tui.cli.main import main

raise SystemExit(main())
