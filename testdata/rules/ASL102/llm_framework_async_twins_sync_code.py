# The LLM frameworks' a-prefixed async twins (ainvoke, aquery...) return a
# coroutine in a synchronous function too: the synchronous twin has the
# unprefixed name, so a plain function that calls `ainvoke` and uses the
# result holds a coroutine object (an agent from `create_agent(...)`, a query
# engine from `index.as_query_engine()`, whose types the application never
# annotates).
import asyncio

from app.llm import llm


class NewsAgent:
    def __init__(self, agent):
        self.agent = agent

    def generate_newsletter(self, state):
        result = self.agent.ainvoke(state)  # want: ASL102 "its attribute `newsletter_content` is read"
        return result.newsletter_content


def query(index, text):
    engine = index.as_query_engine(llm=llm)
    response = engine.aquery(text)  # want: ASL102
    return {"msg": response.response}


def fire_and_forget(chain, docs):
    chain.abatch(docs)  # want: ASL102


# Quiet: a synchronous function that hands the coroutine on (returns it, runs
# it with asyncio.run, schedules it), or awaits it in a nested coroutine.
def reply_factory(messages):
    return llm.ainvoke(messages)


def reply_now(messages):
    return asyncio.run(llm.ainvoke(messages)).content


def reply_later(loop, messages):
    return loop.create_task(llm.ainvoke(messages))


def reply_in_coroutine(messages):
    async def run():
        reply = await llm.ainvoke(messages)
        return reply.content

    return run


# Stream methods stay coroutines only inside a coroutine: in synchronous code
# `drain()` and `wait_closed()` on a receiver of unknown type are as likely a
# serial port's or a pool's own methods.
def flush_port(port):
    port.drain()
    port.wait_closed()
