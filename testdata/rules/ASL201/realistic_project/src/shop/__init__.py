"""Shop backend."""
from .config import load_settings as load_settings
from .storage import read_blob

__all__ = ["load_settings", "read_blob"]
