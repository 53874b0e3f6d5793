# A compiled LangGraph graph runs every node (the chat model's request, the
# tools) and its checkpointer's reads and writes on the calling thread when
# invoked synchronously; a coroutine awaits ainvoke/abatch or offloads the
# call (langgraph pregel/main.py: `async def ainvoke`). The graph is typed
# from StateGraph(...).compile(...) and from the prebuilt agent factories,
# never from the method name.
import asyncio
from typing import TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import create_react_agent


class State(TypedDict):
    question: str
    answer: str


def answer_node(state: State) -> dict:
    return {"answer": state["question"]}


builder = StateGraph(State)
builder.add_node("answer", answer_node)
builder.add_edge(START, "answer")
builder.add_edge("answer", END)
graph = builder.compile()

agent = create_react_agent("openai:gpt-4o", tools=[])


async def ask(question: str) -> str:
    result = graph.invoke({"question": question})  # want: ASL202 "graph\.invoke\(\)"
    return result["answer"]


async def ask_many(questions: list[str]) -> list:
    return graph.batch([{"question": q} for q in questions])  # want: ASL202


async def run_agent(text: str):
    local = StateGraph(State).compile()
    local.invoke({"question": text})  # want: ASL202
    return agent.invoke({"messages": [("user", text)]})  # want: ASL202


async def forgot_await(question: str) -> None:
    graph.ainvoke({"question": question})  # want: ASL102


# Quiet: the async twins awaited, the sync call offloaded or in a plain
# function, stream() (a generator) and get_state(), and another object's
# invoke.

async def twins(question: str):
    a = await graph.ainvoke({"question": question})
    b = await graph.abatch([{"question": question}])
    c = await asyncio.to_thread(graph.invoke, {"question": question})
    state = graph.get_state({"configurable": {"thread_id": "1"}})
    return a, b, c, state


def sync_ask(question: str):
    for chunk in graph.stream({"question": question}):
        print(chunk)
    return graph.invoke({"question": question})


class Runner:
    def invoke(self, x):
        return x


async def other(runner: Runner, tool) -> None:
    runner.invoke(1)
    tool.invoke(2)
