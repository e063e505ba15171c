"""The `sn-tui` command line: `sn_tui.cli.main:main` is the entry point."""
