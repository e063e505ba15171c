"""Every per-user cache sn-tui keeps: the folder, parsed indsatser, rendered comparisons."""
