"""Importing an existing serviceniveau: the readers of each source kind (`docx_reader`,
`html_reader`, `md_reader`, chosen and guarded by `sources`), the plan an import makes (`plan`),
the use case that makes and carries it out (`service`), and the folder files are chosen from
(`folder`)."""
