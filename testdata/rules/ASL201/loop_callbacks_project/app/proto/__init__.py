# The package re-exports its protocol base.
from .base import LineProtocol

__all__ = ["LineProtocol"]
