import asyncio

from ..compat import SyncClient, ask, ask_aliased, ask_many, ask_safely, format_answer
from ..llm import complete
from .. import compat

client = SyncClient()


async def on_message(text: str) -> str:
    answer = ask(text)  # want: ASL101
    return format_answer(answer)


async def on_batch(texts: list[str]) -> list[str]:
    return ask_many(texts)  # want: ASL101


async def on_summary(text: str) -> str:
    return client.summarize(text)  # want: ASL101


async def on_alias(text: str) -> str:
    return compat.ask_aliased(text)  # want: ASL101


async def on_direct(text: str) -> str:
    return asyncio.run(complete(text))  # want: ASL101


async def on_guarded(text: str) -> str:
    # A guard does not help inside a coroutine: a loop is always running.
    return ask_safely(text)


# Quiet cases.
async def on_message_fixed(text: str) -> str:
    return format_answer(await complete(text))


async def on_thread(text: str) -> str:
    # In a worker thread there is no running loop: asyncio.run is fine there.
    answer = await asyncio.to_thread(ask, text)
    other = await asyncio.get_running_loop().run_in_executor(None, ask_aliased, text)
    return answer + other


def cli(text: str) -> None:
    print(ask(text), client.summarize(text))


def main() -> None:
    asyncio.run(on_message("hi"))


if __name__ == "__main__":
    main()


class JobRunner:
    """A project class whose method merely shares the loop's name."""

    def __init__(self) -> None:
        self.done: list = []

    def run_until_complete(self, job) -> None:
        self.done.append(job)


async def run_jobs(jobs) -> None:
    runner = JobRunner()
    for job in jobs:
        runner.run_until_complete(job)
