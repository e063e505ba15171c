"""Legal and language checks on the text of a serviceniveau (issue 7)."""
