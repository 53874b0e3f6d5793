# -*- coding: utf-8 -*-
"""
Base class for memory

TODO: a abstract class for a piece of memory
TODO: data structure to organize multiple memory pieces in memory class
"""

from abc import ABC, abstractmethod
from typing import Iterable, Sequence, Any
from typing import Optional
from typing import Union
from typing import Callable
from ..module import StateModule

from ..message import Msg


class MemoryBase(StateModule):
    """Base class for memory."""

    _version: int = 1

    @abstractmethod
    def size(self) -> int:
        """Returns the number of memory segments in memory."""
        raise NotImplementedError

    @abstractmethod
    async def add(self, *args: Any, **kwargs: Any) -> None:
        """Add items to the memory."""

    @abstractmethod
    async def delete(self, *args: Any, **kwargs: Any) -> None:
        """Delete items from the memory."""

    @abstractmethod
    async def retrieve(self, *args: Any, **kwargs: Any) -> None:
        """Retrieve items from the memory."""

    @abstractmethod
    async def clear(self) -> None:
        """Clear the memory content."""

    @abstractmethod
    async def get_memory(self, *args: Any, **kwargs: Any) -> list[Msg]:
        """Get the memory content."""

    @abstractmethod
    def state_dict(self) -> dict:
        """Get the state dictionary of the memory."""

    @abstractmethod
    def load_state_dict(self, state_dict: dict, strict: bool = True) -> None:
        """Load the state dictionary of the memory."""
