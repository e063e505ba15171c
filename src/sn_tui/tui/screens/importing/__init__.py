"""The import screen: a file from the admin's import folder, its mapping, then the import."""
