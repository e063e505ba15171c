"""The `sn-tui` command line: `sn_tui.cli.main:main` is the entry point.

`parser` is the argparse tree, `commands/` one typed handler per command (each a thin call into
`sn_tui.services`), `main` the one place where failures become a sentence and an exit code.
"""
