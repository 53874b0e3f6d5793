# After asyncio.wait([item, deadline], return_when=FIRST_COMPLETED) one of
# the two is done: `if item.done(): ... elif deadline.done(): <cancel and
# await item> else: ...` never reaches its else, so every path that runs
# keeps the task. With a timeout (neither may be done), or a third task,
# the else can run and leave the task unreferenced.
import asyncio


async def iterate_until(deadline_future, aiter):
    while True:
        item_future = asyncio.ensure_future(aiter.__anext__())
        await asyncio.wait([item_future, deadline_future], return_when=asyncio.FIRST_COMPLETED)
        if item_future.done():
            try:
                yield item_future.result()
            except StopAsyncIteration:
                break
        elif deadline_future.done():
            item_future.cancel()
            try:
                await item_future
            except asyncio.CancelledError:
                pass
            break
        else:
            continue


async def iterate_with_timeout(deadline_future, aiter):
    while True:
        item_future = asyncio.ensure_future(aiter.__anext__())  # want: ASL301
        await asyncio.wait([item_future, deadline_future], timeout=5, return_when=asyncio.FIRST_COMPLETED)
        if item_future.done():
            yield item_future.result()
        elif deadline_future.done():
            item_future.cancel()
            try:
                await item_future
            except asyncio.CancelledError:
                pass
            break
        else:
            continue
