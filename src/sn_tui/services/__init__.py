"""The use cases: the only layer the TUI and the CLI call."""
