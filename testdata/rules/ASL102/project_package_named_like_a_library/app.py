# Calls of the project's own `agents` package are what its definitions say,
# whatever a library of that name records; a real library's coroutine is
# still one.
from agents import Runner, acompletion
from pydantic_ai import Agent

agent = Agent("openai:gpt-4o")


async def handle(bot, question):
    result = Runner.run(bot, question)
    text = acompletion(question)
    return result.strip() + text


async def answer(question):
    reply = agent.run(question)  # want: ASL102 "output"
    return reply.output
