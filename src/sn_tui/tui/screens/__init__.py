"""The screens of the TUI, one per module, each with its .tcss beside it."""
