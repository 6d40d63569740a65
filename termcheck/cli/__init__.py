"""The console script (main) and its commands: the typer app, `archive`, `cache`, articles read
from streams, and what a crash prints."""
