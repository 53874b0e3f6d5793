# openai-python before 1.0: `acreate` on the module-level resource classes is
# an `async def` classmethod; a call without await sends nothing.
import asyncio

import openai


async def reply(messages):
    openai.ChatCompletion.acreate(model="gpt-3.5-turbo", messages=messages)  # want: ASL102


async def reply_awaited(messages):
    return await openai.ChatCompletion.acreate(model="gpt-3.5-turbo", messages=messages)


async def replies(batches):
    # Quiet: the coroutines are gathered.
    return await asyncio.gather(*(openai.ChatCompletion.acreate(model="m", messages=b) for b in batches))


def reply_sync(messages):
    # Quiet: the synchronous create returns the response.
    return openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=messages)
