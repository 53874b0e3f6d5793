# More of LangChain's and LlamaIndex's a-prefixed async twins, on receivers
# of unknown type (built in a module the run does not hold): embeddings,
# vector stores, chains and tools, message histories, streaming chat. Not
# awaited, each holds a coroutine object.
from app.rag import chain, embeddings, history, store, tool
from app.llm import chat_engine


async def retrieve(question):
    docs = store.asimilarity_search(question, k=4)  # want: ASL102 "iterated as if it were its result"
    return [d.page_content for d in docs]


async def index(texts):
    vectors = embeddings.aembed_documents(texts)  # want: ASL102
    return len(vectors)


async def run_chain(question):
    return chain.acall(question).strip()  # want: ASL102


async def remember(messages):
    history.aadd_messages(messages)  # want: ASL102


async def stream(text):
    response = chat_engine.astream_chat(text)  # want: ASL102
    async for token in response.async_response_gen():
        print(token)


# Quiet: awaited, gathered, or handed to the loop.
async def retrieve_awaited(question):
    docs = await store.asimilarity_search(question, k=4)
    return [d.page_content for d in docs]


async def use_tool(args):
    import asyncio

    return await asyncio.gather(tool.acall(args), embeddings.aembed_query(args))


class Job:
    # A project class's own synchronous `arun`: its receivers may be this
    # class, so a bare `x.arun()` in this module is not taken for
    # LangChain's (nor `chain.arun()`).
    def arun(self):
        return 1


async def start(job):
    return job.arun() + chain.arun("q").count("x")
