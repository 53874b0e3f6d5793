# The library base of the protocol classes, one module away from framed.py
# and two from relay.py; the edit changes only which Protocol it imports.
from asyncio import Protocol


class LineProtocol(Protocol):
    pass
