import asyncio
from typing import Any, Coroutine

_background: set = set()


def spawn(coro: Coroutine[Any, Any, Any]) -> "asyncio.Task[Any]":
    return asyncio.create_task(coro)


def spawn_named(coro: Coroutine[Any, Any, Any], name: str) -> "asyncio.Task[Any]":
    return spawn(coro)


def spawn_kept(coro: Coroutine[Any, Any, Any]) -> "asyncio.Task[Any]":
    task = asyncio.create_task(coro)
    _background.add(task)
    task.add_done_callback(_background.discard)
    return task


def maybe_spawn(coro: Coroutine[Any, Any, Any], enabled: bool) -> Any:
    if enabled:
        return asyncio.create_task(coro)
    return None
