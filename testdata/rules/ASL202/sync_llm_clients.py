# The synchronous OpenAI and Anthropic clients make an HTTP request on every
# API call; in a coroutine the whole event loop waits for the model.
import asyncio

import anthropic
from openai import AsyncOpenAI, OpenAI


class Model:
    def __init__(self, model: str, client: OpenAI) -> None:
        self._model = model
        self._client = client

    async def generate(self, messages):
        response = self._client.chat.completions.create(model=self._model, messages=messages)  # want: ASL202 "openai\.OpenAI\.chat\.completions\.create"
        return response.choices[0].message

    async def embed(self, text):
        return self._client.embeddings.create(model=self._model, input=text)  # want: ASL202

    def generate_sync(self, messages):
        # Quiet: a synchronous method may block.
        return self._client.chat.completions.create(model=self._model, messages=messages)

    async def generate_in_thread(self, messages):
        # Quiet: run in a worker thread.
        return await asyncio.to_thread(self._client.chat.completions.create, model=self._model, messages=messages)


client = OpenAI()
claude = anthropic.Anthropic()


async def ask(prompt):
    answer = client.responses.create(model="m", input=prompt)  # want: ASL202
    reply = claude.messages.create(model="m", max_tokens=10, messages=[])  # want: ASL202
    return answer, reply


class AsyncModel:
    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client

    async def generate(self, messages):
        # Quiet: the async client, awaited.
        response = await self._client.chat.completions.create(model="m", messages=messages)
        return response.choices[0].message
