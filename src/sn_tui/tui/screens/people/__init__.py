"""The admin's screens: people and faggrupper (adgang.yml, faggrupper.yml)."""
