# Without asl104-discarded-gather, a gather whose exceptions are returned and
# dropped is the author's best-effort wait: not reported. asyncio.wait()
# given coroutines (a TypeError since Python 3.11) always is.
import asyncio


async def set_theme(light, theme):
    await asyncio.sleep(0)


async def paint(lights, theme):
    await asyncio.gather(*(set_theme(light, theme) for light in lights), return_exceptions=True)


async def paint_and_wait(lights, theme):
    await asyncio.wait([set_theme(light, theme) for light in lights])  # want: ASL104
