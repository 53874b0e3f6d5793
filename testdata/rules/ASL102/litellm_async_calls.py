# LiteLLM's a-prefixed module functions (acompletion, aembedding...) and a
# Router's are `async def`s: without await the request is never sent and the
# caller reads the coroutine object as the provider's reply.
import asyncio

import litellm
from litellm import Router, aembedding


class Provider:
    async def chat(self, messages):
        response = litellm.acompletion(model="gpt-4o", messages=messages)  # want: ASL102
        return self._parse(response)

    def _parse(self, response):
        return response.choices[0].message.content


def extract(title):
    response = litellm.acompletion(model="gpt-4o", messages=[{"role": "user", "content": title}])  # want: ASL102 "its attribute `choices` is read"
    return response.choices[0].message.content


async def embed(text):
    return aembedding(model="text-embedding-3-small", input=[text]).data  # want: ASL102


router = Router(model_list=[])


async def routed(messages):
    reply = router.acompletion(model="gpt-4o", messages=messages)  # want: ASL102
    return reply.choices[0]


# Quiet: awaited, gathered, or run from synchronous code.
async def chat_awaited(messages):
    response = await litellm.acompletion(model="gpt-4o", messages=messages)
    return response.choices[0].message.content


async def chat_many(batches):
    return await asyncio.gather(*(litellm.acompletion(model="gpt-4o", messages=m) for m in batches))


def chat_blocking(messages):
    return asyncio.run(litellm.acompletion(model="gpt-4o", messages=messages)).choices[0]
