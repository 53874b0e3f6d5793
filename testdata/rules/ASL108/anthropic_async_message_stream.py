# Anthropic's async streaming helper: AsyncAnthropic.messages.stream returns
# an AsyncMessageStreamManager, entered only with `async with`
# (anthropic-sdk-python examples/messages_stream.py); a plain `with` raises.
# Quiet: `async with`, and the sync client's manager entered with `with`.
from anthropic import Anthropic, AsyncAnthropic

client = AsyncAnthropic()


async def story(messages):
    with client.messages.stream(max_tokens=1024, messages=messages, model="claude") as stream:  # want: ASL108
        for text in stream.text_stream:
            print(text)


class Writer:
    def __init__(self):
        self.llm = AsyncAnthropic()

    async def draft(self, messages):
        with self.llm.beta.messages.stream(max_tokens=512, messages=messages, model="claude") as stream:  # want: ASL108
            return stream


# Quiet.
async def story_async_with(messages):
    async with client.messages.stream(max_tokens=1024, messages=messages, model="claude") as stream:
        async for event in stream:
            print(event)
    return await stream.get_final_message()


def story_sync(messages):
    with Anthropic().messages.stream(max_tokens=1024, messages=messages, model="claude") as stream:
        return stream.get_final_message()
