# Reduced shape of https://github.com/mishl-dev/Discord-AI-Chatbot/issues/171
# (asyncio.sleep without await in a retry loop); not the project's code.
import asyncio


async def generate(client, prompt):
    for attempt in range(3):
        try:
            return await client.complete(prompt)
        except ConnectionError:
            await asyncio.sleep(2 ** attempt)
    return None
