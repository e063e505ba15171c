"""Screens over adopted versions: the list, one version, comparisons, adopting."""
