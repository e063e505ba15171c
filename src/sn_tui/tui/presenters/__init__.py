"""What the screens show, worked out without Textual: pure view models."""
