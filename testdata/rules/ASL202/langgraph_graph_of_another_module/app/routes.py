import asyncio

from app.graphs import graph as chat_graph


async def execute_chat(message: str, thread_id: str):
    config = {"configurable": {"thread_id": thread_id}}
    result = chat_graph.invoke(  # want: ASL202 "chat_graph\.invoke\(\)"
        input={"messages": [message]},
        config=config,
    )
    return result["messages"]


async def execute_chat_offloaded(message: str, thread_id: str):
    config = {"configurable": {"thread_id": thread_id}}
    result = await asyncio.to_thread(chat_graph.invoke, input={"messages": [message]}, config=config)
    return result["messages"]
