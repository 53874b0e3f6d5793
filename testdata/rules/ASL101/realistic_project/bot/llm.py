import asyncio


async def complete(prompt: str) -> str:
    await asyncio.sleep(0.1)
    return prompt[::-1]
