# LangChain's legacy LLMChain answers synchronously with run/predict/invoke
# (the model's whole response on the calling thread); a coroutine awaits
# its twins arun/apredict/ainvoke instead (LangChain Reference,
# chains.base.Chain.arun). The receiver is typed from the constructor.
import asyncio

from langchain.chains import LLMChain
from langchain.chat_models import ChatOpenAI

chain = LLMChain(llm=ChatOpenAI(temperature=0), prompt=None)


async def answer(question: str) -> str:
    return chain.run(question)  # want: ASL202


async def predict(question: str) -> str:
    local = LLMChain(llm=ChatOpenAI(), prompt=None)
    text = local.predict(question=question)  # want: ASL202
    return text + str(local.invoke({"question": question}))  # want: ASL202


async def forgot_await(question: str) -> None:
    # The twins are coroutines: called without await they send nothing.
    chain.arun(question)  # want: ASL102 "coroutine `chain\.arun\(\)` is never awaited"
    chain.apredict(question=question)  # want: ASL102


# Quiet: the async twins awaited, the sync call in a thread or in a plain
# function, and other objects' run.

async def twins(question: str) -> str:
    a = await chain.arun(question)
    b = await chain.apredict(question=question)
    c = await chain.ainvoke({"question": question})
    d = await asyncio.to_thread(chain.run, question)
    return a + b + str(c) + d


def sync_answer(question: str) -> str:
    return chain.run(question)


class Job:
    def run(self, x):
        return x


async def other(job: Job, runner) -> None:
    job.run(1)
    runner.run(2)
