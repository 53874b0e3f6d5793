# LiteLLM's synchronous calls (completion, embedding...) send one HTTP request
# to the model provider and wait for it, often for seconds: from a coroutine
# they hold the event loop. acompletion and aembedding are the async twins.
import asyncio

import litellm
from litellm import completion


async def answer(messages):
    response = litellm.completion(model="gpt-4o", messages=messages)  # want: ASL202 "litellm\.completion"
    return response.choices[0].message.content


async def answer_imported(messages):
    return completion(model="gpt-4o", messages=messages)  # want: ASL202


# Quiet: the async twin, a worker thread, or synchronous code.
async def answer_async(messages):
    return await litellm.acompletion(model="gpt-4o", messages=messages)


async def answer_in_thread(messages):
    return await asyncio.to_thread(litellm.completion, model="gpt-4o", messages=messages)


def answer_sync(messages):
    return litellm.completion(model="gpt-4o", messages=messages)
