"""The Textual user interface: `sn_tui.tui.app.run_app` starts it."""
