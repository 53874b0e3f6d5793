# -*- coding: utf-8 -*-
"""The memory module."""

from ._memory_base import MemoryBase

__all__ = [
    "MemoryBase",
]
