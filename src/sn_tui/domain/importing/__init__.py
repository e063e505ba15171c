"""Bringing an existing serviceniveau in: source documents read as blocks, mapped to indsatser.

Readers (in `sn_tui.services.importing`) turn a Word file, a web page or a Markdown file into
the format-neutral `blocks`; `mapping` finds the indsatser and places every piece of text in a
field by the `synonyms` table; `ids` derives each indsats' id. Nothing here reads files.
"""
