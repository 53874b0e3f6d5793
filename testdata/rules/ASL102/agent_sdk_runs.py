# LLM agent SDKs run an agent with a coroutine function: without await the
# agent never runs, and the caller reads the coroutine object as the run's
# result. The receivers are typed by their constructors, as the SDKs' docs
# write them (module-level agents, a Runner classmethod, a team).
import asyncio

import nats
from agents import Agent as OpenAIAgent
from agents import Runner
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_agentchat.ui import Console
from browser_use import Agent as BrowserAgent
from pydantic_ai import Agent
from semantic_kernel import Kernel
from semantic_kernel.agents import ChatCompletionAgent

agent = Agent("openai:gpt-4o", system_prompt="Be concise.")
triage = OpenAIAgent(name="triage", instructions="Route the question.")
kernel = Kernel()


async def answer(question):
    result = agent.run(question)  # want: ASL102 "its attribute `output` is read on the coroutine object"
    return result.output


async def route(question):
    result = Runner.run(triage, question)  # want: ASL102 "final_output"
    return result.final_output


async def chat(model_client, task):
    assistant = AssistantAgent("assistant", model_client=model_client)
    team = RoundRobinGroupChat([assistant])
    team.run(task=task)  # want: ASL102
    assistant.on_messages([], None)  # want: ASL102
    Console(team.run_stream(task=task))  # want: ASL102


async def summarize(text):
    reply = kernel.invoke_prompt(f"Summarize: {text}")  # want: ASL102
    return str(reply)


async def respond(service, text):
    helper = ChatCompletionAgent(service=service, name="helper", instructions="Help.")
    response = helper.get_response(messages=text)  # want: ASL102 "content"
    return response.content


async def browse(llm, task):
    browser_agent = BrowserAgent(task=task, llm=llm)
    history = browser_agent.run(max_steps=10)  # want: ASL102
    return history.final_result()


async def publish(event):
    nc = await nats.connect("nats://localhost:4222")
    nc.publish("events", event)  # want: ASL102
    js = nc.jetstream()
    js.publish("orders", event)  # want: ASL102
    await nc.drain()


# Quiet: awaited, iterated, entered, or run to completion from plain code.
async def answer_ok(question):
    result = await agent.run(question)
    async with agent.run_stream(question) as response:
        async for text in response.stream_text():
            print(text)
    async with agent.iter(question) as run:
        async for node in run:
            print(node)
    return result.output


async def route_ok(question):
    result = await Runner.run(triage, question)
    streamed = Runner.run_streamed(triage, question)
    async for event in streamed.stream_events():
        print(event)
    return result.final_output


async def chat_ok(model_client, task):
    assistant = AssistantAgent("assistant", model_client=model_client)
    team = RoundRobinGroupChat([assistant])
    await team.run(task=task)
    await team.reset()
    async for message in assistant.run_stream(task=task):
        print(message)
    await Console(team.run_stream(task=task))


async def kernel_ok(text, service):
    reply = await kernel.invoke_prompt(text)
    helper = ChatCompletionAgent(service=service, name="helper", instructions="Help.")
    response = await helper.get_response(messages=text)
    async for item in helper.invoke(messages=text):
        print(item)
    return reply, response


async def publish_ok(event):
    nc = await nats.connect("nats://localhost:4222")
    await nc.publish("events", event)
    await nc.flush()
    await nc.close()


def main():
    print(agent.run_sync("hi").output)
    print(Runner.run_sync(triage, "hi").final_output)
    asyncio.run(answer_ok("hi"))


if __name__ == "__main__":
    main()
