# The project's own `agents` package shadows the OpenAI Agents SDK on
# sys.path: its Runner.run_sync starts no loop, so calling it from a
# coroutine (directly or through a helper) raises nothing. A real library's
# loop starter still does.
from agents import Runner
from pydantic_ai import Agent

agent = Agent("openai:gpt-4o")


def helper(bot, question):
    return Runner.run_sync(bot, question)


async def handle(bot, question):
    Runner.run_sync(bot, question)
    helper(bot, question)
    return Runner.run(bot, question)


async def route(question):
    return agent.run_sync(question)  # want: ASL101 "await `run\(\.\.\.\)` instead"
