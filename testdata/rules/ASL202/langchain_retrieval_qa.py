# LangChain's legacy RetrievalQA is a Chain (chains/retrieval_qa/base.py,
# `class BaseRetrievalQA(Chain)`): run/invoke retrieve the documents and
# call the model on the calling thread; a coroutine awaits arun/ainvoke.
# The receiver is typed from the classmethod that builds it.
import asyncio

from langchain.chains import RetrievalQA

qa = RetrievalQA.from_chain_type(llm=None, retriever=None, chain_type="stuff")


async def ask(query: str) -> str:
    return qa.invoke({"query": query})["result"]  # want: ASL202


async def ask_old(llm, retriever, query: str) -> str:
    local = RetrievalQA.from_llm(llm=llm, retriever=retriever)
    return local.run(query)  # want: ASL202


async def forgot_await(query: str) -> None:
    qa.ainvoke({"query": query})  # want: ASL102


# Quiet: the twins awaited, the sync call in a thread or a plain function,
# and another object's invoke.

async def twins(query: str) -> str:
    a = await qa.ainvoke({"query": query})
    b = await asyncio.to_thread(qa.run, query)
    return str(a) + b


def sync_ask(query: str) -> str:
    return qa.run(query)


async def other(graph, query: str):
    return await graph.ainvoke({"q": query}), graph.invoke
