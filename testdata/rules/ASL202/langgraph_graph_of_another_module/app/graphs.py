# The compiled graph is a module-level value of another module, imported
# under another name (the shape of open-notebook's api/routers/chat.py).
import sqlite3
from typing import TypedDict

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import END, START, StateGraph


class ThreadState(TypedDict):
    messages: list


def call_model(state: ThreadState) -> dict:
    return {"messages": state["messages"]}


memory = SqliteSaver(sqlite3.connect("checkpoints.sqlite", check_same_thread=False))
agent_state = StateGraph(ThreadState)
agent_state.add_node("agent", call_model)
agent_state.add_edge(START, "agent")
agent_state.add_edge("agent", END)
graph = agent_state.compile(checkpointer=memory)
