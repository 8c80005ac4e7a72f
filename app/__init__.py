"""Domain, storage and services of the one-stop counter; free of Qt, the UI and sync."""

__version__ = "0.1.0"
