import asyncio


async def f():
	asyncio.create_task(f())  # café
	await asyncio.sleep(0)
