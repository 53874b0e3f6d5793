"""Sync wrappers written for the CLI, later reused by the bot."""
import asyncio
from asyncio import run as run_coro

from .llm import complete


def ask(prompt: str) -> str:
    return asyncio.run(complete(prompt))


def ask_many(prompts: list[str]) -> list[str]:
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.gather(*(complete(p) for p in prompts)))
    finally:
        loop.close()


def ask_aliased(prompt: str) -> str:
    return run_coro(complete(prompt))


def ask_safely(prompt: str) -> str:
    # Works inside and outside a running loop.
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(complete(prompt))
    raise RuntimeError("use `await complete(...)` inside async code")


class SyncClient:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()

    def summarize(self, text: str) -> str:
        return self._run(complete("summarize: " + text))

    def _run(self, coro):
        return self._loop.run_until_complete(coro)


def format_answer(text: str) -> str:
    return text.strip()
