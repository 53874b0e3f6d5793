# Gemini's Live API: `client.aio.live.connect(...)` is an async context
# manager only (google-genai's examples: `async with client.aio.live.connect(
# model=..., config=...) as session`); a plain `with` raises.
# Quiet: `async with`.
from google import genai

client = genai.Client()


async def talk(model):
    with client.aio.live.connect(model=model) as session:  # want: ASL108
        return session


# Quiet.
async def talk_async_with(model):
    async with client.aio.live.connect(model=model) as session:
        await session.send_realtime_input(text="hello")
        async for message in session.receive():
            return message
