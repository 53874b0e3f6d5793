# crewAI's Crew.kickoff runs every task of the crew (each agent's LLM and tool
# calls, minutes of network I/O) on the calling thread: from a coroutine it
# holds the event loop for the whole run. kickoff_async is its async twin.
import asyncio

from crewai import Crew


async def ask(agents, tasks, question):
    crew = Crew(agents=agents, tasks=tasks)
    return crew.kickoff(inputs={"question": question})  # want: ASL202 "kickoff"


# Quiet: the async twin, a thread, or synchronous code.
async def ask_async(agents, tasks, question):
    crew = Crew(agents=agents, tasks=tasks)
    return await crew.kickoff_async(inputs={"question": question})


async def ask_in_thread(agents, tasks, question):
    crew = Crew(agents=agents, tasks=tasks)
    return await asyncio.to_thread(crew.kickoff, inputs={"question": question})


def ask_sync(agents, tasks, question):
    return Crew(agents=agents, tasks=tasks).kickoff(inputs={"question": question})
