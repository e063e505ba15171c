"""The TUI's link to the other sessions: presence, `main` moving, drafts, background sync."""
