"""What `sn-tui check` finds: structure, legal and language rules, and the runner over them."""
