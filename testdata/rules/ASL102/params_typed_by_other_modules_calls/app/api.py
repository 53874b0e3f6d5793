# Re-exports functions of funcs.py: its importers call them.
from app.funcs import announce, broadcast

__all__ = ["announce", "broadcast"]
