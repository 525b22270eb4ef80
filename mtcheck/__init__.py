"""mtcheck: checks an English translation against its Russian or Korean source."""

__version__ = "0.1.0"
