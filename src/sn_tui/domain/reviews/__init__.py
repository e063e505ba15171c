"""Reviews without a database: the records and codes, the matrix, rounds, errors, and
whether a text changed in content or only in layout."""
