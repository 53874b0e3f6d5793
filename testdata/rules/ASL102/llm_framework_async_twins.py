# LLM frameworks' a-prefixed async twins (LangChain/LangGraph Runnable.ainvoke
# and abatch, LlamaIndex aquery/achat/acomplete/aretrieve) are coroutines on a
# receiver of unknown type: the model and the chain are built in another
# module, or by `prompt | llm`. Not awaited, the reply is a coroutine object.
from app.llm import build_chain, chat_engine, llm, query_engine


async def answer(messages):
    reply = llm.ainvoke(messages)  # want: ASL102 "its attribute `content` is read"
    return reply.content


async def summarize(docs):
    chain = build_chain()
    chain.abatch([{"doc": d} for d in docs])  # want: ASL102


async def ask(question):
    result = query_engine.aquery(question)  # want: ASL102
    return str(result)


async def converse(text):
    return chat_engine.achat(text).response  # want: ASL102


# Quiet: awaited, gathered, or returned from sync code (and see
# llm_framework_async_twins_sync_code.py; llm_framework_async_twins_own_method.py:
# a module that defines its own synchronous method of that name).
async def answer_awaited(messages):
    reply = await llm.ainvoke(messages)
    return reply.content


async def ask_many(questions):
    import asyncio

    return await asyncio.gather(*(query_engine.aquery(q) for q in questions))


def answer_sync(messages):
    return llm.ainvoke(messages)
