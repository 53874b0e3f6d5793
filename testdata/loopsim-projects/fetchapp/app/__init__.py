"""A small fetcher: the package re-exports fetch_all from app.fetch."""
from .fetch import fetch_all

__all__ = ["fetch_all"]
