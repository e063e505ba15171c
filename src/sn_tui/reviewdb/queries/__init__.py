"""Plain SQL over the DB-API for what runs all the time, beside the tables it must match."""
