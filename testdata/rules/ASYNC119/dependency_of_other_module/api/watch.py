import asyncio

from .database import stream_rows, watch_rows

watch = watch_rows
NAME = watch_rows.__name__


async def first_rows(query):
    out = []
    async for row in watch(query):
        out.append(row)
        if len(out) > 2:
            break
    return out


async def consume(rows):
    async for row in rows:
        return row


async def in_a_task(query):
    # The generator is made here and handed on, not the function: a task
    # that drives it closes nothing either.
    return await asyncio.create_task(consume(stream_rows(query)))
