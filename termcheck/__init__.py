"""termcheck: find machine-translation artifacts and terminology errors in news articles."""

__version__ = "0.1.0"
