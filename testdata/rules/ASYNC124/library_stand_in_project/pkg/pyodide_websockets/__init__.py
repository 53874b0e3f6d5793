from . import asyncio  # noqa: F401
