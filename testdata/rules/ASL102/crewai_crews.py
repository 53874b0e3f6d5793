# crewAI's Crew.kickoff_async and kickoff_for_each_async are `async def`s (they
# run the crew in a worker thread): without await the crew never runs, and
# the caller serializes or returns the coroutine object as the crew's output.
import asyncio

from crewai import Crew, Process


def serialize(output):
    return {"output": str(output)}


class ResearchCrew:
    def __init__(self, agents, tasks):
        self.agents = agents
        self.tasks = tasks

    def run_discord(self):
        crew = Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
        result = crew.kickoff_async(inputs={})  # want: ASL102 "it is passed to `serialize\(\)` as `output`, where it is only printed or inspected"
        return serialize(result)

    async def run_each(self, inputs):
        crew = Crew(agents=self.agents, tasks=self.tasks)
        crew.kickoff_for_each_async(inputs=inputs)  # want: ASL102


# Quiet: awaited, or run to completion from synchronous code.
async def run(agents, tasks):
    crew = Crew(agents=agents, tasks=tasks)
    return serialize(await crew.kickoff_async(inputs={}))


def run_blocking(agents, tasks):
    crew = Crew(agents=agents, tasks=tasks)
    return serialize(asyncio.run(crew.kickoff_async(inputs={})))
