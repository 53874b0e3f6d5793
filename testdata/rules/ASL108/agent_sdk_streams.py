# pydantic-ai's Agent.run_stream and Agent.iter are async context managers
# (@asynccontextmanager): a plain `with` raises TypeError.
from pydantic_ai import Agent

agent = Agent("openai:gpt-4o")


async def stream(question):
    with agent.run_stream(question) as response:  # want: ASL108 "`agent\.run_stream\(question\)` \(pydantic_ai\.Agent\.run_stream\) supports only `async with`"
        async for text in response.stream_text():
            print(text)
    with agent.iter(question) as run:  # want: ASL108
        async for node in run:
            print(node)


# Quiet: entered with `async with`; a project class's own iter().
class Pages:
    def iter(self):
        return open("pages.txt")


async def stream_ok(question):
    async with agent.run_stream(question) as response:
        async for text in response.stream_text():
            print(text)
    with Pages().iter() as pages:
        print(pages.read())
