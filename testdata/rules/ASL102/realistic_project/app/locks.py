import asyncio

refresh_lock = asyncio.Lock()
