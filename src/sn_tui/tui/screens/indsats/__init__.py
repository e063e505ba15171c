"""Screens over one indsats: editing, a new one, its history, a change, a conflict, a draft."""
