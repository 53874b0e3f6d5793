# The agent SDKs' synchronous entry points run the agent on an event loop of
# their own: pydantic-ai's Agent.run_sync is loop.run_until_complete(run()),
# the OpenAI Agents SDK's Runner.run_sync raises "cannot be called when an
# event loop is already running". Inside a coroutine both fail; the
# coroutine awaits run() instead.
from agents import Agent as OpenAIAgent
from agents import Runner
from fastapi import FastAPI
from pydantic_ai import Agent

app = FastAPI()
agent = Agent("openai:gpt-4o")
triage = OpenAIAgent(name="triage", instructions="Route the question.")


@app.post("/ask")
async def ask(question: str):
    result = agent.run_sync(question)  # want: ASL101 "`agent\.run_sync\(\)` called in coroutine `ask` raises RuntimeError.*await `run\(\.\.\.\)` instead"
    return {"answer": result.output}


async def route(question):
    return Runner.run_sync(triage, question).final_output  # want: ASL101 "await `Runner\.run\(\.\.\.\)` instead"


def answer_now(question):
    return agent.run_sync(question).output


async def through_a_helper(question):
    return answer_now(question)  # want: ASL101 "reaches `agent\.run_sync\(\)`"


# Quiet: awaited runs in coroutines, the synchronous forms from plain code,
# and a project class whose own run_sync starts no loop.
async def ask_ok(question):
    result = await agent.run(question)
    routed = await Runner.run(triage, question)
    return result.output, routed.final_output


class Job:
    def run_sync(self, question):
        return question


async def run_job(question):
    return Job().run_sync(question)


def cli():
    print(agent.run_sync("hi").output)
    print(Runner.run_sync(triage, "hi").final_output)


if __name__ == "__main__":
    cli()
