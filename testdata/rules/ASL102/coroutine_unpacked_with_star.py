# Unpacking a value with `*` iterates it and `**` reads it as a mapping, at
# once; a coroutine object is neither, so the line raises TypeError and the
# coroutine is never awaited, whatever the dict, tuple or call around the
# splat does with what it builds (bench/realbugs63's VOLTWISE route: `status =
# check_grid_status(discom_id)` then `return {"enabled": on, **status}`).
# A container of coroutines that is unpacked (`gather(*coros)`) hands each
# one on; an awaitable object (a future iterates as its `__await__`) is left
# alone.
import asyncio


async def check_grid_status(discom_id: str) -> dict:
    return {"status": "normal", "id": discom_id}


async def list_ids() -> list:
    return [1, 2]


def show(*args, **kwargs):
    return args, kwargs


async def grid_status_route(discom_id, on):
    status = check_grid_status(discom_id)  # want: ASL102 "unpacked with `\*\*` as if it were its result"
    return {"grid_protection_enabled": on, **status}


async def inline_mapping(discom_id):
    return {"k": 1, **check_grid_status(discom_id)}  # want: ASL102 "unpacked with `\*\*`"


async def keyword_splat(discom_id):
    return show(**check_grid_status(discom_id))  # want: ASL102 "unpacked with `\*\*`"


async def positional_splat():
    ids = list_ids()  # want: ASL102 "unpacked with `\*` as if it were its result \(a coroutine object is not iterable\)"
    return show(*ids)


async def tuple_splat():
    return (0, *list_ids())  # want: ASL102 "unpacked with `\*`"


# Alone in a list or set display (tree-sitter-python reads these as a call
# of `*list_ids`; the lowered tree has the starred call Python means).


async def list_display_splat():
    return [*list_ids()]  # want: ASL102 "unpacked with `\*`"


async def set_display_splat():
    return {*list_ids()}  # want: ASL102 "unpacked with `\*`"


class Store:
    async def keys(self) -> list:
        return []

    async def all_keys(self):
        return [*self.keys()]  # want: ASL102 "unpacked with `\*`"


# Quiet: awaited first, a container of coroutines unpacked into gather, a
# future unpacked (a Future iterates as its own `__await__`).


async def awaited_first(discom_id, on):
    status = await check_grid_status(discom_id)
    return {"grid_protection_enabled": on, **status}


async def awaited_inline(discom_id):
    return {"k": 1, **(await check_grid_status(discom_id))}


async def container_unpacked_into_gather(ids):
    coros = [check_grid_status(i) for i in ids]
    return await asyncio.gather(*coros)


async def tuple_unpacked_into_gather():
    pair = (list_ids(), list_ids())
    return await asyncio.gather(*pair)


async def list_display_awaited():
    return [*(await list_ids())], {*await list_ids()}


async def future_unpacked(loop):
    fut = loop.create_future()
    fut.set_result(1)
    return show(*fut)
