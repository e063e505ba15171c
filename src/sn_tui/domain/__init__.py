"""Pure domain model: entries, parsing and writing, validation, diffs. No Textual, Git or SQL."""
