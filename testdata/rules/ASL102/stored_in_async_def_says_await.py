# A coroutine stored and then misused inside an async def is fixed with
# `await`; `yield from` is the fix only in generator-based coroutines
# (a syntax error in an async def).
import asyncio


async def get_me():
    await asyncio.sleep(0)
    return {"id": 1}


async def main():
    me = get_me()  # want: ASL102 "its attribute `user_id` is read on the coroutine object; add `await`"
    print(me.user_id)


@asyncio.coroutine
def legacy():
    me = get_me()  # want: ASL102 "add `yield from`"
    print(me.user_id)
