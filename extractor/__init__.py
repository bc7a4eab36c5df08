"""Statistical facts, with spans and confidence, from statistical releases and news."""

__version__ = "0.1.0"
