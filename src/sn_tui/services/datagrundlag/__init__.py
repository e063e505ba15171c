"""The datagrundlag use case: import an økonomisystem's file, read the years, show the figures."""
