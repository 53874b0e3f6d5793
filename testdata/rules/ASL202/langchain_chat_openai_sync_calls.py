# LangChain's ChatOpenAI sends its synchronous Runnable calls (invoke, batch,
# predict...) through the sync OpenAI client: in a coroutine the event loop
# waits for the whole completion. ainvoke/abatch are the async twins.
import asyncio

from langchain.chat_models import ChatOpenAI as LegacyChatOpenAI
from langchain_openai import ChatOpenAI


async def api_service(prompt):
    llm = LegacyChatOpenAI(model="deepseek-chat", max_tokens=8192)
    return llm.invoke(prompt).content  # want: ASL202 "ChatOpenAI\.invoke"


class Assistant:
    def __init__(self):
        self.llm = ChatOpenAI(model="gpt-4o-mini")

    async def answer_all(self, questions):
        return self.llm.batch(questions)  # want: ASL202 "ainvoke"

    async def summary(self, text):
        return self.llm.predict(text)  # want: ASL202

    # Quiet: the async twins, a worker thread, synchronous code.
    async def answer(self, question):
        return await self.llm.ainvoke(question)

    async def answer_in_thread(self, question):
        return await asyncio.to_thread(self.llm.invoke, question)

    def answer_sync(self, question):
        return self.llm.invoke(question)


class Tool:
    # Quiet: another object's invoke (a tool, a graph) is not the chat model's.
    def invoke(self, value):
        return value


async def run_tool(value):
    return Tool().invoke(value)
