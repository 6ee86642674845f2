"""Scribe: the API behind the writing assistant's browser extension and web app."""

__version__ = "0.9.0"
