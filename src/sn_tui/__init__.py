"""sn-tui: write, review, adopt and compare a kommune's serviceniveau in the terminal."""

__version__ = "0.1.0"
